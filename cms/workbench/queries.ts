/**
 * What the 工作台 (the admin's first page, cms/components/Workbench.tsx) shows, as plain data: every
 * query runs with `overrideAccess: false` as the logged-in user, so each list holds only what that user
 * may read (any narrower scope added to the collections' access applies here by itself).
 */
import type { CollectionSlug, Payload, Where } from 'payload'
import { stringify } from 'qs-esm'

import { BuildQueue, type BuildRecord } from '../builds/queue.ts'
import { queueFilters } from '../messages/queue.ts'
import { deadlineNote, deadlineState } from '../messages/deadline.ts'
import { consultationStatus, daysLeft } from '../../vocabulary/consultations/status.ts'
import { MESSAGE_STATUSES } from '../../vocabulary/options.ts'
import { REVIEW_STATE_LABELS, type ReviewState } from '../../vocabulary/review.ts'
import { WATCHED_SECTIONS } from './sections.ts'

const DAY = 86_400_000
/** The most rows a section lists; the count and 查看全部 tell the rest. */
export const ROWS = 10

export interface WorkbenchUser {
  id: string | number
  role?: 'admin' | 'reviewer' | 'editor' | null
  collection?: string
}

export interface Row {
  href: string
  title: string
  /** What kind of item (the collection's name), when a section mixes several. */
  kind?: string
  state?: string
  /** ISO date the row is dated by. */
  date?: string | null
  note?: string
  /** Highlighted (overdue, closing soon, stale). */
  urgent?: boolean
}

/** 查看全部: one admin list, filtered like the section. */
export interface ListLink {
  label: string
  href: string
  count: number
}

export interface Section {
  count: number
  rows: Row[]
  links: ListLink[]
}

export interface SectionReminder {
  label: string
  days: number
  lastDate: string | null
  lastTitle?: string
  lastHref?: string
  /** Days since the last published item (null when there is none). */
  age: number | null
  stale: boolean
  listHref: string
}

export interface WorkbenchData {
  drafts: Section
  returned: Section
  /** null for editors: they do not review. */
  toReview: Section | null
  dualReview: boolean
  messages: { fresh: Section; overdue: Section }
  opinions: Section
  closingConsultations: Section
  bookings: Section
  reminders: SectionReminder[]
  builds: { running: boolean; queued: boolean; last: BuildRecord[] }
}

const adminRoute = (payload: Payload) => payload.config.routes?.admin ?? '/admin'
export const editHref = (payload: Payload, collection: string, id: string | number) =>
  `${adminRoute(payload)}/collections/${collection}/${id}`
/** The admin list of a collection filtered by `where` (the `?where[...]` form the list view reads). */
export const listHref = (payload: Payload, collection: string, where?: Where) =>
  `${adminRoute(payload)}/collections/${collection}${where ? stringify({ where }, { addQueryPrefix: true }) : ''}`

/** The collections the review workflow runs on: those with its `reviewState` field. */
export function reviewedCollections(payload: Payload): CollectionSlug[] {
  return Object.values(payload.collections)
    .filter((c) => c.config.fields.some((f) => 'name' in f && f.name === 'reviewState'))
    .map((c) => c.config.slug as CollectionSlug)
}

const labelOf = (payload: Payload, slug: string) => {
  const labels = payload.collections[slug as CollectionSlug]?.config.labels
  const plural = labels?.plural
  return typeof plural === 'string' ? plural : slug
}

const titleOf = (payload: Payload, slug: string, doc: Record<string, unknown>) => {
  const field = payload.collections[slug as CollectionSlug]?.config.admin?.useAsTitle ?? 'id'
  const value = doc[field]
  return typeof value === 'string' && value.trim() ? value : `（无标题 ${String(doc.id)}）`
}

type Access = { overrideAccess: false; user: WorkbenchUser }

/**
 * One review-state list across every reviewed collection: the drafts' latest versions matching `where`,
 * newest first by `dateField`.
 */
async function reviewSection(
  payload: Payload,
  as: Access,
  where: Where,
  dateField: 'updatedAt' | 'submittedAt' | 'reviewedAt',
  withComment = false,
): Promise<Section> {
  const results = await Promise.all(
    reviewedCollections(payload).map(async (slug) => {
      const found = await payload.find({
        collection: slug,
        where,
        draft: true,
        depth: 0,
        limit: ROWS,
        sort: `-${dateField}`,
        ...as,
      })
      return { slug, found }
    }),
  )
  const rows: (Row & { sortKey: string })[] = []
  const links: ListLink[] = []
  let count = 0
  for (const { slug, found } of results) {
    count += found.totalDocs
    if (found.totalDocs)
      links.push({
        label: labelOf(payload, slug),
        href: listHref(payload, slug, where),
        count: found.totalDocs,
      })
    for (const doc of found.docs as unknown as Record<string, unknown>[]) {
      const date = (doc[dateField] as string | null | undefined) ?? (doc.updatedAt as string)
      const comment = typeof doc.reviewComment === 'string' ? doc.reviewComment : ''
      rows.push({
        href: editHref(payload, slug, doc.id as string | number),
        title: titleOf(payload, slug, doc),
        kind: labelOf(payload, slug),
        state: REVIEW_STATE_LABELS[(doc.reviewState as ReviewState) ?? 'draft'],
        date,
        ...(withComment && comment ? { note: `退回意见：${comment}` } : {}),
        sortKey: date ?? '',
      })
    }
  }
  rows.sort((a, b) => b.sortKey.localeCompare(a.sortKey))
  return { count, rows: rows.slice(0, ROWS).map(({ sortKey: _, ...row }) => row), links }
}

const STATUS_LABELS = Object.fromEntries(MESSAGE_STATUSES.map((s) => [s.value, s.label]))

async function messageSection(payload: Payload, as: Access, where: Where, sort: string, now: number) {
  // Only what the queue needs: no names, phone numbers or the residents' words on the dashboard.
  const found = await payload.find({
    collection: 'messages',
    where,
    sort,
    depth: 0,
    limit: ROWS,
    select: { code: true, status: true, deadline: true, closedAt: true, receivedAt: true, street: true },
    ...as,
  })
  const rows = found.docs.map((m): Row => {
    const state = m.deadline ? deadlineState(m.deadline, m, now) : null
    const note = state ? deadlineNote(state) : ''
    return {
      href: editHref(payload, 'messages', m.id),
      title: m.code ?? `来信 ${m.id}`,
      state: STATUS_LABELS[m.status ?? ''] ?? '',
      date: m.deadline ?? null,
      ...(note ? { note: `办结期限 ${note}` } : {}),
      urgent: Boolean(state && state.late > 0),
    }
  })
  return {
    count: found.totalDocs,
    rows,
    links: [{ label: '群众来信', href: listHref(payload, 'messages', where), count: found.totalDocs }],
  }
}

async function opinionSection(payload: Payload, as: Access): Promise<Section> {
  const where: Where = { and: [{ outcome: { equals: 'pending' } }, { mergedInto: { exists: false } }] }
  const found = await payload.find({
    collection: 'opinions',
    where,
    sort: 'receivedAt',
    depth: 1,
    limit: ROWS,
    select: { code: true, consultation: true, articleLabel: true, receivedAt: true },
    populate: { consultations: { title: true } },
    ...as,
  })
  return {
    count: found.totalDocs,
    rows: found.docs.map((o) => {
      const consultation = o.consultation as { title?: string } | number | string | null
      const about = typeof consultation === 'object' && consultation?.title ? consultation.title : ''
      return {
        href: editHref(payload, 'opinions', o.id),
        title: o.code ?? `意见 ${o.id}`,
        state: '待研究',
        date: o.receivedAt ?? null,
        note: [about, o.articleLabel].filter(Boolean).join(' · '),
      }
    }),
    links: [{ label: '群众意见', href: listHref(payload, 'opinions', where), count: found.totalDocs }],
  }
}

async function closingSection(payload: Payload, as: Access, now: number): Promise<Section> {
  const where: Where = {
    and: [
      { _status: { equals: 'published' } },
      { opensAt: { less_than_equal: new Date(now).toISOString() } },
      { closesAt: { greater_than: new Date(now).toISOString() } },
      { closesAt: { less_than_equal: new Date(now + 7 * DAY).toISOString() } },
    ],
  }
  const found = await payload.find({
    collection: 'consultations',
    where,
    sort: 'closesAt',
    depth: 0,
    limit: ROWS,
    ...as,
  })
  const open = found.docs.filter((c) => consultationStatus(c, now) === 'open')
  return {
    count: found.totalDocs,
    rows: open.map((c) => ({
      href: editHref(payload, 'consultations', c.id),
      title: c.title,
      state: '征集中',
      date: c.closesAt,
      note: `还有 ${daysLeft(c.closesAt, now)} 天截止`,
      urgent: daysLeft(c.closesAt, now) <= 2,
    })),
    links: [{ label: '意见征集', href: listHref(payload, 'consultations', where), count: found.totalDocs }],
  }
}

/** Activities of the coming 7 days with how many places are booked: counts only, no names. */
async function bookingSection(payload: Payload, as: Access, now: number): Promise<Section> {
  const where: Where = {
    and: [
      { startsAt: { greater_than_equal: new Date(now).toISOString() } },
      { startsAt: { less_than: new Date(now + 7 * DAY).toISOString() } },
    ],
  }
  const found = await payload.find({
    collection: 'activities',
    where,
    sort: 'startsAt',
    depth: 0,
    limit: ROWS,
    ...as,
  })
  let count = 0
  const rows = await Promise.all(
    found.docs.map(async (a): Promise<Row> => {
      const booked: Where = { and: [{ activity: { equals: a.id } }, { status: { equals: 'booked' } }] }
      const { totalDocs } = await payload.count({ collection: 'bookings', where: booked, ...as })
      count += totalDocs
      const capacity = (a as { capacity?: number | null }).capacity
      return {
        href: listHref(payload, 'bookings', { activity: { equals: a.id } }),
        title: a.title,
        state: (a as { bookable?: boolean | null }).bookable ? '接受预约' : '不需预约',
        date: a.startsAt,
        note: `已预约 ${totalDocs} 人${capacity ? ` / 共 ${capacity} 个名额` : ''}`,
      }
    }),
  )
  return {
    count,
    rows,
    links: [{ label: '近 7 天的活动', href: listHref(payload, 'activities', where), count: found.totalDocs }],
  }
}

/** 栏目更新提醒: per section the last published item, stale when older than the configured days. */
async function reminders(payload: Payload, as: Access, site: Record<string, unknown>, now: number) {
  const days = (site.sectionReminders ?? {}) as Record<string, number | null | undefined>
  return Promise.all(
    WATCHED_SECTIONS.map(async (s): Promise<SectionReminder> => {
      const limit = days[s.key] ?? s.defaultDays
      const where: Where = {
        and: [
          { _status: { equals: 'published' } },
          { [s.dateField]: { less_than_equal: new Date(now).toISOString() } },
          ...(s.where ? [s.where] : []),
        ],
      }
      const found = await payload.find({
        collection: s.collection,
        where,
        sort: `-${s.dateField}`,
        depth: 0,
        limit: 1,
        draft: false,
        ...as,
      })
      const last = found.docs[0] as unknown as Record<string, unknown> | undefined
      const lastDate = (last?.[s.dateField] as string | undefined) ?? null
      const age = lastDate ? Math.floor((now - new Date(lastDate).getTime()) / DAY) : null
      return {
        label: s.label,
        days: limit,
        lastDate,
        ...(last
          ? {
              lastTitle: titleOf(payload, s.collection, last),
              lastHref: editHref(payload, s.collection, last.id as string),
            }
          : {}),
        age,
        stale: limit > 0 && (age === null || age > limit),
        listHref: listHref(payload, s.collection, s.where),
      }
    }),
  )
}

/** Everything the 工作台 shows for `user`, read as that user. `now` is for tests. */
export async function workbenchData(
  payload: Payload,
  user: WorkbenchUser,
  now: number = Date.now(),
): Promise<WorkbenchData> {
  const as: Access = { overrideAccess: false, user: { ...user, collection: user.collection ?? 'users' } }
  const site = (await payload.findGlobal({ slug: 'site', depth: 0, ...as })) as unknown as Record<
    string,
    unknown
  >
  const dualReview = site.dualReview !== false
  const me = user.id
  const mayReview = user.role === 'admin' || user.role === 'reviewer'
  const filters = queueFilters(new Date(now).toISOString())
  const notMine: Where = { or: [{ changedBy: { not_equals: me } }, { changedBy: { exists: false } }] }
  const [drafts, returned, toReview, fresh, overdue, opinions, closing, bookings, reminderList, status] =
    await Promise.all([
      reviewSection(
        payload,
        as,
        { and: [{ reviewState: { equals: 'draft' } }, { changedBy: { equals: me } }] },
        'updatedAt',
      ),
      reviewSection(
        payload,
        as,
        {
          and: [
            { reviewState: { equals: 'returned' } },
            { or: [{ submittedBy: { equals: me } }, { changedBy: { equals: me } }] },
          ],
        },
        'reviewedAt',
        true,
      ),
      mayReview
        ? reviewSection(
            payload,
            as,
            dualReview
              ? { and: [{ reviewState: { equals: 'pending' } }, notMine] }
              : { reviewState: { equals: 'pending' } },
            'submittedAt',
          )
        : Promise.resolve(null),
      messageSection(payload, as, filters.fresh, 'receivedAt', now),
      messageSection(payload, as, filters.overdue, 'deadline', now),
      opinionSection(payload, as),
      closingSection(payload, as, now),
      bookingSection(payload, as, now),
      reminders(payload, as, site, now),
      new BuildQueue(payload).status(),
    ])
  return {
    drafts,
    returned,
    toReview,
    dualReview,
    messages: { fresh, overdue },
    opinions,
    closingConsultations: closing,
    bookings,
    reminders: reminderList,
    builds: { running: Boolean(status.running), queued: status.queued, last: status.builds.slice(0, 5) },
  }
}
