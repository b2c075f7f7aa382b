import { REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'
import type { Payload } from 'payload'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'

import { allowSelfPublishing, makeUser, openThrowawayCms, type ThrowawayCms } from '../helpers/cms.ts'

/**
 * 活动预约 (issue 18) on the Local API and the REST API in process (the gate around Payload's handler,
 * as served): the seed, the notice rule, the booking endpoint under a concurrent burst, cancelling, the
 * closing time with an injected clock, duplicates, the live places, the sign-in sheet, and access to
 * bookings' personal data.
 */
process.env.BOOKING_LIMIT_IP = '1000/1h'
process.env.BOOKING_LIMIT_ATTEMPTS = '1000/1h'
process.env.BOOKING_LIMIT_PHONE = '1000/1d'
process.env.BOOKING_LIMIT_CANCEL = '1000/1h'

let cms: ThrowawayCms
let payload: Payload
type Route = (request: Request, args: { params: Promise<{ slug: string[] }> }) => Promise<Response>
let routes: Record<string, Route>
let clock: typeof import('../../cms/activities/clock.ts').activityClock
let editor: Awaited<ReturnType<typeof makeUser>>
/** Publishes (先审后发 is review.int's subject: here 双人审核 is off so a reviewer publishes their own). */
let reviewer: Awaited<ReturnType<typeof makeUser>>
let ip = 0
let station: number
const HOUR = 3_600_000
const DAY = 24 * HOUR

beforeAll(async () => {
  cms = await openThrowawayCms()
  payload = cms.payload
  const { seed } = await import('../../cms/seed/index.ts')
  await seed(payload)
  const { guardApi } = await import('../../cms/security/guard.ts')
  clock = (await import('../../cms/activities/clock.ts')).activityClock
  const config = payload.config
  routes = Object.fromEntries(
    Object.entries({ GET: REST_GET, POST: REST_POST, PATCH: REST_PATCH, DELETE: REST_DELETE }).map(
      ([m, make]) => [m, guardApi(config, make(config)) as Route],
    ),
  )
  editor = await makeUser(payload, 'editor')
  reviewer = await makeUser(payload, 'reviewer')
  await allowSelfPublishing(payload)
  station = (
    await payload.find({ collection: 'stations', where: { slug: { equals: 'kuishan-station' } }, limit: 1 })
  ).docs[0].id
})

afterAll(async () => {
  await cms?.close()
})

afterEach(() => {
  clock.now = () => Date.now()
})

function send(
  method: string,
  path: string,
  init: { headers?: Record<string, string>; body?: BodyInit } = {},
) {
  const url = `http://127.0.0.1:3000/api/${path}`
  const headers = new Headers({ 'x-forwarded-for': `10.8.${(++ip >> 8) & 255}.${ip & 255}`, ...init.headers })
  const request = new Request(url, { method, headers, body: init.body })
  const slug = new URL(url).pathname.replace(/^\/api\//, '').split('/')
  return routes[method](request, { params: Promise.resolve({ slug }) })
}

const post = (path: string, fields: Record<string, string>, json = true) =>
  send('POST', path, {
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(json ? { accept: 'application/json' } : {}),
    },
    body: new URLSearchParams(fields).toString(),
  })
const book = (fields: Record<string, string>, json = true) => post('bookings/submit', fields, json)
const cancel = (fields: Record<string, string>) => post('bookings/cancel', fields)

let made = 0
/** A published bookable activity at the Kuishan station, starting in `days`. */
async function bookableActivity(capacity: number, days = 10, extra: Record<string, unknown> = {}) {
  const start = Date.now() + days * DAY
  const doc = await payload.create({
    collection: 'activities',
    data: {
      title: `测试预约活动 ${++made}`,
      slug: `test-booking-${made}`,
      kind: 'deliberation',
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(start + 2 * HOUR).toISOString(),
      station,
      description: '测试用的议事协商会。',
      bookable: true,
      capacity,
      _status: 'published',
      ...extra,
    },
    overrideAccess: true,
  })
  return doc
}
const phone = (n: number) => `139${String(10_000_000 + n).slice(-8)}`
const placesOf = async (slug: string) =>
  (await (await send('GET', `activities/places?activity=${slug}`)).json()) as {
    ok: boolean
    left: number
    capacity: number
    state: string
  }
const bookingsOf = async (activity: number | string) =>
  (
    await payload.find({
      collection: 'bookings',
      where: { activity: { equals: activity } },
      overrideAccess: true,
      limit: 0,
      pagination: false,
    })
  ).docs

describe('the seed', () => {
  it('adds a month of sample activities across the stations: past ones with records, upcoming ones open for booking', async () => {
    const { docs } = await payload.find({
      collection: 'activities',
      overrideAccess: false,
      user: null,
      limit: 0,
      pagination: false,
      depth: 1,
    })
    expect(docs.length).toBeGreaterThanOrEqual(10)
    expect(docs.every((d) => d.isSample)).toBe(true)
    const now = Date.now()
    const starts = docs.map((d) => Date.parse(d.startsAt))
    expect(Math.max(...starts) - Math.min(...starts)).toBeGreaterThan(28 * DAY)
    const past = docs.filter((d) => Date.parse(d.endsAt) < now)
    const upcoming = docs.filter((d) => Date.parse(d.startsAt) > now)
    expect(past.length).toBeGreaterThanOrEqual(4)
    expect(past.every((d) => d.attendance && d.agreed)).toBe(true)
    expect(upcoming.filter((d) => d.bookable && d.capacity).length).toBeGreaterThanOrEqual(4)
    expect(new Set(docs.map((d) => (d.station as { slug: string }).slug)).size).toBeGreaterThanOrEqual(8)
    const kinds = new Set(docs.map((d) => d.kind))
    for (const k of ['reception', 'deliberation', 'inspection', 'lecture']) expect(kinds).toContain(k)
  })
})

describe('the notice rule for 代表接待日', () => {
  const reception = (hours: number, confirmed = false) => ({
    title: `临时接待日 ${hours}`,
    kind: 'reception' as const,
    startsAt: new Date(Date.now() + hours * HOUR).toISOString(),
    endsAt: new Date(Date.now() + (hours + 2) * HOUR).toISOString(),
    station,
    description: '临时增加的代表接待日。',
    shortNoticeConfirmed: confirmed,
    _status: 'published' as const,
  })

  it('publishing one less than three days ahead is refused in Chinese until the editor confirms', async () => {
    await expect(
      payload.create({
        collection: 'activities',
        data: reception(30),
        overrideAccess: false,
        user: reviewer.user,
      }),
    ).rejects.toThrow(/已确认不足三天公告/)
    const ok = await payload.create({
      collection: 'activities',
      data: reception(30, true),
      overrideAccess: false,
      user: reviewer.user,
    })
    expect(ok._status).toBe('published')
  })

  it('three days ahead or more, a draft, or another kind of activity needs no confirmation', async () => {
    await payload.create({ collection: 'activities', data: reception(80), overrideAccess: true })
    await payload.create({
      collection: 'activities',
      data: { ...reception(5), _status: 'draft' },
      draft: true,
      overrideAccess: true,
    })
    await payload.create({
      collection: 'activities',
      data: { ...reception(5), kind: 'deliberation' },
      overrideAccess: true,
    })
  })
})

describe('booking', () => {
  it('50 concurrent bookings for 10 places: exactly 10 accepted, 40 told it is full, no 5xx', async () => {
    const a = await bookableActivity(10)
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        book({ activity: a.slug!, name: '居民', phone: phone(i), issue: '想反映楼道照明的问题' }),
      ),
    )
    const statuses = answers.map((r) => r.status)
    const bodies = (await Promise.all(answers.map((r) => r.json()))) as {
      errors?: { form?: string }
    }[]
    const seen = JSON.stringify(statuses.map((s, i) => `${s} ${bodies[i].errors?.form ?? ''}`))
    expect(
      statuses.filter((s) => s >= 500),
      seen,
    ).toEqual([])
    expect(
      statuses.filter((s) => s === 201),
      seen,
    ).toHaveLength(10)
    expect(
      statuses.filter((s) => s === 409),
      seen,
    ).toHaveLength(40)
    for (const [i, body] of bodies.entries())
      if (statuses[i] === 409) expect(body.errors!.form).toContain('名额已经约满')
    expect((await bookingsOf(a.id)).length).toBe(10)
    const live = await placesOf(a.slug!)
    expect(live).toMatchObject({ ok: true, left: 0, capacity: 10, state: 'full' })
  })

  it('returns a booking code; cancelling with the code and phone frees the place for someone else', async () => {
    const a = await bookableActivity(1)
    const first = await book({ activity: a.slug!, name: '王女士', phone: '13900000001' })
    expect(first.status).toBe(201)
    const { code } = (await first.json()) as { code: string }
    expect(code).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/)
    const second = await book({ activity: a.slug!, name: '李先生', phone: '13900000002' })
    expect(second.status).toBe(409)

    // The wrong phone cancels nothing.
    const wrong = await cancel({ code, phone: '13900000009' })
    expect(wrong.status).toBe(404)
    expect((await placesOf(a.slug!)).left).toBe(0)

    const cancelled = await cancel({ code: code.toLowerCase().replace('-', ' '), phone: '139 0000 0001' })
    expect(cancelled.status).toBe(200)
    expect((await placesOf(a.slug!)).left).toBe(1)
    // Cancelling twice frees nothing more.
    const again = await cancel({ code, phone: '13900000001' })
    expect(again.status).toBe(409)
    expect((await placesOf(a.slug!)).left).toBe(1)

    const third = await book({ activity: a.slug!, name: '李先生', phone: '13900000002' })
    expect(third.status).toBe(201)
    const statuses = (await bookingsOf(a.id)).map((b) => b.status).sort()
    expect(statuses).toEqual(['booked', 'cancelled'])
  })

  it('is refused after booking closes (the clock injected), with the closing time in Chinese', async () => {
    const a = await bookableActivity(5, 3, {
      bookingClosesAt: new Date(Date.now() + 2 * DAY).toISOString(),
    })
    clock.now = () => Date.now() + 2 * DAY + 60_000
    const late = await book({ activity: a.slug!, name: '王女士', phone: '13900000011' })
    expect(late.status).toBe(410)
    expect(((await late.json()) as { errors: { form: string } }).errors.form).toMatch(/预约已于.*截止/)
    expect(await bookingsOf(a.id)).toHaveLength(0)
    clock.now = () => Date.now()
    expect((await book({ activity: a.slug!, name: '王女士', phone: '13900000011' })).status).toBe(201)
  })

  it('the same phone twice, a draft, an unknown activity and an activity without booking are refused', async () => {
    const a = await bookableActivity(5)
    expect((await book({ activity: a.slug!, name: '赵女士', phone: '13900000021' })).status).toBe(201)
    const twice = await book({ activity: a.slug!, name: '赵女士', phone: '13900000021' })
    expect(twice.status).toBe(409)
    expect(((await twice.json()) as { errors: { phone: string } }).errors.phone).toContain('已经预约过')
    const draft = await payload.create({
      collection: 'activities',
      draft: true,
      data: {
        title: '未发布的活动',
        slug: 'test-draft-activity',
        kind: 'other',
        startsAt: new Date(Date.now() + 9 * DAY).toISOString(),
        endsAt: new Date(Date.now() + 9 * DAY + HOUR).toISOString(),
        station,
        description: '草稿。',
        bookable: true,
        capacity: 5,
        _status: 'draft',
      },
      overrideAccess: true,
    })
    expect((await book({ activity: draft.slug!, name: '赵女士', phone: '13900000022' })).status).toBe(404)
    expect((await book({ activity: 'no-such-activity', name: '赵女士', phone: '13900000022' })).status).toBe(
      404,
    )
    const open = await bookableActivity(5, 10, { bookable: false })
    const notBookable = await book({ activity: open.slug!, name: '赵女士', phone: '13900000022' })
    expect(notBookable.status).toBe(409)
  })

  it('without JavaScript: a refusal answers the form again with the Chinese error and everything typed', async () => {
    const a = await bookableActivity(5)
    const res = await book(
      { activity: a.slug!, name: '钱女士', phone: '12345', issue: '小区门口的路灯不亮' },
      false,
    )
    expect(res.status).toBe(422)
    expect(res.headers.get('content-type')).toContain('text/html')
    const page = await res.text()
    expect(page).toContain('请填写 11 位手机号')
    expect(page).toContain('value="钱女士"')
    expect(page).toContain('value="12345"')
    expect(page).toContain('小区门口的路灯不亮</textarea>')
    const ok = await book({ activity: a.slug!, name: '钱女士', phone: '13900000031' }, false)
    expect(ok.status).toBe(201)
    expect(await ok.text()).toMatch(/预约成功[\s\S]*data-booking-code>[A-Z0-9]{5}-[A-Z0-9]{5}</)
  })

  it('the live places endpoint answers anonymously with numbers only', async () => {
    const a = await bookableActivity(3)
    await book({ activity: a.slug!, name: '孙先生', phone: '13900000041', issue: '电梯维保费用' })
    const res = await send('GET', `activities/places?activity=${a.slug}`)
    expect(res.status).toBe(200)
    const text = await res.text()
    expect(JSON.parse(text)).toEqual({ ok: true, activity: a.slug, capacity: 3, left: 2, state: 'open' })
    expect(text).not.toContain('孙先生')
    expect(text).not.toContain('13900000041')
  })
})

describe('staff', () => {
  it('the sign-in sheet lists the bookings with their issues for staff only (HTML and CSV)', async () => {
    const a = await bookableActivity(5)
    await book({ activity: a.slug!, name: '周阿姨', phone: '13900000051', issue: '=想问加装电梯补贴' })
    expect((await send('GET', `activities/${a.id}/sign-in-sheet`)).status).toBe(403)
    const login = await send('POST', 'users/login', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: editor.email, password: editor.password }),
    })
    const { token } = (await login.json()) as { token: string }
    const auth = { authorization: `JWT ${token}` }
    const sheet = await send('GET', `activities/${a.id}/sign-in-sheet`, { headers: auth })
    expect(sheet.status).toBe(200)
    const html = await sheet.text()
    expect(html).toContain('签到表')
    expect(html).toContain('周阿姨')
    expect(html).toContain('想问加装电梯补贴')
    const csv = await send('GET', `activities/${a.id}/sign-in-sheet?format=csv`, { headers: auth })
    const text = await csv.text()
    expect(text).toContain('周阿姨')
    // A formula-looking cell is defused for spreadsheet programs.
    expect(text).toContain("'=想问加装电梯补贴")
  })

  it('editors mark attendance on a booking', async () => {
    const a = await bookableActivity(5)
    await book({ activity: a.slug!, name: '吴先生', phone: '13900000061' })
    const [b] = await bookingsOf(a.id)
    const marked = await payload.update({
      collection: 'bookings',
      id: b.id,
      data: { status: 'attended' },
      overrideAccess: false,
      user: editor.user,
    })
    expect(marked.status).toBe('attended')
  })

  it('saving an activity in the admin never writes over the places booked', async () => {
    const a = await bookableActivity(4)
    await book({ activity: a.slug!, name: '郑女士', phone: '13900000071' })
    await payload.update({
      collection: 'activities',
      id: a.id,
      data: { capacity: 6, _status: 'published' },
      overrideAccess: false,
      user: reviewer.user,
    })
    expect(await placesOf(a.slug!)).toMatchObject({ capacity: 6, left: 5 })
  })
})

describe('access to bookings', () => {
  const anonymous = { overrideAccess: false as const, user: null }
  const NAME = '访问测试人'
  const PHONE = '13900000081'
  const ISSUE = '访问测试想反映的问题'
  let bookingId: number
  let activityId: number

  beforeAll(async () => {
    const a = await bookableActivity(5)
    activityId = a.id
    await book({ activity: a.slug!, name: NAME, phone: PHONE, issue: ISSUE })
    bookingId = (await bookingsOf(a.id))[0].id
  })

  it('anonymous visitors never list, count, read or write bookings (Local API)', async () => {
    await expect(payload.find({ collection: 'bookings', ...anonymous })).rejects.toThrow()
    await expect(payload.count({ collection: 'bookings', ...anonymous })).rejects.toThrow()
    await expect(payload.findByID({ collection: 'bookings', id: bookingId, ...anonymous })).rejects.toThrow()
    await expect(
      payload.update({ collection: 'bookings', id: bookingId, data: { status: 'cancelled' }, ...anonymous }),
    ).rejects.toThrow()
    await expect(payload.delete({ collection: 'bookings', id: bookingId, ...anonymous })).rejects.toThrow()
    await expect(
      payload.create({
        collection: 'bookings',
        data: { activity: activityId, name: '匿名', phone: '13900000099', status: 'booked' },
        ...anonymous,
      }),
    ).rejects.toThrow()
    // The activity read anonymously carries no bookings, and the places counter is closed too.
    const activity = await payload.findByID({
      collection: 'activities',
      id: activityId,
      depth: 2,
      ...anonymous,
    })
    expect(JSON.stringify(activity)).not.toContain(NAME)
    expect(JSON.stringify(activity)).not.toContain(PHONE)
    await expect(payload.find({ collection: 'activity-places', ...anonymous })).rejects.toThrow()
    // Editors read them.
    const asEditor = await payload.findByID({
      collection: 'bookings',
      id: bookingId,
      overrideAccess: false,
      user: editor.user,
    })
    expect(asEditor.name).toBe(NAME)
  })

  it('anonymous REST requests get no booking, no name, no phone and no issue by any route', async () => {
    for (const path of [
      'bookings',
      `bookings/${bookingId}`,
      'bookings?where[phone][exists]=true',
      'bookings/count',
      `activities/${activityId}?depth=2`,
      `activities?where[id][equals]=${activityId}&depth=2`,
      `activities/${activityId}?joins[bookings][limit]=10`,
      'activity-places',
      `activities/${activityId}/sign-in-sheet`,
      `activities/${activityId}/sign-in-sheet?format=csv`,
      'graphql',
    ]) {
      const res = await send('GET', path)
      const text = await res.text()
      expect(res.status, path).toBeLessThan(500)
      expect(text, path).not.toContain(NAME)
      expect(text, path).not.toContain(PHONE)
      expect(text, path).not.toContain(ISSUE)
    }
    for (const path of ['bookings', 'bookings/1', 'bookings/count', 'activity-places'])
      expect((await send('GET', path)).status, path).toBeGreaterThanOrEqual(400)
    const patched = await send('PATCH', `bookings/${bookingId}`, {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'cancelled' }),
    })
    expect(patched.status).toBeGreaterThanOrEqual(400)
    expect((await send('POST', 'graphql', { body: '{}' })).status).toBeGreaterThanOrEqual(400)
  })
})
