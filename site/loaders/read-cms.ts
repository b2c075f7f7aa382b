/**
 * Reads published content from the CMS through its Local API, as an anonymous visitor
 * (`overrideAccess: false`, no user): the same access rules as the public REST API, so drafts and
 * private collections cannot reach the build. Turns documents into the plain shapes of
 * site/lib/schemas.ts and lists the media files those shapes use. The content loader (./cms.ts) calls
 * it once per build; nothing here writes files or knows about the build.
 */
import type { Payload } from 'payload'

import {
  CASE_CATEGORIES,
  DEPUTY_LEVELS,
  EXPERTISE_FIELDS,
  NEWS_CATEGORIES,
  STATION_TYPES,
  STREETS,
  labelOf,
} from '../../vocabulary/options.ts'
import { escapeHtml } from '../../vocabulary/html.ts'
import { consultationFiles, readConsultations } from './read-consultations.ts'
import type { Case, Deputy, Lecture, Media, MediaStore, News, Station } from '../../cms/index.ts'
import type {
  CaseItem,
  CmsSnapshot,
  DeputyItem,
  LectureItem,
  NewsItem,
  Picture,
  Ref,
  Results,
  SiteInfo,
  StationItem,
  Video,
} from '../lib/schemas.ts'

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
  return { snapshot, mediaFiles: [...media].sort(), media: cms.mediaStore(payload), ms: Date.now() - started }
}

type Doc<T> = T | number | string | null | undefined

const isDoc = <T extends object>(value: Doc<T>): value is T => typeof value === 'object' && value !== null
const text = (value: unknown): string => (typeof value === 'string' ? value : '')

async function snapshotOf(
  payload: Payload,
  media: Set<string>,
  preview: DraftTarget | undefined,
  results: () => Promise<Results> | Results,
): Promise<CmsSnapshot> {
  const { convertLexicalToHTML, LinkHTMLConverter } = await import('@payloadcms/richtext-lexical/html')
  const { convertLexicalToPlaintext } = await import('@payloadcms/richtext-lexical/plaintext')

  const picture = (doc: Doc<Media>): Picture | null => {
    if (!isDoc(doc) || !doc.filename || !doc.mimeType?.startsWith('image/')) return null
    const sizes = doc.sizes ?? {}
    const candidates = [sizes.card, sizes.large].filter(
      (s): s is NonNullable<typeof s> & { filename: string; width: number; height: number } =>
        Boolean(s?.filename && s.width && s.height),
    )
    for (const c of candidates) media.add(c.filename)
    if (!candidates.length) media.add(doc.filename)
    const main = candidates[0] ?? { filename: doc.filename, width: doc.width ?? 0, height: doc.height ?? 0 }
    return {
      src: `/media/${main.filename}`,
      width: main.width,
      height: main.height,
      srcset: candidates.map((c) => `/media/${c.filename} ${c.width}w`).join(', '),
      alt: doc.alt,
      caption: doc.caption ?? undefined,
    }
  }
  const pictures = (list: Doc<Media>[] | null | undefined) =>
    (list ?? []).map(picture).filter((p): p is Picture => p !== null)
  const video = (doc: Doc<Media>): Video | null => {
    if (!isDoc(doc) || !doc.filename || !doc.mimeType?.startsWith('video/')) return null
    media.add(doc.filename)
    return { src: `/media/${doc.filename}`, type: doc.mimeType }
  }

  const hrefOf: Record<string, string> = {
    news: 'news',
    lectures: 'lectures',
    cases: 'cases',
    deputies: 'deputies',
    stations: 'stations',
  }
  const html = (state: unknown): string => {
    if (!state || typeof state !== 'object') return ''
    return convertLexicalToHTML({
      data: state as never,
      disableContainer: true,
      converters: ({ defaultConverters }) => ({
        ...defaultConverters,
        ...LinkHTMLConverter({
          internalDocToHref: ({ linkNode }) => {
            const doc = linkNode.fields.doc as { relationTo?: string; value?: { slug?: string } } | undefined
            const base = doc?.relationTo ? hrefOf[doc.relationTo] : undefined
            // A link to something not published resolves to nothing rather than to a dead page.
            return base && doc?.value?.slug ? `/${base}/${doc.value.slug}/` : '#'
          },
        }),
        upload: ({ node }) => {
          const pic = picture((node as { value?: Doc<Media> }).value)
          if (!pic) return ''
          const caption = pic.caption ? `<figcaption>${escapeHtml(pic.caption)}</figcaption>` : ''
          return `<figure><img src="${pic.src}" srcset="${pic.srcset}" sizes="(max-width: 48rem) 100vw, 48rem" width="${pic.width}" height="${pic.height}" alt="${escapeHtml(pic.alt)}" loading="lazy" decoding="async">${caption}</figure>`
        },
      }),
    })
  }

  /**
   * The same rich text as plain text for the search index, a picture by its caption as on the page. One
   * line per paragraph (the converter puts blank lines between them), like the other parts of a record.
   */
  const plainText = (state: unknown): string => {
    if (!state || typeof state !== 'object') return ''
    return convertLexicalToPlaintext({
      data: state as never,
      converters: {
        upload: ({ node }) => {
          const caption = picture((node as { value?: Doc<Media> }).value)?.caption
          return caption ? `\n${caption}` : ''
        },
      },
    })
      .replace(/\n{2,}/g, '\n')
      .trim()
  }

  const ref = (doc: Doc<Deputy | Station>): Ref | null =>
    isDoc(doc) && doc.slug ? { slug: doc.slug, name: doc.name } : null

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
    aboutHtml: html(siteDoc.about),
    platforms: (siteDoc.platforms ?? []).map((p) => ({ name: p.name, description: text(p.description) })),
    stats: (siteDoc.stats ?? []).map((s) => ({ value: s.value, label: s.label })),
  }

  const news = (await all<News>('news')).map((n): NewsItem => ({
    slug: n.slug!,
    title: n.title,
    category: n.category,
    categoryLabel: labelOf(NEWS_CATEGORIES, n.category),
    summary: text(n.summary),
    cover: picture(n.cover),
    bodyHtml: html(n.body),
    bodyText: plainText(n.body),
    source: text(n.source),
    author: text(n.author),
    publishedAt: n.publishedAt,
    updatedAt: n.updatedAt,
  }))

  const lectures = (await all<Lecture>('lectures')).map((l): LectureItem => ({
    slug: l.slug!,
    title: l.title,
    speaker: l.speaker,
    topic: l.topic,
    series: text(l.series),
    summary: text(l.summary),
    cover: picture(l.cover),
    video: video(l.video),
    videoUrl: text(l.videoUrl),
    durationSeconds: l.durationSeconds ?? null,
    transcriptHtml: html(l.transcript),
    transcriptText: plainText(l.transcript),
    deputies: (l.deputies ?? []).map(ref).filter((r): r is Ref => r !== null),
    publishedAt: l.publishedAt,
    updatedAt: l.updatedAt,
  }))

  const cases = (await all<Case>('cases')).map((c): CaseItem => ({
    slug: c.slug!,
    title: c.title,
    category: c.category,
    categoryLabel: labelOf(CASE_CATEGORIES, c.category),
    street: c.street,
    streetLabel: labelOf(STREETS, c.street),
    community: c.community,
    summary: text(c.summary),
    cover: picture(c.cover),
    request: c.request,
    action: c.action,
    result: c.result,
    timeline: (c.timeline ?? [])
      .map((t) => ({ date: t.date, title: t.title, description: text(t.description) }))
      .sort((a, b) => a.date.localeCompare(b.date)),
    photosBefore: pictures(c.photosBefore),
    photosAfter: pictures(c.photosAfter),
    deputies: (c.deputies ?? []).map(ref).filter((r): r is Ref => r !== null),
    station: ref(c.station),
    publishedAt: c.publishedAt,
    updatedAt: c.updatedAt,
  }))

  const deputies = (await all<Deputy>('deputies')).map((d): DeputyItem => ({
    slug: d.slug!,
    name: d.name,
    code: text(d.code),
    pinyin: text(d.pinyin),
    pinyinInitials: text(d.pinyinInitials),
    gender: text(d.gender),
    photo: picture(d.photo),
    level: d.level,
    levelLabel: labelOf(DEPUTY_LEVELS, d.level),
    term: text(d.term),
    constituency: text(d.constituency),
    street: d.street,
    streetLabel: labelOf(STREETS, d.street),
    communities: d.communities ?? [],
    station: ref(d.station),
    occupation: text(d.occupation),
    fields: (d.fields ?? []).map((value) => ({ value, label: labelOf(EXPERTISE_FIELDS, value) })),
    identity: text(d.identity),
    duties: text(d.duties),
    commitments: text(d.commitments),
    receptionTimes: text(d.receptionTimes),
    isSample: Boolean(d.isSample),
    updatedAt: d.updatedAt,
  }))

  const stations = (await all<Station>('stations')).map((s): StationItem => ({
    slug: s.slug!,
    name: s.name,
    type: s.type,
    typeLabel: labelOf(STATION_TYPES, s.type),
    street: s.street,
    streetLabel: labelOf(STREETS, s.street),
    brand: text(s.brand),
    address: s.address,
    hours: s.hours,
    phone: text(s.phone),
    descriptionHtml: html(s.description),
    descriptionText: plainText(s.description),
    photos: pictures(s.photos),
    isSample: Boolean(s.isSample),
    updatedAt: s.updatedAt,
  }))

  const consultations = preview ? [] : await readConsultations(payload)
  for (const file of consultationFiles(consultations)) media.add(file)
  return { site, news, lectures, cases, deputies, stations, results: await results(), consultations }
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
  items: [],
}
