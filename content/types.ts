/**
 * Shapes of the seed content. Relations are written as slugs (or street keys) and resolved to
 * document ids by the seed (`cms/seed/`), so the files here stay readable and independent of any
 * database. Every text here is public: never put a private phone number or e-mail in it.
 */
import type {
  CaseCategory,
  DeputyLevel,
  ExpertiseField,
  MessageChannel,
  MessageGrade,
  MessageRating,
  MessageStatus,
  NewsCategory,
  StationType,
  StreetKey,
} from '../vocabulary/options.ts'

/** A generated illustration (no downloads): the seed renders it with sharp. */
export interface SeedImage {
  /** File name stem, ASCII, unique across the content, e.g. `case-elevator-before`. */
  key: string
  /** Alt text in Chinese that says what the picture shows. */
  alt: string
  /** Which drawing to make. */
  motif:
    | 'building'
    | 'elevator'
    | 'pipes'
    | 'quiet'
    | 'parking'
    | 'access-card'
    | 'meeting'
    | 'lecture'
    | 'station'
    | 'portrait'
    | 'community'
  /** Variant number, changes colours and layout so pictures differ. */
  variant?: number
}

/** Rich text written as paragraphs; a string starting with `## ` becomes a heading. */
export type SeedRichText = string[]

export interface SeedNews {
  slug: string
  title: string
  category: NewsCategory
  summary: string
  body: SeedRichText
  source?: string
  author?: string
  /** ISO date, e.g. `2026-10-12`. */
  publishedAt: string
  cover?: SeedImage
}

export interface SeedLecture {
  slug: string
  title: string
  speaker: string
  topic: string
  series?: string
  summary: string
  /** Length of the talk in seconds. */
  durationSeconds: number
  transcript: SeedRichText
  publishedAt: string
  cover?: SeedImage
  /** Slugs of deputies who gave or joined the talk. */
  deputies?: string[]
}

export interface SeedCase {
  slug: string
  title: string
  category: CaseCategory
  street: StreetKey
  community: string
  summary: string
  /** What the residents asked for (群众诉求). */
  request: string
  /** What the deputies did (代表履职). */
  action: string
  /** The outcome (办理结果). */
  result: string
  timeline: { date: string; title: string; description?: string }[]
  photosBefore: SeedImage[]
  photosAfter: SeedImage[]
  /** Slugs of deputies in `content/deputies.ts`. */
  deputies: string[]
  /** Slug of a station in `content/stations.ts`. */
  station: string
  publishedAt: string
  cover?: SeedImage
}

export interface SeedDeputy {
  /** ASCII slug, usually the name's pinyin, e.g. `zhang-wei` (add `-2` for namesakes). */
  slug: string
  name: string
  level: DeputyLevel
  /** e.g. `泉山区第十八届人民代表大会代表` */
  term: string
  /** Electoral district, e.g. `第12选区`. */
  constituency: string
  street: StreetKey
  /** Communities of the constituency, e.g. `['矿山社区', '建新社区']`. */
  communities: string[]
  /** Slug of a station in `content/stations.ts`. */
  station: string
  occupation: string
  fields: ExpertiseField[]
  /** 亮身份 */
  identity: string
  /** 亮职责 */
  duties: string
  /** 亮承诺 */
  commitments: string
  /** e.g. `每月第一个周三 9:00-11:30（实践站接待室）` */
  receptionTimes: string
  gender: 'male' | 'female'
}

export interface SeedStation {
  slug: string
  name: string
  type: StationType
  street: StreetKey
  address: string
  hours: string
  /** Public office phone of the station, e.g. `0516-83xxxxxx` (fictional). */
  phone: string
  /** 一站一品 brand name, e.g. `奎声应民声`. */
  brand: string
  description: SeedRichText
  photos: SeedImage[]
}

export interface SeedPlatform {
  name: string
  description: string
}

export interface SeedSite {
  siteName: string
  tagline: string
  organizer: string
  contactEmail: string
  icp?: string
  publicSecurityFiling?: string
  siteCode?: string
  links: { label: string; url: string }[]
  quickNav: { label: string; url: string }[]
  /** The article about the base, in our own words. */
  about: SeedRichText
  platforms: SeedPlatform[]
  /** Headline numbers shown on the home page. */
  stats: { label: string; value: string }[]
}

/**
 * A sample resident's message (民呼我应), fictional and marked as sample data. Name, phone and text
 * are private in the CMS and never reach the site; the public summary and replies may.
 */
export interface SeedMessage {
  /** Fixed tracking code (the seed's key), in the code alphabet, e.g. `SAMPL-E2345`. */
  code: string
  category: CaseCategory
  street: StreetKey
  community?: string
  body: string
  name: string
  /** Fictional, and a landline (0516-0000000N): content/ never holds a mobile number. */
  phone: string
  /** ISO date-time the message came in. */
  receivedAt: string
  /** How it came in; default 网站. */
  channel?: MessageChannel
  grade: MessageGrade
  status: MessageStatus
  /** Status changes after 已受理, in order. */
  steps?: { date: string; status: Exclude<MessageStatus, 'received'> }[]
  replies?: { date: string; by: string; text: string }[]
  rating?: MessageRating
  publicSummary?: string
  publishable?: boolean
  /** Slug of a station in `content/stations.ts`. */
  station?: string
  /** Slug of a deputy in `content/deputies.ts`. */
  deputy?: string
}

/**
 * A sample 意见征集 (issue 17), fictional and marked as sample data. Its dates are days relative to the
 * day the seed runs, so the open one is still open on first start.
 */
export interface SeedConsultation {
  slug: string
  title: string
  kind: import('../vocabulary/options.ts').ConsultationKind
  askedBy: string
  summary: string
  /** The draft as editors paste it: split into 章/节/条 by the CMS. */
  draftText: string
  /** Days from the seed day: negative in the past. */
  opensInDays: number
  closesInDays: number
  /** Slugs of stations in `content/stations.ts` where offline 座谈 take place. */
  stations: string[]
  offlineNote: string
  /** Written and published: the consultation shows its feedback. */
  feedbackReport?: string
}

/** A sample opinion on a seed consultation; name and phone fictional (a landline, never published). */
export interface SeedOpinion {
  /** Fixed receipt code (the seed's key), in the code alphabet. */
  code: string
  consultation: string
  /** `art-3`, or `general`. */
  article: string
  body: string
  name?: string
  phone?: string
  street?: StreetKey
  /** Days from the seed day. */
  receivedInDays: number
  outcome: import('../vocabulary/options.ts').OpinionOutcome
  reason?: string
  publicSummary?: string
}

/**
 * A sample 活动 / 接待日 (issue 18), fictional and marked as sample data. Its day is relative to the day
 * the seed runs (a month around it: past ones with their records, upcoming ones open for booking).
 */
export interface SeedActivity {
  slug: string
  title: string
  kind: import('../vocabulary/options.ts').ActivityKind
  topic: string
  /** Days from the seed day (negative: already held), and the Beijing time it starts, e.g. '09:00'. */
  inDays: number
  startsAt: string
  /** Length in hours. */
  hours: number
  /** Slug of a station in `content/stations.ts`. */
  station: string
  /** Slugs of deputies in `content/deputies.ts`. */
  deputies: string[]
  description: string
  /** Places residents can book online; unset: no booking. */
  capacity?: number
  /** The record, for activities already held. */
  record?: {
    attendance: number
    issuesRaised: string
    agreed: string
    /** Slugs of case stories that followed. */
    cases?: string[]
  }
}
