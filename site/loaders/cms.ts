/**
 * The content loader: the one way the site's collections get their data. Every collection of
 * site/content.config.ts uses a loader made by one `cmsSource()`, which reads the CMS once per build
 * (./read-cms.ts) and gives each collection its part. Entries are validated against the collection's
 * schema (`parseData`) and stored with a digest, so an unchanged entry is not written again. Article
 * bodies (BODY_FIELDS) are not stored with their entry: the HTML goes to `putBody` (in the site,
 * site/lib/article-bodies.ts, where the article's page reads it), and the plain text only ever served
 * the search records.
 *
 * The loader only loads. What the build does with the content (media copy, search index, incremental
 * plan) is the build integration's business (site/build/): it hears about each read through `onRead`.
 */
import type { Loader } from 'astro/loaders'

import { BODY_FIELDS, type BodyCollection, type CmsSnapshot } from '../lib/schemas.ts'
import type { ReadCacheOptions } from './read-cache.ts'
import { openCms, readCms, type CmsRead, type DraftTarget } from './read-cms.ts'

export type { CmsRead, DraftTarget } from './read-cms.ts'

export interface CmsSourceOptions {
  /**
   * Load that one document's latest draft instead of the published site (a preview build). Asked when
   * the first collection loads, not when the content config is evaluated.
   */
  draft?: () => DraftTarget | null | undefined
  /**
   * Resolves when the build may read the CMS: a build started ahead of its request waits here
   * (site/build/start-gate.ts). Undefined: read at once.
   */
  start?: () => Promise<void> | undefined
  /** Where the last build's read is kept, so this one reads only what changed (a build; ./read-cache.ts). */
  cache?: () => ReadCacheOptions | undefined
  /** Called once with what was read, before any collection stores it. */
  onRead?: (read: CmsRead) => void | Promise<void>
  /** Keeps an article's body (BODY_FIELDS), which its entry is stored without. */
  putBody: (collection: BodyCollection, slug: string, html: string) => void
}

export type CmsPart = keyof CmsSnapshot

export function cmsSource(options: CmsSourceOptions) {
  let read: Promise<CmsRead> | undefined
  /** The parts with a loader, and those that took their share of the current read. */
  const parts = new Set<CmsPart>()
  const taken = new Set<CmsPart>()
  /** The first collection to load reads the CMS, says what it read and hands it over. */
  const readOnce = (logger: { info(line: string): void }) =>
    (read ??= (async () => {
      // Loaded and opened before a build started ahead waits (./read-cms.ts), so not after it.
      await openCms()
      const asked = options.start?.()
      if (asked) {
        const waited = Date.now()
        await asked
        logger.info(
          `build asked for (started ahead, ready ${((Date.now() - waited) / 1000).toFixed(1)} s before): reading the CMS`,
        )
      }
      const draft = options.draft?.() ?? undefined
      const result = await readCms(draft, options.cache?.())
      const { snapshot, mediaFiles, ms, openMs, reused, fetched } = result
      const counts =
        `${snapshot.news.length} news, ${snapshot.lectures.length} lectures, ${snapshot.cases.length} cases, ` +
        `${snapshot.deputies.length} deputies, ${snapshot.stations.length} stations`
      logger.info(
        draft
          ? `read the latest draft of ${draft.collection} #${draft.id} and the site settings in ${ms} ms`
          : `read ${counts}, ${snapshot.results.total} messages (${snapshot.results.items.length} public ` +
              `results), ${mediaFiles.length} media files as an anonymous visitor in ${ms} ms` +
              (reused ? ` (${fetched} documents read again, ${reused} kept from the last build)` : '') +
              `; the CMS was opened in ${openMs} ms before${asked ? ', while the build waited to be asked for' : ''}`,
      )
      await options.onRead?.(result)
      return result
    })())

  /** An Astro content loader for one part of the CMS: a list keyed by slug, or one entry named `part`. */
  const loader = (part: CmsPart): Loader => {
    parts.add(part)
    return {
      name: `cms-${part}`,
      load: async ({ store, logger, parseData, generateDigest }) => {
        const { snapshot } = await readOnce(logger)
        const value = snapshot[part]
        // Once every part has its share, the read (every body of the site) is let go of: the next
        // load reads the CMS again.
        taken.add(part)
        if (taken.size === parts.size) {
          read = undefined
          taken.clear()
        }
        const body = part in BODY_FIELDS ? BODY_FIELDS[part as BodyCollection] : undefined
        const entries: { id: string; data: Record<string, unknown> }[] = Array.isArray(value)
          ? value.map((item: Record<string, unknown> & { slug: string }) => {
              if (!body) return { id: item.slug, data: { ...item } }
              const { [body.html]: html, [body.text]: _text, ...data } = item
              options.putBody(part as BodyCollection, item.slug, html as string)
              return { id: item.slug, data }
            })
          : [{ id: part, data: { ...value } }]
        const kept = new Set<string>()
        for (const { id, data } of entries) {
          if (kept.has(id)) throw new Error(`cms loader: two ${part} entries share the slug "${id}"`)
          kept.add(id)
          const digest = generateDigest(data)
          if (store.get(id)?.digest === digest) continue
          store.set({ id, data: await parseData({ id, data }), digest })
        }
        for (const id of store.keys()) if (!kept.has(id)) store.delete(id)
      },
    }
  }

  return { loader }
}
