/**
 * What the site's pages read, as zod schemas: plain, serialisable data the CMS loader
 * (site/loaders/cms.ts) makes from published documents only. Pages never see Payload documents.
 * The content collections (site/content.config.ts) validate every entry against these schemas when it
 * is stored, and the types below are inferred from them, so a page's data and its checks cannot drift.
 */
import { z } from 'astro/zod'

import { activitySchema, type ActivityItem } from './activity-schema.ts'
import { consultationSchema, type ConsultationItem } from './consultation-schema.ts'
import { pictureSchema } from './picture-schema.ts'

export { pictureSchema }

export const videoSchema = z.object({ src: z.string(), type: z.string() })

/** A link to another page of the site: a deputy, a station. */
export const refSchema = z.object({ slug: z.string(), name: z.string() })

const link = z.object({ label: z.string(), url: z.string() })

export const siteSchema = z.object({
  siteName: z.string(),
  tagline: z.string(),
  organizer: z.string(),
  contactEmail: z.string(),
  icp: z.string(),
  publicSecurityFiling: z.string(),
  siteCode: z.string(),
  links: z.array(link),
  quickNav: z.array(link),
  aboutHtml: z.string(),
  platforms: z.array(z.object({ name: z.string(), description: z.string() })),
  stats: z.array(z.object({ value: z.string(), label: z.string() })),
  /** 履职统计最少件数: below this base a rate is not shown (site/lib/duty.ts). */
  dutyMinimum: z.number().int().min(1),
})

export const newsSchema = z.object({
  slug: z.string(),
  title: z.string(),
  category: z.enum(['news', 'notice']),
  categoryLabel: z.string(),
  summary: z.string(),
  cover: pictureSchema.nullable(),
  bodyHtml: z.string(),
  /** The body as plain text, for the search index. */
  bodyText: z.string(),
  source: z.string(),
  author: z.string(),
  publishedAt: z.string(),
  updatedAt: z.string(),
})

export const lectureSchema = z.object({
  slug: z.string(),
  title: z.string(),
  speaker: z.string(),
  topic: z.string(),
  series: z.string(),
  summary: z.string(),
  cover: pictureSchema.nullable(),
  video: videoSchema.nullable(),
  videoUrl: z.string(),
  durationSeconds: z.number().nullable(),
  transcriptHtml: z.string(),
  /** The transcript as plain text, for the search index. */
  transcriptText: z.string(),
  deputies: z.array(refSchema),
  publishedAt: z.string(),
  updatedAt: z.string(),
})

export const caseSchema = z.object({
  slug: z.string(),
  title: z.string(),
  category: z.string(),
  categoryLabel: z.string(),
  street: z.string(),
  streetLabel: z.string(),
  community: z.string(),
  summary: z.string(),
  cover: pictureSchema.nullable(),
  request: z.string(),
  action: z.string(),
  result: z.string(),
  timeline: z.array(z.object({ date: z.string(), title: z.string(), description: z.string() })),
  photosBefore: z.array(pictureSchema),
  photosAfter: z.array(pictureSchema),
  deputies: z.array(refSchema),
  station: refSchema.nullable(),
  publishedAt: z.string(),
  updatedAt: z.string(),
})

export const deputySchema = z.object({
  slug: z.string(),
  name: z.string(),
  /** 代表编号, the import key (may be empty). */
  code: z.string(),
  pinyin: z.string(),
  pinyinInitials: z.string(),
  gender: z.string(),
  photo: pictureSchema.nullable(),
  level: z.string(),
  levelLabel: z.string(),
  term: z.string(),
  constituency: z.string(),
  street: z.string(),
  streetLabel: z.string(),
  communities: z.array(z.string()),
  station: refSchema.nullable(),
  occupation: z.string(),
  fields: z.array(z.object({ value: z.string(), label: z.string() })),
  identity: z.string(),
  duties: z.string(),
  commitments: z.string(),
  receptionTimes: z.string(),
  isSample: z.boolean(),
  updatedAt: z.string(),
})

export const stationSchema = z.object({
  slug: z.string(),
  name: z.string(),
  type: z.string(),
  typeLabel: z.string(),
  street: z.string(),
  streetLabel: z.string(),
  brand: z.string(),
  address: z.string(),
  hours: z.string(),
  phone: z.string(),
  descriptionHtml: z.string(),
  /** The description as plain text, for the search index. */
  descriptionText: z.string(),
  photos: z.array(pictureSchema),
  isSample: z.boolean(),
  updatedAt: z.string(),
})

const tally = z.object({ key: z.string(), label: z.string(), count: z.number() })

/**
 * 民呼我应 results: anonymous statistics and the publishable closed messages, from the one CMS function
 * that may read messages (publicMessageResults in cms/index.ts): the collection itself is staff-only.
 */
export const resultsSchema = z.object({
  total: z.number(),
  closed: z.number(),
  byCategory: z.array(tally),
  byStreet: z.array(tally),
  /** By channel (网站, 扫码, 现场代录, 电话代录); empty when the CMS had no messages. */
  byChannel: z.array(tally).optional(),
  /** Closed messages closed by their deadline. */
  withinDeadline: z.number(),
  /** Mean days from received to closed, one decimal; null when nothing is closed. */
  averageDaysToClose: z.number().nullable(),
  satisfaction: z.array(tally),
  rated: z.number(),
  /**
   * 代表履职档案: the figures of handled messages per 承办 deputy (`deputy:<slug>`), station
   * (`station:<slug>`), street (`street:<code>`) and all (`all`), each by year — aggregates only (vocabulary/duty.ts).
   */
  duty: z
    .record(
      z.string(),
      z.array(
        z.object({
          year: z.number().nullable(),
          handled: z.number(),
          closed: z.number(),
          onTime: z.number(),
          medianDays: z.number().nullable(),
          rated: z.number(),
          satisfied: z.number(),
        }),
      ),
    )
    .optional(),
  items: z.array(
    z.object({
      /** Opaque, stable id for anchors (never the tracking code). */
      id: z.string(),
      category: z.string(),
      categoryLabel: z.string(),
      street: z.string(),
      streetLabel: z.string(),
      receivedAt: z.string(),
      closedAt: z.string(),
      daysToClose: z.number(),
      withinDeadline: z.boolean(),
      summary: z.string(),
      replies: z.array(z.object({ date: z.string(), by: z.string(), text: z.string() })),
      ratingLabel: z.string(),
      isSample: z.boolean(),
    }),
  ),
})

export type Picture = z.infer<typeof pictureSchema>
export type Video = z.infer<typeof videoSchema>
export type Ref = z.infer<typeof refSchema>
export type SiteInfo = z.infer<typeof siteSchema>
export type NewsItem = z.infer<typeof newsSchema>
export type LectureItem = z.infer<typeof lectureSchema>
export type CaseItem = z.infer<typeof caseSchema>
export type DeputyItem = z.infer<typeof deputySchema>
export type StationItem = z.infer<typeof stationSchema>
export type Results = z.infer<typeof resultsSchema>

/**
 * The fields of an article that stay out of Astro's content store: its body as HTML, which only its
 * own page shows (it reads it through site/lib/article-bodies.ts), and as plain text, which only the
 * search index uses (made from the CMS read before anything is stored). They are most of the bytes.
 */
export const BODY_FIELDS = {
  news: { html: 'bodyHtml', text: 'bodyText' },
  lectures: { html: 'transcriptHtml', text: 'transcriptText' },
} as const
export type BodyCollection = keyof typeof BODY_FIELDS

/** A news entry as the content store keeps it: without its body (BODY_FIELDS). */
export const newsEntrySchema = newsSchema.omit({ bodyHtml: true, bodyText: true })
export const lectureEntrySchema = lectureSchema.omit({ transcriptHtml: true, transcriptText: true })
export type NewsEntry = z.infer<typeof newsEntrySchema>
export type LectureEntry = z.infer<typeof lectureEntrySchema>

/** The content collections and the schema of their entries (site/content.config.ts). */
export const COLLECTION_SCHEMAS = {
  site: siteSchema,
  news: newsEntrySchema,
  lectures: lectureEntrySchema,
  cases: caseSchema,
  deputies: deputySchema,
  stations: stationSchema,
  results: resultsSchema,
  consultations: consultationSchema,
  activities: activitySchema,
} as const

/** Everything one build reads from the CMS, in the site's shapes. */
export interface CmsSnapshot {
  site: SiteInfo
  news: NewsItem[]
  lectures: LectureItem[]
  cases: CaseItem[]
  deputies: DeputyItem[]
  stations: StationItem[]
  results: Results
  consultations: ConsultationItem[]
  activities: ActivityItem[]
}

/**
 * An old address of the site and where it leads now (the CMS's `redirects`): `from` is a normalised site
 * path, `to` a site path or an https address (vocabulary/redirects.ts). The build writes a forwarding page
 * and a map line for each (site/build/redirects.ts); no page reads them.
 */
export const redirectSchema = z.object({
  from: z.string().regex(/^\/[A-Za-z0-9\-._~%/]*$/),
  to: z.string().regex(/^(\/[A-Za-z0-9\-._~%/]*|https:\/\/[^\s"';{}]+)$/),
})
export type RedirectItem = z.infer<typeof redirectSchema>
