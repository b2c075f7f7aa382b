/**
 * The one boundary between the site and the CMS. It opens Payload through the Local API (no CMS server
 * needed) and reads as an anonymous visitor (`overrideAccess: false`, no user): the same access rules
 * as the public REST API, so drafts and private collections cannot reach the build. It turns documents
 * into the plain shapes of site/lib/types.ts and lists the media files the pages use, which the media
 * integration copies into dist/.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Loader } from 'astro/loaders'
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
import type { Case, Deputy, Lecture, Media, MessageResults, News, Station } from '../../cms/index.ts'
import type {
  CaseItem,
  CmsSnapshot,
  DeputyItem,
  LectureItem,
  NewsItem,
  Picture,
  Ref,
  SiteInfo,
  StationItem,
  Video,
} from '../lib/types.ts'
import {
  ARTICLE_COLLECTIONS,
  digest,
  manifestPathOf,
  planBuild,
  planFilePath,
  previewTarget,
  type PreviewTarget,
  type BuildManifest,
  type BuildPlan,
  type CurrentState,
  type PlanFile,
} from '../lib/build-plan.ts'
import { searchRecords, type SearchRecord } from '../lib/search-records.ts'
import { startSearchIndex } from '../integrations/search-index.ts'

/** Where the loader lists the media files to copy; one file per build process. */
export const mediaManifestPath = (pid = process.pid) => path.join(os.tmpdir(), `minhu-site-media-${pid}.json`)

/** Where the loader writes the search records (site/lib/search-records.ts); one file per build process. */
export const searchRecordsPath = (pid = process.pid) =>
  path.join(os.tmpdir(), `minhu-site-search-${pid}.json`)

const anonymous = { overrideAccess: false, user: null } as const

let snapshot: Promise<CmsSnapshot> | undefined
let cms: typeof import('../../cms/index.ts')

/** Reads everything once per build; every collection loader shares the result. */
export function readCms(log: (line: string) => void = console.log): Promise<CmsSnapshot> {
  snapshot ??= (async () => {
    const started = Date.now()
    // The CMS entry loads Payload: only when the loader runs, never when Astro reads its config.
    cms = await import('../../cms/index.ts')
    const payload = await cms.openPayload()
    const media = new Set<string>()
    const preview = previewTarget()
    if (preview) {
      // A draft preview: that one document (its latest draft) and the site settings, into a throwaway
      // folder the preview endpoint reads and deletes; no media copy, no search index, no manifest.
      const data = await snapshotOf(payload, media, preview)
      log(`cms: preview of ${preview.collection} #${preview.id} in ${Date.now() - started} ms`)
      return data
    }
    const data = await snapshotOf(payload, media)
    fs.writeFileSync(mediaManifestPath(), JSON.stringify({ from: cms.mediaDir(), files: [...media].sort() }))
    const records = searchRecords(data)
    const { plan } = writePlan(data, records)
    log(
      plan.mode === 'full'
        ? `plan: full build (${plan.reason})`
        : `plan: incremental, ${plan.skip.length} unchanged article pages linked from the previous build; ` +
            (plan.index === 'full'
              ? 'search index rebuilt (too many changes for a delta)'
              : `${plan.delta.length} changed search records into the delta index`),
    )
    if (process.env.SEARCH_RECORDS_OUT)
      fs.writeFileSync(process.env.SEARCH_RECORDS_OUT, JSON.stringify(records))
    if (plan.index === 'full' || plan.delta.length) {
      const delta = new Set(plan.delta)
      const indexed = plan.index === 'full' ? records : records.filter((r) => delta.has(r.url))
      fs.writeFileSync(searchRecordsPath(), JSON.stringify(indexed))
      startSearchIndex(searchRecordsPath())
    }
    log(
      `cms: read ${data.news.length} news, ${data.lectures.length} lectures, ${data.cases.length} cases, ` +
        `${data.deputies.length} deputies, ${data.stations.length} stations, ${data.results.total} messages ` +
        `(${data.results.items.length} public results), ${media.size} media files ` +
        `as an anonymous visitor in ${Date.now() - started} ms`,
    )
    return data
  })()
  return snapshot
}

/** An Astro content loader for one part of the CMS snapshot. */
export function cmsLoader(part: keyof CmsSnapshot): Loader {
  return {
    name: `cms-${part}`,
    load: async ({ store, logger, generateDigest }) => {
      const data = await readCms((line) => logger.info(line))
      store.clear()
      const items: { id: string; data: Record<string, unknown> }[] =
        part === 'site' || part === 'results'
          ? [{ id: part, data: data[part] as unknown as Record<string, unknown> }]
          : (data[part] as unknown as { slug: string }[]).map((item) => ({
              id: item.slug,
              data: item as unknown as Record<string, unknown>,
            }))
      for (const item of items) store.set({ ...item, digest: generateDigest(item.data) })
    },
  }
}

/**
 * Compares what the pages and search records are made of with the previous build's manifest
 * (SITE_BASE_DIR, set by the rebuild worker) and leaves the plan for the pages and integrations.
 * SITE_FULL_BUILD=1 forces a full build.
 */
function writePlan(data: CmsSnapshot, records: SearchRecord[]): PlanFile {
  const pages: Record<string, string> = {}
  for (const collection of ARTICLE_COLLECTIONS) {
    for (const item of data[collection]) pages[`${collection}/${item.slug}`] = digest(item)
  }
  const state: CurrentState = {
    code: codeDigest(),
    site: digest(data.site),
    pages,
    records: Object.fromEntries(records.map((r) => [r.url, { digest: digest(r), type: r.type }])),
  }
  const baseDir = process.env.SITE_BASE_DIR ? path.resolve(process.env.SITE_BASE_DIR) : undefined
  let previous: BuildManifest | null = null
  if (baseDir && fs.existsSync(manifestPathOf(baseDir))) {
    try {
      previous = JSON.parse(fs.readFileSync(manifestPathOf(baseDir), 'utf8')) as BuildManifest
    } catch {
      previous = null
    }
  }
  const plan: BuildPlan =
    process.env.SITE_FULL_BUILD === '1'
      ? { ...planBuild(state), reason: 'SITE_FULL_BUILD=1' }
      : planBuild(state, baseDir && fs.existsSync(baseDir) ? { dir: baseDir, manifest: previous } : undefined)
  const file: PlanFile = { plan, state, previous }
  fs.writeFileSync(planFilePath(), JSON.stringify(file))
  return file
}

/** What the pages are rendered with besides the data: the site's code, its settings and its packages. */
function codeDigest(): string {
  const root = cms.ROOT
  const files: string[] = ['astro.config.mjs', 'package-lock.json']
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(rel)
      else files.push(rel)
    }
  }
  walk('site')
  walk('public')
  walk('vocabulary')
  const hash = createHash('sha1')
  for (const file of files.sort()) {
    hash.update(file)
    if (fs.existsSync(path.join(root, file))) hash.update(fs.readFileSync(path.join(root, file)))
  }
  return hash.digest('base64url').slice(0, 16)
}

type Doc<T> = T | number | string | null | undefined

const isDoc = <T extends object>(value: Doc<T>): value is T => typeof value === 'object' && value !== null
const text = (value: unknown): string => (typeof value === 'string' ? value : '')

async function snapshotOf(
  payload: Payload,
  media: Set<string>,
  preview?: PreviewTarget,
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

  const results = preview ? noResults : await cms.publicMessageResults(payload)

  return { site, news, lectures, cases, deputies, stations, results }
}

const noResults: MessageResults = {
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
