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
import type { Message } from '../payload-types.ts'

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
  const onTime = closed.filter((m) => !m.deadline || Date.parse(m.closedAt!) <= Date.parse(m.deadline))
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
      withinDeadline: onTime.includes(m),
      summary: m.publicSummary!.trim(),
      replies: (m.replies ?? []).map((r) => ({ date: r.date, by: r.by ?? '', text: r.text })),
      ratingLabel: labelOf(MESSAGE_RATINGS, m.rating as MessageRating | null),
      isSample: Boolean(m.isSample),
    }))

  return {
    total: messages.length,
    closed: closed.length,
    byCategory: tally(CASE_CATEGORIES, (m) => m.category),
    byStreet: tally(STREETS, (m) => m.street),
    // Messages stored before channels were recorded came in through the site.
    byChannel: tally(MESSAGE_CHANNELS, (m) => m.channel ?? 'web'),
    withinDeadline: onTime.length,
    averageDaysToClose: average,
    satisfaction: tally(MESSAGE_RATINGS, (m) => m.rating),
    rated: rated.length,
    items,
  }
}
