import { REST_GET, REST_POST } from '@payloadcms/next/routes'
import fc from 'fast-check'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { openThrowawayCms, type ThrowawayCms } from '../helpers/cms.ts'

/**
 * Property-based fuzzing (fast-check) of POST /api/bookings/submit and POST /api/bookings/cancel, the
 * 活动预约 endpoints residents reach without a login, through the same composition as the served route
 * (the REST gate around Payload's REST handler), like opinions-fuzz.int.spec.ts. Every generated input
 * is hostile or malformed: forged, repeated, missing and oversized fields, files in text fields, markup,
 * control and bidi characters, unknown, draft, closed and full activities, wrong content types, broken
 * multipart, random bytes. Properties: the answer is a 4xx (never a 2xx or 5xx, never a thrown
 * exception), it carries Chinese text, nothing is stored and no place is taken.
 * FUZZ_SEED replays a run; FUZZ_RUNS scales it.
 */
process.env.BOOKING_LIMIT_ATTEMPTS = '1000000/1h'
process.env.BOOKING_LIMIT_IP = '1000000/1h'
process.env.BOOKING_LIMIT_PHONE = '1000000/1d'
process.env.BOOKING_LIMIT_ALL = '1000000/1h'
process.env.BOOKING_LIMIT_CANCEL = '1000000/1h'

const SEED = Number(process.env.FUZZ_SEED ?? 20261201)
const SCALE = Number(process.env.FUZZ_RUNS ?? 1) || 1
const HAN = /\p{Script=Han}/u
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g

let cms: ThrowawayCms
let payload: Payload
type Route = (request: Request, args: { params: Promise<{ slug: string[] }> }) => Promise<Response>
let routes: Record<string, Route>
const OPEN = 'open-activity'
const CLOSED = 'closed-activity'
const FULL = 'full-activity'
const DRAFT = 'draft-activity'
const NO_BOOKING = 'no-booking-activity'
let taken = 0
let ip = 0

beforeAll(async () => {
  cms = await openThrowawayCms()
  payload = cms.payload
  const { guardApi } = await import('../../cms/security/guard.ts')
  routes = {
    GET: guardApi(payload.config, REST_GET(payload.config)) as Route,
    POST: guardApi(payload.config, REST_POST(payload.config)) as Route,
  }
  const hour = 3_600_000
  const station = await payload.create({
    collection: 'stations',
    data: {
      name: '测试实践站',
      slug: 'test-station',
      type: 'station',
      street: 'kuishan',
      address: '测试路1号',
      hours: '工作日 9:00–17:00',
    } as never,
    overrideAccess: true,
  })
  const make = (slug: string, starts: number, extra: Record<string, unknown>) =>
    payload.create({
      collection: 'activities',
      data: {
        slug,
        title: slug,
        kind: 'deliberation',
        startsAt: new Date(Date.now() + starts).toISOString(),
        endsAt: new Date(Date.now() + starts + hour).toISOString(),
        station: station.id,
        description: '测试',
        bookable: true,
        capacity: 5,
        _status: 'published',
        ...extra,
      },
      overrideAccess: true,
    })
  await make(OPEN, 10 * 24 * hour, {})
  await make(CLOSED, 10 * 24 * hour, { bookingClosesAt: new Date(Date.now() - hour).toISOString() })
  await make(FULL, 10 * 24 * hour, { capacity: 1 })
  await make(DRAFT, 10 * 24 * hour, { _status: 'draft' })
  await make(NO_BOOKING, 10 * 24 * hour, { bookable: false, capacity: 0 })
  // The one place of FULL, taken by a real booking before the fuzzing starts.
  const headers = new Headers({
    accept: 'application/json',
    'content-type': 'application/x-www-form-urlencoded',
  })
  const res = await send(
    'POST',
    'bookings/submit',
    headers,
    new URLSearchParams({ activity: FULL, name: '占位人', phone: '13900000000' }).toString(),
  )
  expect(res.status).toBe(201)
  taken = await placesTaken()
})

afterAll(async () => {
  await cms?.close()
})

const stored = async () => (await payload.count({ collection: 'bookings', overrideAccess: true })).totalDocs
const placesTaken = async () =>
  (
    await payload.find({ collection: 'activity-places', overrideAccess: true, limit: 0, pagination: false })
  ).docs.reduce((n, d) => n + (d.booked ?? 0), 0)

async function send(method: 'GET' | 'POST', path: string, headers: Headers, body?: BodyInit) {
  headers.set('x-forwarded-for', `10.77.${(++ip >> 8) & 255}.${ip & 255}`)
  const url = `http://127.0.0.1:3000/api/${path}`
  const request = new Request(url, { method, headers, body, duplex: 'half' } as RequestInit)
  const slug = new URL(url).pathname
    .replace(/^\/api\//, '')
    .split('/')
    .map(decodeURIComponent)
  return routes[method](request, { params: Promise.resolve({ slug }) })
}

const NASTY = [
  '\u0000',
  '\u202e',
  '\u200b',
  '\ufeff',
  '\ud800',
  '<script>alert(1)</script>',
  '</textarea>',
  '{"$gt":""}',
  '%00',
  '😀',
  '𠀀',
  'مرحبا',
  '\r\n',
]
const char = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c)) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY) },
)
const text = fc.oneof(
  fc.string({ unit: char, maxLength: 30 }),
  fc
    .tuple(fc.constantFrom('中', 'a', '<'), fc.integer({ min: 2001, max: 2600 }))
    .map(([c, n]) => c.repeat(n)),
)
const goodName = fc.constantFrom('王女士', '李建国', 'Zhang Wei')
const goodPhone = fc.integer({ min: 10_000_000, max: 99_999_999 }).map((n) => `139${n}`)

/** A booking that must be refused: one defect at least, chosen so that nothing about it is acceptable. */
const hostileForm = fc.oneof(
  // A forged field beside valid ones.
  fc
    .record({
      name: goodName,
      phone: goodPhone,
      forged: fc.constantFrom(
        'status',
        'code',
        'bookedAt',
        'isSample',
        'id',
        'where[id]',
        '_status',
        'capacity',
        'booked',
        'activity[id]',
      ),
      value: text,
    })
    .map((r) => [
      ['activity', OPEN],
      ['name', r.name],
      ['phone', r.phone],
      [r.forged, r.value],
    ]),
  // A name missing, too long, with digits or markup.
  fc
    .oneof(
      fc.constantFrom(
        '',
        '   ',
        '张三13800138000',
        '<b>王</b>',
        '王'.repeat(21),
        'Robert"); DROP TABLE bookings;--',
      ),
      text.filter((t) => /[^\p{Script=Han}A-Za-z·•.\s]/u.test(t.replace(INVISIBLE, '').trim()) || !t.trim()),
    )
    .map((name) => [
      ['activity', OPEN],
      ['name', name],
      ['phone', '13900001111'],
    ]),
  // A phone missing, a landline, too short, not digits.
  fc
    .oneof(
      fc.constantFrom('', '12345', '0516-83861065', '１３８', '+1 555 0100', '139000011112'),
      text.filter((t) => !/^1\d{10}$/.test(t)),
    )
    .map((phone) => [
      ['activity', OPEN],
      ['name', '王女士'],
      ['phone', phone],
    ]),
  // An issue too long or with markup.
  fc
    .oneof(
      text.filter((t) => [...t.replace(INVISIBLE, '').trim()].length > 500),
      fc.constant('请看<img src=x onerror=alert(1)>这个问题'),
    )
    .map((issue) => [
      ['activity', OPEN],
      ['name', '王女士'],
      ['phone', '13900002222'],
      ['issue', issue],
    ]),
  // An activity that does not exist, is a draft, closed, full, takes no booking, or is missing.
  fc
    .oneof(
      fc.constantFrom(
        CLOSED,
        FULL,
        DRAFT,
        NO_BOOKING,
        'no-such-activity',
        '',
        'Open-Activity',
        'open_activity',
        '../open-activity',
      ),
      text,
    )
    .map((activity) => [
      ['activity', activity],
      ['name', '王女士'],
      ['phone', '13900003333'],
    ]),
  // The honeypot filled.
  goodPhone.map((phone) => [
    ['activity', OPEN],
    ['name', '王女士'],
    ['phone', phone],
    ['website', 'http://spam.example'],
  ]),
  // Repeated fields, or far too many.
  fc.constantFrom('name', 'phone', 'activity', 'issue').map((k) => [
    ['activity', OPEN],
    ['name', '王女士'],
    ['phone', '13900004444'],
    ['issue', '想反映的问题'],
    [k, k === 'activity' ? OPEN : k === 'phone' ? '13900005555' : '第二份'],
  ]),
  fc.integer({ min: 13, max: 60 }).map((n) => Array.from({ length: n }, (_, i) => ['issue', `问题${i}`])),
)

type Encoding = 'urlencoded' | 'multipart' | 'multipart-file' | 'json' | 'none' | 'bytes'
const encoding = fc.constantFrom<Encoding>(
  'urlencoded',
  'urlencoded',
  'multipart',
  'multipart-file',
  'json',
  'none',
  'bytes',
)

function encode(fields: string[][], how: Encoding, bytes: Uint8Array): { headers: Headers; body?: BodyInit } {
  const headers = new Headers({ accept: 'application/json', origin: 'http://127.0.0.1:4321' })
  if (how === 'urlencoded') {
    headers.set('content-type', 'application/x-www-form-urlencoded')
    return { headers, body: new URLSearchParams(fields.map(([k, v]) => [k, v])).toString() }
  }
  if (how === 'multipart' || how === 'multipart-file') {
    const form = new FormData()
    for (const [k, v] of fields) form.append(k, v)
    // A file where text belongs: always malformed.
    if (how === 'multipart-file') form.set('name', new File([bytes.slice().buffer as ArrayBuffer], 'x.txt'))
    return { headers, body: form }
  }
  if (how === 'json') {
    headers.set('content-type', 'application/json')
    return { headers, body: JSON.stringify(Object.fromEntries(fields)) }
  }
  if (how === 'bytes') {
    headers.set('content-type', 'multipart/form-data; boundary=zzz')
    return { headers, body: bytes.slice().buffer as ArrayBuffer }
  }
  return { headers, body: new URLSearchParams(fields.map(([k, v]) => [k, v])).toString() }
}

async function chinese(res: Response): Promise<string> {
  const type = res.headers.get('content-type') ?? ''
  const textBody = await res.text()
  if (!type.includes('json')) return textBody.replace(/<style>[\s\S]*?<\/style>/g, '')
  const json = JSON.parse(textBody) as { errors?: unknown; error?: unknown }
  return JSON.stringify(json.errors ?? json.error ?? '')
}

describe('fuzzing the booking endpoints', () => {
  it('refuses every hostile or malformed booking with a 4xx in Chinese, stores nothing and takes no place', async () => {
    const before = await stored()
    const counts: Record<number, number> = {}
    let runs = 0
    await fc.assert(
      fc.asyncProperty(
        hostileForm,
        encoding,
        fc.uint8Array({ maxLength: 400 }),
        async (fields, how, bytes) => {
          runs++
          const { headers, body } = encode(fields, how, bytes)
          const res = await send('POST', 'bookings/submit', headers, body)
          counts[res.status] = (counts[res.status] ?? 0) + 1
          expect(res.status).toBeGreaterThanOrEqual(400)
          expect(res.status).toBeLessThan(500)
          expect(await chinese(res)).toMatch(HAN)
          expect(await stored()).toBe(before)
        },
      ),
      { seed: SEED, numRuns: Math.round(240 * SCALE) },
    )
    expect(await placesTaken()).toBe(taken)
    console.log(`bookings fuzz: seed ${SEED}, ${runs} submissions, statuses ${JSON.stringify(counts)}`)
    expect(runs).toBeGreaterThanOrEqual(200)
  })

  it('bodies past the limit are cut off by the gate with a Chinese 413', async () => {
    const headers = new Headers({
      accept: 'application/json',
      'content-type': 'application/x-www-form-urlencoded',
    })
    const body = `activity=${OPEN}&name=x&phone=13900000001&issue=${'%E4%B8%AD'.repeat(10_000)}`
    const res = await send('POST', 'bookings/submit', headers, body)
    expect(res.status).toBe(413)
    expect(await chinese(res)).toMatch(HAN)
    expect(await stored()).toBe(1)
  })

  it('cancelling with any code and phone answers 4xx in Chinese and cancels nothing', async () => {
    await fc.assert(
      fc.asyncProperty(
        text,
        text,
        encoding,
        fc.uint8Array({ maxLength: 200 }),
        async (code, phone, how, bytes) => {
          const { headers, body } = encode(
            [
              ['code', code],
              ['phone', phone],
            ],
            how,
            bytes,
          )
          const res = await send('POST', 'bookings/cancel', headers, body)
          expect(res.status).toBeGreaterThanOrEqual(400)
          expect(res.status).toBeLessThan(500)
          expect(await chinese(res)).toMatch(HAN)
        },
      ),
      { seed: SEED, numRuns: Math.round(80 * SCALE) },
    )
    expect(await placesTaken()).toBe(taken)
  })

  it('a well-formed booking still passes (the properties above are not vacuous)', async () => {
    const headers = new Headers({
      accept: 'application/json',
      'content-type': 'application/x-www-form-urlencoded',
    })
    const res = await send(
      'POST',
      'bookings/submit',
      headers,
      new URLSearchParams({
        activity: OPEN,
        name: '王女士',
        phone: '13900009999',
        issue: '想问加装电梯',
      }).toString(),
    )
    expect(res.status).toBe(201)
    expect(await stored()).toBe(2)
  })
})
