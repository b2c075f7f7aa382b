import { defineCollection } from 'astro:content'

import { cmsLoader } from './loaders/cms.ts'

/** Every collection comes from the CMS through the one loader module, read as an anonymous visitor. */
export const collections = {
  site: defineCollection({ loader: cmsLoader('site') }),
  news: defineCollection({ loader: cmsLoader('news') }),
  lectures: defineCollection({ loader: cmsLoader('lectures') }),
  cases: defineCollection({ loader: cmsLoader('cases') }),
  deputies: defineCollection({ loader: cmsLoader('deputies') }),
  stations: defineCollection({ loader: cmsLoader('stations') }),
  results: defineCollection({ loader: cmsLoader('results') }),
}
