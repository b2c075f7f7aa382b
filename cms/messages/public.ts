/**
 * What the public site may know about messages: anonymous statistics over all of them, and the
 * whitelisted fields of closed messages editors marked publishable. The site's loader calls this (and
 * only this) for /results/; it reads the staff-only collection itself, so nothing else of a message —
 * name, phone, the resident's text, photos, tracking code, internal notes — can reach the build.
 */
import type { Payload } from 'payload'

import {
  CASE_CATEGORIES,
  CLOSED_STATUSES,
  MESSAGE_CHANNELS,
  MESSAGE_RATINGS,
  STREETS,
  labelOf,
  type MessageRating,
} from '../../vocabulary/options.ts'
import { figuresBy, type HandledFact, type YearFigures } from '../../vocabulary/duty.ts'
import { beijingDay } from '../../vocabulary/dates.ts'
import type { Message } from '../payload-types.ts'
import { relationId as idOf } from '../lib/relation-id.ts'

export interface Tally {
  key: string
  label: string
  count: number
}

export interface PublicResult {
  /** Opaque, stable id for anchors (never the tracking code). */
  id: string
  category: string
  categoryLabel: string
  street: string
  streetLabel: string
  receivedAt: string
  closedAt: string
  daysToClose: number
  withinDeadline: boolean
  summary: string
  replies: { date: string; by: string; text: string }[]
  ratingLabel: string
  isSample: boolean
}

export interface MessageResults {
  total: number
  closed: number
  byCategory: Tally[]
  byStreet: Tally[]
  /** How the messages came in: 网站, 扫码, 现场代录, 电话代录. */
  byChannel: Tally[]
  /** Closed messages closed by their deadline. */
  withinDeadline: number
  /** Mean days from received to closed, one decimal; null when nothing is closed. */
  averageDaysToClose: number | null
  satisfaction: Tally[]
  rated: number
  /**
   * 代表履职档案: figures of the handled messages per 承办 deputy (`deputy:<slug>`), station
   * (`station:<slug>`, the deputy's own when none is set), street (`street:<code>`) and for all of them
   * (`all`), by year.
   * Aggregates only: no message, text or person leaves this function.
   */
  duty: Record<string, YearFigures[]>
  items: PublicResult[]
}

const DAY = 86_400_000
const days = (from: string, to: string) => Math.max(0, (Date.parse(to) - Date.parse(from)) / DAY)

export async function publicMessageResults(payload: Payload): Promise<MessageResults> {
  // Only the fields needed here are read, so private ones are never even loaded. 待核实 messages (a
  // possible flood, docs/decisions.md) count only once an editor has confirmed them.
  const { docs } = await payload.find({
    collection: 'messages',
    where: { needsVerification: { not_equals: true } },
    overrideAccess: true,
    limit: 0,
    pagination: false,
    depth: 0,
    sort: '-closedAt',
    select: {
      category: true,
      street: true,
      channel: true,
      status: true,
      receivedAt: true,
      deadline: true,
      closedAt: true,
      rating: true,
      publishable: true,
      publicSummary: true,
      replies: true,
      isSample: true,
      deputy: true,
      station: true,
    },
  })
  const messages = docs as Pick<
    Message,
    | 'id'
    | 'category'
    | 'street'
    | 'channel'
    | 'status'
    | 'receivedAt'
    | 'deadline'
    | 'closedAt'
    | 'rating'
    | 'publishable'
    | 'publicSummary'
    | 'replies'
    | 'isSample'
    | 'deputy'
    | 'station'
  >[]
  const tally = <T extends string>(
    options: readonly { value: T; label: string }[],
    key: (m: (typeof messages)[0]) => unknown,
  ) =>
    options.map((o) => ({
      key: o.value,
      label: o.label,
      count: messages.filter((m) => key(m) === o.value).length,
    }))

  const closed = messages.filter((m) => CLOSED_STATUSES.includes(m.status) && m.closedAt && m.receivedAt)
  const onTime = new Set(
    closed.filter((m) => !m.deadline || Date.parse(m.closedAt!) <= Date.parse(m.deadline)),
  )
  const isClosed = new Set(closed)
  const rated = messages.filter((m) => m.rating)
  const average = closed.length
    ? Math.round(
        (closed.reduce((sum, m) => sum + days(m.receivedAt!, m.closedAt!), 0) / closed.length) * 10,
      ) / 10
    : null

  const items = closed
    .filter((m) => m.publishable && m.publicSummary?.trim())
    .map((m): PublicResult => ({
      id: `r${m.id}`,
      category: m.category,
      categoryLabel: labelOf(CASE_CATEGORIES, m.category),
      street: m.street,
      streetLabel: labelOf(STREETS, m.street),
      receivedAt: m.receivedAt!,
      closedAt: m.closedAt!,
      daysToClose: Math.ceil(days(m.receivedAt!, m.closedAt!)),
      withinDeadline: onTime.has(m),
      summary: m.publicSummary!.trim(),
      replies: (m.replies ?? []).map((r) => ({ date: r.date, by: r.by ?? '', text: r.text })),
      ratingLabel: labelOf(MESSAGE_RATINGS, m.rating as MessageRating | null),
      isSample: Boolean(m.isSample),
    }))

  // Slugs of the deputies and stations the messages name, and each deputy's own station.
  const [deputies, stations] = await Promise.all([
    payload.find({
      collection: 'deputies',
      overrideAccess: true,
      limit: 0,
      pagination: false,
      depth: 0,
      select: { slug: true, station: true },
    }),
    payload.find({
      collection: 'stations',
      overrideAccess: true,
      limit: 0,
      pagination: false,
      depth: 0,
      select: { slug: true },
    }),
  ])
  const deputyById = new Map(deputies.docs.map((d) => [d.id, d]))
  const stationSlug = new Map(stations.docs.map((s) => [s.id, s.slug]))
  const facts = messages
    .filter((m) => m.receivedAt)
    .map((m): HandledFact & { keys: string[] } => {
      const deputy = deputyById.get(idOf(m.deputy) as number)
      const station = stationSlug.get((idOf(m.station) ?? idOf(deputy?.station)) as number)
      return {
        year: Number(beijingDay(m.receivedAt!).slice(0, 4)),
        closed: isClosed.has(m),
        onTime: onTime.has(m),
        days: isClosed.has(m) ? days(m.receivedAt!, m.closedAt!) : null,
        rating: (m.rating as HandledFact['rating']) ?? null,
        keys: [
          ...(deputy ? [`deputy:${deputy.slug}`] : []),
          ...(station ? [`station:${station}`] : []),
          `street:${m.street}`,
          'all',
        ],
      }
    })

  return {
    total: messages.length,
    closed: closed.length,
    byCategory: tally(CASE_CATEGORIES, (m) => m.category),
    byStreet: tally(STREETS, (m) => m.street),
    // Messages stored before channels were recorded came in through the site.
    byChannel: tally(MESSAGE_CHANNELS, (m) => m.channel ?? 'web'),
    withinDeadline: onTime.size,
    averageDaysToClose: average,
    satisfaction: tally(MESSAGE_RATINGS, (m) => m.rating),
    rated: rated.length,
    duty: figuresBy(facts),
    items,
  }
}
