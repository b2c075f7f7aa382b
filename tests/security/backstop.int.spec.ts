import { handleEndpoints, type Payload, type SanitizedConfig } from 'payload'
import { stringify } from 'qs-esm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { VERIFIED_NOTE } from '../../cms/collections/Messages/hooks.ts'
import { publicMessageResults } from '../../cms/messages/public.ts'
import { queueFilters } from '../../cms/messages/queue.ts'
import { addressKey, SharedWindow } from '../../cms/messages/rate-limit.ts'
import { makeUser, openThrowawayCms, type ThrowawayCms } from '../helpers/cms.ts'

/**
 * Security issue 11, finding 4: one client, claiming a new address for every request, exhausted the
 * overall hourly limit and every real resident after it was told to wait an hour. Replayed through
 * Payload's REST handler with a small backstop; the flood must end up as 待核实, not as a lockout.
 */

const BACKSTOP = 20
const FLOOD = 280
process.env.MESSAGE_LIMIT_ALL = `${BACKSTOP}/1h`

let cms: ThrowawayCms
let payload: Payload
let config: SanitizedConfig
let editor: Awaited<ReturnType<typeof makeUser>>
let editorToken: string

let counter = 0
const nextIp = () => `10.${(++counter >> 16) & 255}.${(counter >> 8) & 255}.${counter & 255}`
const nextPhone = () => `137${String(10_000_000 + ++counter).slice(-8)}`
const nextBody = () => `第${++counter}件：小区门口的路灯坏了很久，晚上老人出门看不清路，希望尽快修好。`

type Fields = Record<string, string>
const valid = (): Fields => ({
  category: 'other',
  street: 'kuishan',
  community: '矿山社区',
  body: nextBody(),
  name: '李先生',
  phone: nextPhone(),
  consent: 'yes',
  website: '',
})

function call(path: string, init: RequestInit & { ip?: string; token?: string } = {}) {
  const headers = new Headers(init.headers)
  headers.set('x-forwarded-for', init.ip ?? nextIp())
  if (!headers.has('accept')) headers.set('accept', 'application/json')
  if (init.token) headers.set('authorization', `JWT ${init.token}`)
  return handleEndpoints({
    config,
    request: new Request(`http://127.0.0.1:3000${path}`, { ...init, headers }),
  })
}

function submit(fields: Fields, ip = nextIp()) {
  const form = new FormData()
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  return call('/api/messages/submit', { method: 'POST', body: form, ip })
}

const byCode = async (code: string) =>
  (await payload.find({ collection: 'messages', where: { code: { equals: code } }, limit: 1 })).docs[0]

/** What the admin's queue shows: the same filters, through REST, as the logged-in editor. */
async function queueCount(key: keyof ReturnType<typeof queueFilters>) {
  const query = stringify({ limit: 0, depth: 0, where: queueFilters()[key] }, { addQueryPrefix: true })
  const res = await call(`/api/messages${query}`, { token: editorToken })
  expect(res.status).toBe(200)
  return ((await res.json()) as { totalDocs: number }).totalDocs
}

beforeAll(async () => {
  cms = await openThrowawayCms()
  payload = cms.payload
  config = payload.config
  editor = await makeUser(payload, 'editor')
  const login = await call('/api/users/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: editor.email, password: editor.password }),
  })
  editorToken = ((await login.json()) as { token: string }).token
})

afterAll(async () => {
  await cms?.close()
})

let residentCode: string

describe('a flood from many addresses beyond the overall backstop', () => {
  it(
    'is taken as 待核实; the next real resident still gets 201 and a code',
    { timeout: 300_000 },
    async () => {
      const statuses: Record<number, number> = {}
      for (let i = 0; i < FLOOD; i++) {
        const res = await submit(valid())
        statuses[res.status] = (statuses[res.status] ?? 0) + 1
      }
      expect(statuses).toEqual({ 201: FLOOD })

      const resident = await submit(valid())
      expect(resident.status).toBe(201)
      const json = (await resident.json()) as { code: string }
      expect(json.code).toMatch(/^[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}$/)
      residentCode = json.code

      const stored = await byCode(residentCode)
      expect(stored.needsVerification).toBe(true)
      const normal = await payload.count({
        collection: 'messages',
        where: { needsVerification: { not_equals: true } },
      })
      expect(normal.totalDocs).toBe(BACKSTOP)
      const held = await payload.count({
        collection: 'messages',
        where: { needsVerification: { equals: true } },
      })
      expect(held.totalDocs).toBe(FLOOD - BACKSTOP + 1)

      // The resident's tracking page looks like anyone's: 已受理, nothing about 待核实.
      const track = await call(`/api/messages/track?code=${residentCode}`)
      expect(track.status).toBe(200)
      const raw = await track.text()
      expect(JSON.parse(raw).view.status).toBe('received')
      expect(raw).not.toMatch(/needsVerification|待核实/)
    },
  )

  it('keeps the 待核实 ones out of the figures on /results/', async () => {
    const results = await publicMessageResults(payload)
    expect(results.total).toBe(BACKSTOP)
    expect(results.byStreet.find((s) => s.key === 'kuishan')?.count).toBe(BACKSTOP)
  })

  it('still refuses one address over its own limit, and one phone over its own, with 429 in Chinese', async () => {
    const ip = '198.51.100.7'
    for (let i = 0; i < 5; i++) expect((await submit(valid(), ip)).status).toBe(201)
    const sixth = await submit(valid(), ip)
    expect(sixth.status).toBe(429)
    expect(((await sixth.json()) as { errors: { form: string } }).errors.form).toMatch(
      /同一网络提交的来信太多/,
    )

    const phone = '13600002222'
    for (let i = 0; i < 3; i++) expect((await submit({ ...valid(), phone })).status).toBe(201)
    const fourth = await submit({ ...valid(), phone })
    expect(fourth.status).toBe(429)
    expect(((await fourth.json()) as { errors: { form: string } }).errors.form).toMatch(
      /这个电话号码近期提交的来信太多/,
    )
  })

  it('counts the addresses of one IPv6 /64 as one client', async () => {
    expect(addressKey('2001:db8:1:2::a')).toBe('2001:db8:1:2::/64')
    expect(addressKey('2001:0DB8:0001:0002:ffff:0:0:1')).toBe('2001:db8:1:2::/64')
    expect(addressKey('::ffff:192.0.2.1')).toBe('192.0.2.1')
    expect(addressKey('192.0.2.1')).toBe('192.0.2.1')
    for (let i = 1; i <= 5; i++) expect((await submit(valid(), `2001:db8:1:2::${i}`)).status).toBe(201)
    expect((await submit(valid(), '2001:db8:1:2:dead:beef:0:1')).status).toBe(429)
    expect((await submit(valid(), '2001:db8:1:3::1')).status).toBe(201)
  })

  it('keeps each window to its limit in the database however often it is hit', async () => {
    const window = new SharedWindow('backstop-test', { max: 3, windowMs: 60_000 })
    const taken = []
    for (let i = 0; i < 200; i++) taken.push(await window.take(payload, 'all', 1_000 + i))
    expect(taken.filter((t) => t.ok)).toHaveLength(3)
    const refused = taken.at(-1)!
    if (refused.ok) throw new Error('the 200th hit was let through')
    // Free again when the first of the three leaves the window.
    expect(refused.retryAfterMs).toBe(1_000 + 60_000 - (1_000 + 199))
    const stored = await payload.count({
      collection: 'rate-slots',
      where: { limit: { equals: 'backstop-test' } },
      overrideAccess: true,
    })
    expect(stored.totalDocs).toBe(3)
  })
})

describe('staff', () => {
  it('see the 待核实 count apart from the queue; confirming one puts it in the queue, the timeline and the figures', async () => {
    const held = await queueCount('unverified')
    const fresh = await queueCount('fresh')
    expect(held).toBeGreaterThan(FLOOD - BACKSTOP)
    expect(fresh).toBe(BACKSTOP)
    const before = (await publicMessageResults(payload)).total

    const doc = await byCode(residentCode)
    const as = { overrideAccess: false, user: editor.user } as const
    const confirmed = await payload.update({
      collection: 'messages',
      id: doc.id,
      data: { needsVerification: false },
      ...as,
    })
    expect(confirmed.needsVerification).toBe(false)
    expect(confirmed.timeline?.at(-1)).toMatchObject({ status: 'received', note: VERIFIED_NOTE })
    expect(await queueCount('unverified')).toBe(held - 1)
    expect(await queueCount('fresh')).toBe(fresh + 1)
    expect((await publicMessageResults(payload)).total).toBe(before + 1)

    // Only the endpoint sets it: staff can neither flag a message back nor create one flagged.
    const again = await payload.update({
      collection: 'messages',
      id: doc.id,
      data: { needsVerification: true },
      ...as,
    })
    expect(again.needsVerification).toBe(false)
    const created = await payload.create({
      collection: 'messages',
      data: {
        category: 'other',
        street: 'kuishan',
        body: '电话里反映的情况，由编辑录入。',
        name: '张女士',
        phone: '13900001234',
        status: 'received',
        grade: 'normal',
        needsVerification: true,
      },
      ...as,
    })
    expect(created.needsVerification).toBe(false)
  })
})

describe('anonymous visitors', () => {
  it('cannot set the field through the form (400, nothing stored)', async () => {
    const before = (await payload.count({ collection: 'messages' })).totalDocs
    for (const value of ['false', '0', 'true', '']) {
      const res = await submit({ ...valid(), needsVerification: value })
      expect(res.status).toBe(400)
      const body = (await res.json()) as { errors: Record<string, string> }
      expect(Object.values(body.errors).join('')).toMatch(/[\u4e00-\u9fff]/)
      const urlencoded = await call('/api/messages/submit', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ...valid(), needsVerification: value }).toString(),
      })
      expect(urlencoded.status).toBe(400)
    }
    expect((await payload.count({ collection: 'messages' })).totalDocs).toBe(before)
  })

  it('cannot read or filter by it', async () => {
    for (const path of [
      `/api/messages?${stringify({ where: queueFilters().unverified })}`,
      `/api/messages/count?${stringify({ where: queueFilters().unverified })}`,
    ]) {
      const res = await call(path)
      expect(res.status, path).toBe(403)
    }
    await expect(
      payload.count({
        collection: 'messages',
        where: { needsVerification: { equals: true } },
        overrideAccess: false,
        user: null,
      }),
    ).rejects.toMatchObject({ status: 403 })
  })
})
