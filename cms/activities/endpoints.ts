/**
 * The public side of 活动预约, served by the CMS for the static site:
 * - POST /api/bookings/submit    a resident books a place (name, phone, optional issue) → booking code
 * - POST /api/bookings/cancel    cancels it with the code and the phone given
 * - GET  /api/activities/places  places left of a published activity, live (no personal data)
 * Each answers HTML (a page in the site's style, for forms posted without JavaScript: the form again,
 * filled in, with the errors next to the fields) or JSON for `Accept: application/json`. Modelled on
 * cms/consultations/endpoints.ts; the page, CORS, address and rate-slot helpers are shared with messages.
 */
import { timingSafeEqual } from 'node:crypto'

import type { Payload, PayloadHandler } from 'payload'

import { answer, corsHeaders, noStore } from '../endpoints/answer.ts'
import { clientIp, htmlPage } from '../messages/endpoints.ts'
import { addressKey, type SharedWindow, waitText } from '../messages/rate-limit.ts'
import { siteUrl } from '../site-url.ts'
import { bodyRuleFor } from '../security/body-limit.ts'
import { beijingClock, chineseDate } from '../../vocabulary/dates.ts'
import { escapeHtml } from '../../vocabulary/html.ts'
import { bookingClosesAt, bookingState, placesLeft } from '../../vocabulary/activities/schedule.ts'
import {
  checkBookingForm,
  checkCancelForm,
  type BookingErrors,
  type BookingValues,
  type CancelErrors,
  type CancelValues,
} from '../../vocabulary/activities/validate.ts'
import {
  bookingFormHtml,
  bookingReceiptHtml,
  cancelFormHtml,
  cancelledHtml,
} from '../../vocabulary/activities/form.ts'
import type { Activity, Booking, Station } from '../payload-types.ts'
import { activityClock } from './clock.ts'
import { bookingLimits } from './limits.ts'
import { claimPlace, leaveBooked, readPlaces, releasePlace } from './places.ts'

const MAX_BODY_BYTES = bodyRuleFor('POST', '/bookings/submit').limit
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export const activityUrl = (slug: string) => `${siteUrl()}/activities/${slug}/`
const cancelUrl = () => `${siteUrl()}/activities/cancel/`
const listUrl = () => `${siteUrl()}/activities/`

/** A published activity by slug, read as an anonymous visitor (drafts never take bookings). */
async function publishedActivity(payload: Payload, slug: string): Promise<Activity | undefined> {
  if (!SLUG.test(slug) || slug.length > 120) return undefined
  const { docs } = await payload.find({
    collection: 'activities',
    where: { slug: { equals: slug } },
    overrideAccess: false,
    user: null,
    depth: 1,
    limit: 1,
    select: {
      title: true,
      slug: true,
      kind: true,
      startsAt: true,
      endsAt: true,
      station: true,
      bookable: true,
      capacity: true,
      bookingClosesAt: true,
    },
    populate: { stations: { name: true, address: true } },
  })
  return docs[0] as Activity | undefined
}

const whenText = (a: Pick<Activity, 'startsAt' | 'endsAt'>) =>
  `${chineseDate(a.startsAt)} ${beijingClock(a.startsAt)}–${beijingClock(a.endsAt)}`
const whereText = (a: Pick<Activity, 'station'>) =>
  typeof a.station === 'object' && a.station ? (a.station as Station).name : ''

function bookingPage(a: Activity | undefined, values: BookingValues, errors: BookingErrors) {
  if (!a)
    return htmlPage(
      '预约没有成功',
      `<h1>预约没有成功</h1><p class="field-error" role="alert">${escapeHtml(errors.form ?? '没有找到这项活动。')}</p><p><a href="${escapeHtml(listUrl())}">查看近期活动</a></p>`,
    )
  const form = bookingFormHtml({ action: '/api/bookings/submit', activity: a.slug!, values, errors })
  return htmlPage(
    '预约没有成功',
    `<h1>预约：${escapeHtml(a.title)}</h1><p>${escapeHtml(whenText(a))} · ${escapeHtml(whereText(a))}</p>${form}<p><a href="${escapeHtml(activityUrl(a.slug!))}">返回活动页面</a></p>`,
  )
}

export const bookEndpoint: PayloadHandler = async (req) => {
  const { payload } = req
  let activity: Activity | undefined = undefined
  let values: BookingValues = {}
  const failed = (status: number, errors: BookingErrors, extra: Record<string, string> = {}) =>
    answer(req, status, { ok: false, errors }, () => bookingPage(activity, values, errors), extra)

  const type = (req.headers.get('content-type') ?? '').toLowerCase()
  if (!type.startsWith('multipart/form-data') && !type.startsWith('application/x-www-form-urlencoded'))
    return failed(415, { form: '请通过网站上的预约表预约。' })
  if (Number(req.headers.get('content-length') ?? 0) > MAX_BODY_BYTES)
    return failed(413, { form: '提交的内容太大：想反映的问题最多 500 字。' })

  const ip = addressKey(clientIp(req))
  const limits = bookingLimits()
  const attempt = await limits.attempts.take(payload, ip)
  if (!attempt.ok)
    return failed(
      429,
      { form: `提交太频繁，请${waitText(attempt.retryAfterMs)}后再试。` },
      { 'retry-after': String(Math.ceil(attempt.retryAfterMs / 1000)) },
    )

  let form: FormData
  try {
    form = (await req.formData!()) as FormData
  } catch {
    return failed(400, { form: '无法读取提交的内容，请刷新页面后重新填写提交。' })
  }
  const checked = checkBookingForm(form.entries())
  values = checked.values
  activity = await publishedActivity(payload, (values.activity ?? '').trim())
  if (checked.status !== 200 || !checked.clean) return failed(checked.status, checked.errors)
  const booking = checked.clean
  if (!activity) return failed(404, { form: '没有找到这项活动，它可能已经撤下。' })

  const state = bookingState({ ...activity, booked: 0 }, activityClock.now())
  if (state === 'not-bookable') return failed(409, { form: '这项活动不需要预约，欢迎按时直接到场参加。' })
  if (state === 'closed')
    return failed(410, {
      form: `这项活动的预约已于${chineseDate(bookingClosesAt(activity))} ${beijingClock(bookingClosesAt(activity))}截止。没有预约也可以按时到场，现场同样接待。`,
    })

  const places: (() => Promise<void>)[] = []
  const giveBack = () => Promise.all(places.splice(0).map((r) => r().catch(() => {})))
  const take = async (window: SharedWindow, key: string, text: string) => {
    const taken = await window.take(payload, key)
    if (taken.ok) {
      places.push(taken.release)
      return undefined
    }
    await giveBack()
    return failed(429, { form: `${text}请${waitText(taken.retryAfterMs)}后再试，或拨打实践站电话预约。` })
  }
  const blocked =
    (await take(limits.ip, ip, '同一网络提交的预约太多，')) ??
    (await take(limits.phone, booking.phone, '这个手机号近期预约太多，')) ??
    (await take(limits.all, 'all', '网站近期收到的预约太多，'))
  if (blocked) return blocked

  const duplicate = await payload.count({
    collection: 'bookings',
    where: {
      and: [
        { activity: { equals: activity.id } },
        { phone: { equals: booking.phone } },
        { status: { equals: 'booked' } },
      ],
    },
    overrideAccess: true,
  })
  if (duplicate.totalDocs > 0) {
    await giveBack()
    return failed(409, {
      phone: '这个手机号已经预约过这场活动了，不需要重复预约。如需更改，请先凭预约码取消再重新预约。',
    })
  }

  // The place itself: one conditional update, so the capacity holds under any number of requests.
  if (!(await claimPlace(payload, activity.id))) {
    await giveBack()
    return failed(409, {
      form: '这场活动的名额已经约满了。您可以预约其他场次，或按时到场：现场未预约的群众同样接待。',
    })
  }
  let doc: Booking
  try {
    doc = await payload.create({
      collection: 'bookings',
      data: {
        activity: activity.id,
        name: booking.name,
        phone: booking.phone,
        issue: booking.issue || undefined,
        status: 'booked',
      },
      overrideAccess: true,
    })
  } catch (error) {
    await releasePlace(payload, activity.id).catch(() => {})
    await giveBack()
    throw error
  }
  payload.logger.info(`bookings: accepted ${doc.code} for ${activity.slug}`)
  const receipt = {
    code: doc.code!,
    activityTitle: activity.title,
    when: whenText(activity),
    where: whereText(activity),
    cancelUrl: cancelUrl(),
    backUrl: activityUrl(activity.slug!),
  }
  return answer(req, 201, { ok: true, ...receipt }, () =>
    htmlPage('预约成功', `<div class="receipt">${bookingReceiptHtml({ ...receipt, heading: 'h1' })}</div>`),
  )
}

const samePhone = (a: string, b: string) => {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

export const cancelBookingEndpoint: PayloadHandler = async (req) => {
  const { payload } = req
  let values: CancelValues = {}
  const page = (errors: CancelErrors) =>
    htmlPage(
      '取消预约',
      `<h1>取消预约</h1>${cancelFormHtml({ action: '/api/bookings/cancel', values, errors })}<p><a href="${escapeHtml(listUrl())}">查看近期活动</a></p>`,
    )
  const failed = (status: number, errors: CancelErrors, extra: Record<string, string> = {}) =>
    answer(req, status, { ok: false, errors }, () => page(errors), extra)

  const type = (req.headers.get('content-type') ?? '').toLowerCase()
  if (!type.startsWith('multipart/form-data') && !type.startsWith('application/x-www-form-urlencoded'))
    return failed(415, { form: '请通过网站上的取消预约表提交。' })
  if (Number(req.headers.get('content-length') ?? 0) > MAX_BODY_BYTES)
    return failed(413, { form: '提交的内容太大。' })
  const taken = await bookingLimits().cancel.take(payload, addressKey(clientIp(req)))
  if (!taken.ok)
    return failed(
      429,
      { form: `操作太频繁，请${waitText(taken.retryAfterMs)}后再试。` },
      { 'retry-after': String(Math.ceil(taken.retryAfterMs / 1000)) },
    )
  let form: FormData
  try {
    form = (await req.formData!()) as FormData
  } catch {
    return failed(400, { form: '无法读取提交的内容，请刷新页面后重新填写提交。' })
  }
  const checked = checkCancelForm(form.entries())
  values = checked.values
  if (checked.status !== 200 || !checked.clean) return failed(checked.status, checked.errors)
  const { code, phone } = checked.clean
  const { docs } = await payload.find({
    collection: 'bookings',
    where: { code: { equals: code } },
    overrideAccess: true,
    depth: 0,
    limit: 1,
  })
  const booking = docs[0] as Booking | undefined
  if (!booking || !samePhone(booking.phone, phone))
    return failed(404, { form: '没有找到这个预约，请核对预约码和预约时留下的手机号。' })
  const activityId = typeof booking.activity === 'object' ? booking.activity.id : booking.activity
  const activity = (await payload.findByID({
    collection: 'activities',
    id: activityId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })) as Activity | null
  if (booking.status !== 'booked')
    return failed(409, { form: '这个预约已经取消过了（或活动已经结束），不需要再取消。' })
  if (activity && activityClock.now() >= Date.parse(activity.startsAt))
    return failed(410, { form: '活动已经开始，不能再在网上取消预约。' })
  if (!(await leaveBooked(payload, booking.id, 'cancelled', new Date(activityClock.now()).toISOString())))
    return failed(409, { form: '这个预约已经取消过了，不需要再取消。' })
  await releasePlace(payload, activityId)
  payload.logger.info(`bookings: cancelled ${booking.code}`)
  const title = activity?.title ?? '活动'
  const backUrl = activity?.slug ? activityUrl(activity.slug) : listUrl()
  return answer(req, 200, { ok: true, activityTitle: title, backUrl }, () =>
    htmlPage('预约已取消', cancelledHtml({ activityTitle: title, backUrl, heading: 'h1' })),
  )
}

/** GET /api/activities/places?activity=<slug>: the live number of places left, nothing personal. */
export const placesEndpoint: PayloadHandler = async (req) => {
  const slug = new URL(req.url ?? '', 'http://localhost').searchParams.get('activity') ?? ''
  const headers = { ...corsHeaders(req), ...noStore }
  const activity = await publishedActivity(req.payload, slug)
  if (!activity) return Response.json({ ok: false, error: '没有找到这项活动。' }, { status: 404, headers })
  const counter = (await readPlaces(req.payload, [activity.id])).get(String(activity.id))
  const live = { ...activity, capacity: counter?.capacity ?? 0, booked: counter?.booked ?? 0 }
  return Response.json(
    {
      ok: true,
      activity: activity.slug,
      capacity: live.bookable ? live.capacity : 0,
      left: placesLeft(live) ?? 0,
      state: bookingState(live, activityClock.now()),
    },
    { headers },
  )
}
