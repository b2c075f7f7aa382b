import { defineCollection } from 'astro:content'

import { buildContext } from './build/context.ts'
import { articleBodies } from './lib/article-bodies.ts'
import { cmsSource } from './loaders/cms.ts'
import { COLLECTION_SCHEMAS as schemas } from './lib/schemas.ts'

/**
 * Every collection comes from the CMS through one source, read once as an anonymous visitor. During
 * `astro build` the build integration (site/build/) says whether this is a draft preview and hears what
 * was read; outside a build the loader just loads.
 */
const cms = cmsSource({
  draft: () => buildContext()?.draft,
  start: () => buildContext()?.start?.(),
  cache: () => buildContext()?.readCache,
  onRead: (read) => buildContext()?.contentRead(read),
  // News bodies and lecture transcripts stay out of the content store; each page reads its own.
  putBody: (collection, slug, html) => articleBodies().put(collection, slug, html),
})

export const collections = {
  site: defineCollection({ loader: cms.loader('site'), schema: schemas.site }),
  news: defineCollection({ loader: cms.loader('news'), schema: schemas.news }),
  lectures: defineCollection({ loader: cms.loader('lectures'), schema: schemas.lectures }),
  cases: defineCollection({ loader: cms.loader('cases'), schema: schemas.cases }),
  deputies: defineCollection({ loader: cms.loader('deputies'), schema: schemas.deputies }),
  stations: defineCollection({ loader: cms.loader('stations'), schema: schemas.stations }),
  results: defineCollection({ loader: cms.loader('results'), schema: schemas.results }),
  consultations: defineCollection({ loader: cms.loader('consultations'), schema: schemas.consultations }),
  activities: defineCollection({ loader: cms.loader('activities'), schema: schemas.activities }),
}
