/**
 * Reads published content from the CMS through its Local API, as an anonymous visitor
 * (`overrideAccess: false`, no user): the same access rules as the public REST API, so drafts and
 * private collections cannot reach the build. Turns documents into the plain shapes of
 * site/lib/schemas.ts (./documents.ts, shared with the live preview page) and lists the media files
 * those shapes use. The content loader (./cms.ts) calls
 * it once per build; nothing here writes files or knows about the build.
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
import { consultationFiles, readConsultations } from './read-consultations.ts'
import { readActivities } from './read-activities.ts'

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
}

const anonymous = { overrideAccess: false, user: null } as const

/** Reads the whole published site, or with `draft` that one draft and the site settings. */
export async function readCms(draft?: DraftTarget): Promise<CmsRead> {
  const started = Date.now()
  // The CMS entry loads Payload: only when the loader runs, never when Astro reads its config.
  const cms = await import('../../cms/index.ts')
  let payload: Payload
  try {
    payload = await cms.openPayload()
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    throw new Error(`cms loader: could not open the CMS: ${reason}`, { cause: error })
  }
  const media = new Set<string>()
  const snapshot = await snapshotOf(payload, media, draft, () =>
    draft ? noResults : cms.publicMessageResults(payload),
  )
  const redirects = draft ? [] : await readRedirects(payload)
  return {
    snapshot,
    mediaFiles: [...media].sort(),
    media: cms.mediaStore(payload),
    redirects,
    ms: Date.now() - started,
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
  media: Set<string>,
  preview: DraftTarget | undefined,
  results: () => Promise<Results> | Results,
): Promise<CmsSnapshot> {
  const { documentMappers, loadLexicalConverters, text } = await import('./documents.ts')
  const map = documentMappers({
    lexical: await loadLexicalConverters(),
    mediaUrl: (filename) => `/media/${filename}`,
    usesMedia: (filename) => media.add(filename),
  })

  const all = async <T>(collection: 'news' | 'lectures' | 'cases' | 'deputies' | 'stations', depth = 1) => {
    if (preview) {
      // Only the previewed document, as its latest draft (read with the CMS's rights: the preview
      // endpoint checked that an editor asked, and the output never reaches a served folder).
      if (collection !== preview.collection) return [] as T[]
      const doc = await payload.findByID({
        collection,
        id: preview.id,
        draft: true,
        depth,
        overrideAccess: true,
      })
      return [{ ...doc, slug: doc.slug || 'preview' }] as T[]
    }
    return (
      await payload.find({
        collection,
        ...anonymous,
        depth,
        limit: 0,
        pagination: false,
        sort: collection === 'deputies' ? 'pinyin' : collection === 'stations' ? 'name' : '-publishedAt',
      })
    ).docs as T[]
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

  const news = (await all<News>('news')).map(map.newsItem)

  const lectures = (await all<Lecture>('lectures')).map(map.lectureItem)

  const cases = (await all<Case>('cases')).map(map.caseItem)

  const deputies = (await all<Deputy>('deputies')).map(map.deputyItem)

  const stations = (await all<Station>('stations')).map(map.stationItem)

  const consultations = preview ? [] : await readConsultations(payload)
  for (const file of consultationFiles(consultations)) media.add(file)
  const activities = preview ? [] : await readActivities(payload, map.picture)
  return {
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
}

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
