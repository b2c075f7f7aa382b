import {
  APIError,
  type CollectionAfterChangeHook,
  type CollectionBeforeDeleteHook,
  type CollectionBeforeValidateHook,
} from 'payload'

import { invalidFields } from '../../hooks/invalidFields.ts'
import { hasMobileNumber } from '../../../vocabulary/phone.ts'
import { NOTICE_DAYS, shortNotice } from '../../../vocabulary/activities/schedule.ts'
import { activityClock } from '../../activities/clock.ts'
import { PLACES, syncPlaces } from '../../activities/places.ts'
import type { Activity } from '../../payload-types.ts'

/**
 * Times in order, booking closing before the start, public texts free of mobile numbers, and the notice
 * rule: a 代表接待日 published for the first time (or moved) less than three days before it starts must be
 * confirmed by ticking 已确认不足三天公告. Activities that already took place are records, not
 * announcements, and need no confirmation.
 */
export const checkActivity: CollectionBeforeValidateHook<Activity> = ({
  data,
  originalDoc,
  collection,
  req,
}) => {
  if (!data) return data
  const merged = { ...originalDoc, ...data } as Partial<Activity>
  const errors: { path: string; message: string }[] = []
  const start = merged.startsAt ? Date.parse(merged.startsAt) : NaN
  const end = merged.endsAt ? Date.parse(merged.endsAt) : NaN
  if (Number.isFinite(start) && Number.isFinite(end) && end <= start)
    errors.push({ path: 'endsAt', message: '结束时间应当晚于开始时间。' })
  if (merged.bookable) {
    if (!merged.capacity || merged.capacity < 1)
      errors.push({ path: 'capacity', message: '开放预约的活动请填写名额（至少 1 个）。' })
    if (merged.bookingClosesAt && Number.isFinite(start) && Date.parse(merged.bookingClosesAt) > start)
      errors.push({ path: 'bookingClosesAt', message: '预约截止时间不能晚于活动开始时间。' })
  }
  for (const name of ['description', 'issuesRaised', 'agreed'] as const)
    if (hasMobileNumber(merged[name]))
      errors.push({ path: name, message: '这段文字会在网站上公开，不能包含电话号码。' })

  const publishing = data._status === 'published' || (data._status === undefined && !collection.versions)
  const now = activityClock.now()
  const moved = merged.startsAt !== originalDoc?.startsAt
  const firstTime = originalDoc?._status !== 'published'
  if (
    publishing &&
    (firstTime || moved) &&
    Number.isFinite(start) &&
    start > now &&
    shortNotice(merged, now) &&
    !merged.shortNoticeConfirmed
  )
    errors.push({
      path: 'shortNoticeConfirmed',
      message: `代表接待日应当至少提前 ${NOTICE_DAYS} 天公告时间、地点和参加的代表。这场距开始已不足 ${NOTICE_DAYS} 天：确需发布，请勾选“已确认不足三天公告”后再发布。`,
    })
  if (errors.length) throw invalidFields(collection, errors, req)
  return data
}

/** The published capacity goes into the places counter the booking endpoint claims from. */
export const keepPlacesInStep: CollectionAfterChangeHook<Activity> = async ({ doc, req }) => {
  if (doc._status !== 'published') return doc
  await syncPlaces(req.payload, doc.id, doc.bookable ? (doc.capacity ?? 0) : 0, req)
  return doc
}

/**
 * An activity residents booked is not deleted (their bookings would lose their activity): it can be
 * unpublished instead. Otherwise its places counter goes with it.
 */
export const keepBookedActivities: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const { totalDocs } = await req.payload.count({
    collection: 'bookings',
    where: { activity: { equals: id } },
    overrideAccess: true,
    req,
  })
  if (totalDocs > 0)
    throw new APIError(
      `这项活动已有 ${totalDocs} 条群众预约，不能删除；如不再举行，请撤下并通知预约的群众。`,
      409,
    )
  await req.payload.delete({
    collection: PLACES,
    where: { activity: { equals: id } },
    overrideAccess: true,
    req,
  })
}
