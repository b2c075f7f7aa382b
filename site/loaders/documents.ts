/**
 * Payload documents → the plain shapes of site/lib/schemas.ts that the pages render. Pure: no Payload,
 * no Node, no file system, so the same mapping runs in the build (read-cms.ts, published documents read
 * as an anonymous visitor) and in the browser (the live preview page, the editor's unsaved form data
 * populated by the CMS). The caller says where pictures are served from and, in the build, collects the
 * media files the pages use.
 */
import type { convertLexicalToHTML, LinkHTMLConverter } from '@payloadcms/richtext-lexical/html'
import type { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'

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
import type { Case, Deputy, Lecture, Media, News, Station } from '../../cms/index.ts'
import type {
  CaseItem,
  DeputyItem,
  LectureItem,
  NewsItem,
  Picture,
  Ref,
  StationItem,
  Video,
} from '../lib/schemas.ts'

/** The CMS's documents as the mappers take them, for code that may not import the CMS (the preview page). */
export interface CmsDocuments {
  news: News
  lectures: Lecture
  cases: Case
  deputies: Deputy
  stations: Station
}

/** The rich-text converters of @payloadcms/richtext-lexical (loaded by the caller: they are large). */
export interface LexicalConverters {
  convertLexicalToHTML: typeof convertLexicalToHTML
  LinkHTMLConverter: typeof LinkHTMLConverter
  convertLexicalToPlaintext: typeof convertLexicalToPlaintext
}

export async function loadLexicalConverters(): Promise<LexicalConverters> {
  const [html, plain] = await Promise.all([
    import('@payloadcms/richtext-lexical/html'),
    import('@payloadcms/richtext-lexical/plaintext'),
  ])
  return {
    convertLexicalToHTML: html.convertLexicalToHTML,
    LinkHTMLConverter: html.LinkHTMLConverter,
    convertLexicalToPlaintext: plain.convertLexicalToPlaintext,
  }
}

export interface MapperOptions {
  lexical: LexicalConverters
  /** Where a stored media file is served: `/media/<name>` in the build, the CMS's file route in a preview. */
  mediaUrl: (filename: string) => string
  /** Told of every media file a mapped document shows (the build copies those). */
  usesMedia?: (filename: string) => void
}

export type Doc<T> = T | number | string | null | undefined

export const isDoc = <T extends object>(value: Doc<T>): value is T =>
  typeof value === 'object' && value !== null
export const text = (value: unknown): string => (typeof value === 'string' ? value : '')

/** The site's URL of each collection a rich-text link may point to. */
const HREF_OF: Record<string, string> = {
  news: 'news',
  lectures: 'lectures',
  cases: 'cases',
  deputies: 'deputies',
  stations: 'stations',
}

export function documentMappers({ lexical, mediaUrl, usesMedia = () => {} }: MapperOptions) {
  const picture = (doc: Doc<Media>): Picture | null => {
    if (!isDoc(doc) || !doc.filename || !doc.mimeType?.startsWith('image/')) return null
    const sizes = doc.sizes ?? {}
    const candidates = [sizes.card, sizes.large].filter(
      (s): s is NonNullable<typeof s> & { filename: string; width: number; height: number } =>
        Boolean(s?.filename && s.width && s.height),
    )
    for (const c of candidates) usesMedia(c.filename)
    if (!candidates.length) usesMedia(doc.filename)
    const main = candidates[0] ?? { filename: doc.filename, width: doc.width ?? 0, height: doc.height ?? 0 }
    return {
      src: mediaUrl(main.filename),
      width: main.width,
      height: main.height,
      srcset: candidates.map((c) => `${mediaUrl(c.filename)} ${c.width}w`).join(', '),
      alt: doc.alt,
      caption: doc.caption ?? undefined,
    }
  }
  const pictures = (list: Doc<Media>[] | null | undefined) =>
    (list ?? []).map(picture).filter((p): p is Picture => p !== null)
  const video = (doc: Doc<Media>): Video | null => {
    if (!isDoc(doc) || !doc.filename || !doc.mimeType?.startsWith('video/')) return null
    usesMedia(doc.filename)
    return { src: mediaUrl(doc.filename), type: doc.mimeType }
  }

  const html = (state: unknown): string => {
    if (!state || typeof state !== 'object') return ''
    return lexical.convertLexicalToHTML({
      data: state as never,
      disableContainer: true,
      converters: ({ defaultConverters }) => ({
        ...defaultConverters,
        ...lexical.LinkHTMLConverter({
          internalDocToHref: ({ linkNode }) => {
            const doc = linkNode.fields.doc as { relationTo?: string; value?: { slug?: string } } | undefined
            const base = doc?.relationTo ? HREF_OF[doc.relationTo] : undefined
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
    return lexical
      .convertLexicalToPlaintext({
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
  const refs = (list: Doc<Deputy>[] | null | undefined) =>
    (list ?? []).map(ref).filter((r): r is Ref => r !== null)

  const newsItem = (n: News): NewsItem => ({
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
  })

  const lectureItem = (l: Lecture): LectureItem => ({
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
    deputies: refs(l.deputies),
    publishedAt: l.publishedAt,
    updatedAt: l.updatedAt,
  })

  const caseItem = (c: Case): CaseItem => ({
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
    deputies: refs(c.deputies),
    station: ref(c.station),
    publishedAt: c.publishedAt,
    updatedAt: c.updatedAt,
  })

  const deputyItem = (d: Deputy): DeputyItem => ({
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
  })

  const stationItem = (s: Station): StationItem => ({
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
  })

  return { picture, html, newsItem, lectureItem, caseItem, deputyItem, stationItem }
}
