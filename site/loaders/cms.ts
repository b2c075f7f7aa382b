/**
 * The content loader: the one way the site's collections get their data. Every collection of
 * site/content.config.ts uses a loader made by one `cmsSource()`, which reads the CMS once per build
 * (./read-cms.ts) and gives each collection its part. Entries are validated against the collection's
 * schema (`parseData`) and stored with a digest, so an unchanged entry is not written again.
 *
 * The loader only loads. What the build does with the content (media copy, search index, incremental
 * plan) is the build integration's business (site/build/): it hears about each read through `onRead`.
 */
import type { Loader } from 'astro/loaders'

import type { CmsSnapshot } from '../lib/schemas.ts'
import { readCms, type CmsRead, type DraftTarget } from './read-cms.ts'

export type { CmsRead, DraftTarget } from './read-cms.ts'

export interface CmsSourceOptions {
  /**
   * Load that one document's latest draft instead of the published site (a preview build). Asked when
   * the first collection loads, not when the content config is evaluated.
   */
  draft?: () => DraftTarget | null | undefined
  /** Called once with what was read, before any collection stores it. */
  onRead?: (read: CmsRead) => void | Promise<void>
}

export type CmsPart = keyof CmsSnapshot

export function cmsSource(options: CmsSourceOptions = {}) {
  let read: Promise<CmsRead> | undefined
  /** The first collection to load reads the CMS, says what it read and hands it over. */
  const readOnce = (logger: { info(line: string): void }) =>
    (read ??= (async () => {
      const draft = options.draft?.() ?? undefined
      const result = await readCms(draft)
      const { snapshot, mediaFiles, ms } = result
      const counts =
        `${snapshot.news.length} news, ${snapshot.lectures.length} lectures, ${snapshot.cases.length} cases, ` +
        `${snapshot.deputies.length} deputies, ${snapshot.stations.length} stations`
      logger.info(
        draft
          ? `read the latest draft of ${draft.collection} #${draft.id} and the site settings in ${ms} ms`
          : `read ${counts}, ${snapshot.results.total} messages (${snapshot.results.items.length} public ` +
              `results), ${mediaFiles.length} media files as an anonymous visitor in ${ms} ms`,
      )
      await options.onRead?.(result)
      return result
    })())

  /** An Astro content loader for one part of the CMS: a list keyed by slug, or one entry named `part`. */
  const loader = (part: CmsPart): Loader => ({
    name: `cms-${part}`,
    load: async ({ store, logger, parseData, generateDigest }) => {
      const { snapshot } = await readOnce(logger)
      const value = snapshot[part]
      const entries: { id: string; data: Record<string, unknown> }[] = Array.isArray(value)
        ? value.map((item) => ({ id: item.slug, data: { ...item } }))
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
  })

  return { loader }
}
