/**
 * Reads the published 活动 / 接待日 for the site as an anonymous visitor (`overrideAccess: false`, no
 * user), and the places taken through the CMS's counter (cms/activities/public.ts): never a booking.
 * Turns them into the shapes of site/lib/activity-schema.ts. Places left and past/upcoming are those of
 * the build's moment; the booking endpoint knows the live number.
 */
import type { Payload } from 'payload'

import { ACTIVITY_KINDS, labelOf } from '../../vocabulary/options.ts'
import { beijingDay } from '../../vocabulary/dates.ts'
import { bookingClosesAt, bookingState, placesLeft } from '../../vocabulary/activities/schedule.ts'
import type { Activity, Case, Consultation, Deputy, Media, Station } from '../../cms/index.ts'
import type { ActivityItem } from '../lib/activity-schema.ts'
import type { Picture } from '../lib/schemas.ts'

const text = (value: unknown): string => (typeof value === 'string' ? value : '')
const docs = <T extends { slug?: string | null }>(list: unknown): T[] =>
  (Array.isArray(list) ? list : []).filter(
    (d): d is T => typeof d === 'object' && d !== null && Boolean((d as T).slug),
  )

export async function readActivities(
  payload: Payload,
  picture: (doc: Media | number | null | undefined) => Picture | null,
  now = Date.now(),
): Promise<ActivityItem[]> {
  const cms = await import('../../cms/index.ts')
  const { docs: found } = await payload.find({
    collection: 'activities',
    overrideAccess: false,
    user: null,
    depth: 1,
    limit: 0,
    pagination: false,
    sort: 'startsAt',
  })
  const places = await cms.publicActivityPlaces(payload)
  return (found as Activity[]).map((a): ActivityItem => {
    const counter = places[String(a.id)]
    const live = {
      bookable: Boolean(a.bookable),
      capacity: counter?.capacity ?? a.capacity ?? 0,
      booked: counter?.booked ?? 0,
      startsAt: a.startsAt,
      bookingClosesAt: a.bookingClosesAt,
    }
    const station = typeof a.station === 'object' && a.station ? (a.station as Station) : null
    const held = Boolean(a.attendance || text(a.issuesRaised) || text(a.agreed))
    const messages = (a.followUpMessages ?? []).length
    return {
      slug: a.slug!,
      title: a.title,
      kind: a.kind,
      kindLabel: labelOf(ACTIVITY_KINDS, a.kind),
      topic: text(a.topic),
      startsAt: a.startsAt,
      endsAt: a.endsAt,
      day: beijingDay(a.startsAt),
      station: station?.slug ? { slug: station.slug, name: station.name, address: station.address } : null,
      deputies: docs<Deputy>(a.deputies).map((d) => ({ id: String(d.id), slug: d.slug!, name: d.name })),
      description: text(a.description),
      bookable: live.bookable && live.capacity > 0,
      capacity: live.bookable ? live.capacity : 0,
      placesLeft: placesLeft(live),
      bookingClosesAt: bookingClosesAt(live),
      bookingState: bookingState(live, now),
      past: Date.parse(a.endsAt) <= now,
      record: held
        ? {
            attendance: a.attendance ?? null,
            issuesRaised: text(a.issuesRaised),
            agreed: text(a.agreed),
            cases: docs<Case>(a.followUpCases).map((c) => ({ slug: c.slug!, title: c.title })),
            consultations: docs<Consultation>(a.followUpConsultations).map((c) => ({
              slug: c.slug!,
              title: c.title,
            })),
            messages,
          }
        : null,
      photos: (a.photos ?? []).map((p) => picture(p as Media)).filter((p): p is Picture => p !== null),
      isSample: Boolean(a.isSample),
      updatedAt: a.updatedAt,
    }
  })
}

/**
 * Who took part in what, for the deputies' 履职档案 (issue 18 part 4): one row per activity with its
 * kind, dates, station and the deputies' ids and slugs. Counting is the duty record's business.
 */
export interface ActivityParticipation {
  slug: string
  kind: string
  startsAt: string
  endsAt: string
  past: boolean
  station: string | null
  deputies: { id: string; slug: string }[]
}

export const activityParticipation = (items: ActivityItem[]): ActivityParticipation[] =>
  items.map((a) => ({
    slug: a.slug,
    kind: a.kind,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    past: a.past,
    station: a.station?.slug ?? null,
    deputies: a.deputies.map((d) => ({ id: d.id, slug: d.slug })),
  }))
