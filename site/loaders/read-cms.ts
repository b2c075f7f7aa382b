/**
 * Reads published content from the CMS through its Local API, as an anonymous visitor
 * (`overrideAccess: false`, no user): the same access rules as the public REST API, so drafts and
 * private collections cannot reach the build. Turns documents into the plain shapes of
 * site/lib/schemas.ts (./documents.ts, shared with the live preview page) and lists the media files
 * those shapes use. The content loader (./cms.ts) calls it once per build; with the build's read cache
 * (./read-cache.ts) only documents changed since the last build are read and mapped again. Nothing here
 * knows about the build.
 */
import type { Payload } from 'payload'

import type { Case, Deputy, Lecture, MediaStore, News, Station } from '../../cms/index.ts'
import {
  redirectSchema,
  type CmsSnapshot,
  type RedirectItem,
  type Results,
  type SiteInfo,
} from '../lib/schemas.ts'
import { DEFAULT_DUTY_MINIMUM } from '../../vocabulary/duty.ts'
import type { LexicalConverters } from './documents.ts'
import { consultationFiles, readConsultations } from './read-consultations.ts'
import { readActivities } from './read-activities.ts'
import {
  ReadCache,
  WATCHED_COLLECTIONS,
  relationsOf,
  type CachedCollection,
  type CachedItem,
  type FieldShape,
  type ReadCacheOptions,
  type Stamps,
} from './read-cache.ts'

/** One document's latest draft instead of the published site (a preview build). */
export interface DraftTarget {
  collection: 'news' | 'cases' | 'lectures'
  id: string
}

/** What one read of the CMS gives: the content, and the media files it uses and where they are. */
export interface CmsRead {
  snapshot: CmsSnapshot
  /** Names of the media files the pages show (drafts' files are never listed). */
  mediaFiles: string[]
  /** Where they are (the data folder or S3), and how to copy them into the build. */
  media: MediaStore
  /** Old addresses and where they lead (none in a draft preview): the build's forwarding pages and map. */
  redirects: RedirectItem[]
  ms: number
  /** How long loading and opening the CMS took before (once per process; see `openCms`). */
  openMs: number
  /** Documents taken from the last build's read, and read again (all of them without a cache). */
  reused: number
  fetched: number
}

const anonymous = { overrideAccess: false, user: null } as const

/** The CMS entry, its opened Local API and the rich-text converters: what every read needs first. */
interface OpenedCms {
  cms: typeof import('../../cms/index.ts')
  payload: Payload
  lexical: LexicalConverters
  ms: number
}

let opened: Promise<OpenedCms> | undefined

/**
 * Loads the CMS's code and the converters and opens the CMS, once per process (~0.9 s at a build's
 * start on this machine, most of it loading modules): a build started ahead does it before it is asked
 * for (./cms.ts).
 */
export function openCms(): Promise<OpenedCms> {
  return (opened ??= (async () => {
    const started = Date.now()
    // The CMS entry loads Payload: only when the loader runs, never when Astro reads its config.
    const cms = await import('../../cms/index.ts')
    const { loadLexicalConverters } = await import('./documents.ts')
    let payload: Payload
    try {
      payload = await cms.openPayload()
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      throw new Error(`cms loader: could not open the CMS: ${reason}`, { cause: error })
    }
    return { cms, payload, lexical: await loadLexicalConverters(), ms: Date.now() - started }
  })().catch((error: unknown) => {
    opened = undefined // the next read tries again (a dev server outlives a CMS that was down)
    throw error
  }))
}

/**
 * Reads the whole published site, or with `draft` that one draft and the site settings. With `cache`
 * (a build), documents unchanged since the last build's read are taken from it (./read-cache.ts).
 */
export async function readCms(draft?: DraftTarget, cache?: ReadCacheOptions): Promise<CmsRead> {
  const { cms, payload, lexical, ms: openMs } = await openCms()
  const started = Date.now()
  const media = new Set<string>()
  const { snapshot, counts } = await snapshotOf(
    payload,
    lexical,
    media,
    draft,
    () => (draft ? noResults : cms.publicMessageResults(payload)),
    draft ? undefined : cache,
  )
  const redirects = draft ? [] : await readRedirects(payload)
  return {
    snapshot,
    mediaFiles: [...media].sort(),
    media: cms.mediaStore(payload),
    redirects,
    ms: Date.now() - started,
    openMs,
    reused: counts.reused,
    fetched: counts.fetched,
  }
}

/** Every redirect, as an anonymous visitor reads them (they are public addresses: the collection says so). */
async function readRedirects(payload: Payload): Promise<RedirectItem[]> {
  const { docs } = await payload.find({
    collection: 'redirects',
    ...anonymous,
    depth: 0,
    limit: 0,
    pagination: false,
    sort: 'from',
  })
  return docs.map((doc) => redirectSchema.parse({ from: doc.from, to: doc.to }))
}

async function snapshotOf(
  payload: Payload,
  lexical: LexicalConverters,
  media: Set<string>,
  preview: DraftTarget | undefined,
  results: () => Promise<Results> | Results,
  cacheOptions: ReadCacheOptions | undefined,
): Promise<{ snapshot: CmsSnapshot; counts: { reused: number; fetched: number } }> {
  const { documentMappers, text } = await import('./documents.ts')
  /** The media files of the document being mapped (kept with its item in the cache). */
  let mapping: Set<string> | undefined
  const map = documentMappers({
    lexical,
    mediaUrl: (filename) => `/media/${filename}`,
    usesMedia: (filename) => {
      media.add(filename)
      mapping?.add(filename)
    },
  })
  const counts = { reused: 0, fetched: 0 }

  const find = async (collection: CachedCollection, ids?: (number | string)[]) => {
    const where = ids ? { id: { in: ids } } : undefined
    return (
      await payload.find({
        collection,
        ...anonymous,
        depth: 1,
        limit: 0,
        pagination: false,
        sort: sortOf(collection),
        ...(where ? { where } : {}),
      })
    ).docs as unknown as Record<string, unknown>[]
  }

  // Without a cache every document is read; with one, first the light list of what a visitor may read.
  const listed = cacheOptions ? await listVisible(payload) : undefined
  const stamps = listed?.stamps
  const cache = cacheOptions && stamps ? new ReadCache(cacheOptions, stamps) : undefined
  const kept = {} as Record<CachedCollection, Record<string, CachedItem>>

  const all = async <T>(collection: CachedCollection, mapOne: (doc: never) => T): Promise<T[]> => {
    if (preview) {
      // Only the previewed document, as its latest draft (read with the CMS's rights: the preview
      // endpoint checked that an editor asked, and the output never reaches a served folder).
      if (collection !== preview.collection) return []
      const doc = await payload.findByID({
        collection,
        id: preview.id,
        draft: true,
        depth: 1,
        overrideAccess: true,
      })
      return [mapOne({ ...doc, slug: doc.slug || 'preview' } as never)]
    }
    const fields = payload.collections[collection].config.fields as unknown as FieldShape[]
    const fresh = (doc: Record<string, unknown>): CachedItem => {
      mapping = new Set()
      const item = mapOne(doc as never)
      const entry: CachedItem = {
        updatedAt: String(doc.updatedAt),
        item,
        media: [...mapping],
        relations: [...relationsOf(fields, doc)],
      }
      mapping = undefined
      counts.fetched++
      return entry
    }
    const entries: Record<string, CachedItem> = (kept[collection] = {})
    if (!cache || !listed) {
      // (An object keyed by numeric ids lists them in number order: the items come from the array.)
      return (await find(collection)).map((doc) => (entries[String(doc.id)] = fresh(doc)).item as T)
    }
    // The list's order is the site's (the same sort); each id's item is kept or read again.
    const order = listed.order[collection]
    const reusable = new Map<string, CachedItem>()
    const missing: (number | string)[] = []
    for (const id of order) {
      const entry = cache.get(collection, String(id))
      if (entry) reusable.set(String(id), entry)
      else missing.push(id)
    }
    const read = new Map<string, CachedItem>()
    if (missing.length > order.length / 2)
      for (const doc of await find(collection)) read.set(String(doc.id), fresh(doc))
    else
      for (let i = 0; i < missing.length; i += 500)
        for (const doc of await find(collection, missing.slice(i, i + 500)))
          read.set(String(doc.id), fresh(doc))
    const items: T[] = []
    for (const listedId of order) {
      const id = String(listedId)
      let entry = read.get(id)
      if (!entry) {
        entry = reusable.get(id)
        if (!entry) continue // published or removed between the two queries: the next build has it
        counts.reused++
        for (const file of entry.media) media.add(file)
      }
      entries[id] = entry
      items.push(entry.item as T)
    }
    return items
  }

  const siteDoc = await payload.findGlobal({ slug: 'site', ...anonymous, depth: 1 })
  const site: SiteInfo = {
    siteName: text(siteDoc.siteName) || '民呼我应',
    tagline: text(siteDoc.tagline),
    organizer: text(siteDoc.organizer),
    contactEmail: text(siteDoc.contactEmail),
    icp: text(siteDoc.icp),
    publicSecurityFiling: text(siteDoc.publicSecurityFiling),
    siteCode: text(siteDoc.siteCode),
    links: (siteDoc.links ?? []).map((l) => ({ label: l.label, url: l.url })),
    quickNav: (siteDoc.quickNav ?? []).map((l) => ({ label: l.label, url: l.url })),
    aboutHtml: map.html(siteDoc.about),
    platforms: (siteDoc.platforms ?? []).map((p) => ({ name: p.name, description: text(p.description) })),
    stats: (siteDoc.stats ?? []).map((s) => ({ value: s.value, label: s.label })),
    dutyMinimum: siteDoc.dutyMinimum ?? DEFAULT_DUTY_MINIMUM,
  }

  const news = await all('news', (doc: News) => map.newsItem(doc))
  const lectures = await all('lectures', (doc: Lecture) => map.lectureItem(doc))
  const cases = await all('cases', (doc: Case) => map.caseItem(doc))
  const deputies = await all('deputies', (doc: Deputy) => map.deputyItem(doc))
  const stations = await all('stations', (doc: Station) => map.stationItem(doc))
  cache?.save(kept)

  const consultations = preview ? [] : await readConsultations(payload)
  for (const file of consultationFiles(consultations)) media.add(file)
  const activities = preview ? [] : await readActivities(payload, map.picture)
  const snapshot = {
    site,
    news,
    lectures,
    cases,
    deputies,
    stations,
    results: await results(),
    consultations,
    activities,
  }
  return { snapshot, counts }
}

/**
 * Every document of the watched collections a visitor may read: `id → updatedAt`, and the ids in the
 * site's order (as the database gives them: numbers in SQLite, strings in MongoDB).
 */
async function listVisible(
  payload: Payload,
): Promise<{ stamps: Stamps; order: Record<CachedCollection, (number | string)[]> }> {
  const stamps = {} as Stamps
  const order = {} as Record<CachedCollection, (number | string)[]>
  for (const collection of WATCHED_COLLECTIONS) {
    const { docs } = await payload.find({
      collection,
      ...anonymous,
      depth: 0,
      limit: 0,
      pagination: false,
      select: { updatedAt: true },
      sort: collection === 'media' ? 'id' : sortOf(collection),
    })
    stamps[collection] = Object.fromEntries(docs.map((doc) => [String(doc.id), String(doc.updatedAt)]))
    if (collection !== 'media') order[collection] = docs.map((doc) => doc.id)
  }
  return { stamps, order }
}

/** The order of each collection's listing. */
const sortOf = (collection: CachedCollection) =>
  collection === 'deputies' ? 'pinyin' : collection === 'stations' ? 'name' : '-publishedAt'

const noResults: Results = {
  total: 0,
  closed: 0,
  byCategory: [],
  byStreet: [],
  withinDeadline: 0,
  averageDaysToClose: null,
  satisfaction: [],
  rated: 0,
  duty: {},
  items: [],
}
