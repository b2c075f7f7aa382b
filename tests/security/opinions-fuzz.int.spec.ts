import { REST_GET, REST_POST } from '@payloadcms/next/routes'
import fc from 'fast-check'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { openThrowawayCms, type ThrowawayCms } from '../helpers/cms.ts'

/**
 * Property-based fuzzing (fast-check) of POST /api/opinions/submit and GET /api/opinions/receipt, the
 * 意见征集 endpoints residents reach without a login, through the same composition as the served route
 * (the REST gate around Payload's REST handler), the approach of fuzz.int.spec.ts. Every generated
 * input is hostile or malformed: forged, repeated, missing and oversized fields, files in text fields,
 * markup, control and bidi characters, unknown articles and consultations, a closed consultation,
 * wrong content types, broken multipart, random bytes. Properties: the answer is a 4xx (never a 2xx or
 * 5xx, never a thrown exception), it carries Chinese text, and nothing is stored.
 * FUZZ_SEED replays a run; FUZZ_RUNS scales it.
 */
process.env.OPINION_LIMIT_ATTEMPTS = '1000000/1h'
process.env.OPINION_LIMIT_IP = '1000000/1h'
process.env.OPINION_LIMIT_PHONE = '1000000/1d'
process.env.OPINION_LIMIT_ALL = '1000000/1h'
process.env.RECEIPT_LIMIT_IP = '1000000/10m'

const SEED = Number(process.env.FUZZ_SEED ?? 20261201)
const SCALE = Number(process.env.FUZZ_RUNS ?? 1) || 1
const HAN = /\p{Script=Han}/u
// What the form's check drops before reading a field (vocabulary/consultations/validate.ts).
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g

let cms: ThrowawayCms
let payload: Payload
type Route = (request: Request, args: { params: Promise<{ slug: string[] }> }) => Promise<Response>
let routes: Record<string, Route>
const OPEN = 'open-draft'
const CLOSED = 'closed-draft'
let ip = 0

beforeAll(async () => {
  cms = await openThrowawayCms()
  payload = cms.payload
  const { guardApi } = await import('../../cms/security/guard.ts')
  routes = {
    GET: guardApi(payload.config, REST_GET(payload.config)) as Route,
    POST: guardApi(payload.config, REST_POST(payload.config)) as Route,
  }
  const day = 86_400_000
  for (const [slug, opens, closes] of [
    [OPEN, -day, 30 * day],
    [CLOSED, -30 * day, -day],
  ] as const)
    await payload.create({
      collection: 'consultations',
      data: {
        slug,
        title: slug,
        kind: 'legislation',
        askedBy: '测试单位',
        summary: '测试',
        opensAt: new Date(Date.now() + opens).toISOString(),
        closesAt: new Date(Date.now() + closes).toISOString(),
        draftText: '第一章 总则\n第一条 第一条的内容。\n第二条 第二条的内容。\n第三条 第三条的内容。',
        _status: 'published',
      },
      overrideAccess: true,
    })
})

afterAll(async () => {
  await cms?.close()
})

const stored = async () => (await payload.count({ collection: 'opinions', overrideAccess: true })).totalDocs

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
const goodBody = fc.constantFrom(
  '建议把这一条写得更具体一些，方便执行。',
  '这一条的期限太短，建议延长到三十天。',
)

/** A form that must be refused: one defect at least, chosen so that nothing about it is acceptable. */
const hostileForm = fc.oneof(
  // A forged field beside valid ones.
  fc
    .record({
      consultation: fc.constant(OPEN),
      article: fc.constant('art-1'),
      body: goodBody,
      forged: fc.constantFrom(
        'outcome',
        'reason',
        'code',
        'publicSummary',
        'mergedInto',
        'isSample',
        'id',
        'where[id]',
        '_status',
        'textHash',
      ),
      value: text,
    })
    .map((r) => [
      ['consultation', r.consultation],
      ['article', r.article],
      ['body', r.body],
      [r.forged, r.value],
    ]),
  // A body too short, too long or with markup.
  fc
    .oneof(
      fc.string({ unit: char, maxLength: 9 }).filter((s) => [...s.trim()].length < 10),
      text.filter((t) => t.length > 2000),
      fc.constant('请看这里<img src=x onerror=alert(1)>的内容和说明'),
    )
    .map((body) => [
      ['consultation', OPEN],
      ['article', 'art-2'],
      ['body', body],
    ]),
  // An article that is not in the draft, or not a reference at all.
  fc
    .oneof(
      fc.constantFrom('art-4', 'art-99', 'art-1-1', 'ch-1', 'preamble', '../art-1', 'art-1x', 'ART-1'),
      text.filter((t) => !['', 'general'].includes(t.replace(INVISIBLE, '').trim())),
    )
    .map((article) => [
      ['consultation', OPEN],
      ['article', article],
      ['body', '这是一条对不存在的条文提出的意见。'],
    ]),
  // A consultation that does not exist, is closed, or is missing.
  fc.constantFrom(CLOSED, 'no-such-draft', '', 'Open-Draft', 'open_draft').map((consultation) => [
    ['consultation', consultation],
    ['article', 'art-1'],
    ['body', '对这项征集提出的一条意见内容。'],
  ]),
  // The honeypot filled, a bad phone, a name with digits, an unknown street.
  fc
    .constantFrom<[string, string]>(
      ['website', 'http://spam.example'],
      ['phone', '12345'],
      ['phone', '１３８'],
      ['name', '张三13800138000'],
      ['street', 'nowhere'],
      ['name', '<b>王</b>'],
    )
    .map(([k, v]) => [
      ['consultation', OPEN],
      ['article', 'art-3'],
      ['body', '这是一条字段填错的意见，用来测试检查。'],
      [k, v],
    ]),
  // Repeated fields, or far too many.
  fc.constantFrom('body', 'article', 'consultation', 'phone').map((k) => [
    ['consultation', OPEN],
    ['article', 'art-1'],
    ['body', '重复字段的意见内容，应当被拒绝。'],
    [k, k === 'body' ? '第二份意见内容，也应当被拒绝。' : OPEN],
  ]),
  fc.integer({ min: 21, max: 60 }).map((n) => Array.from({ length: n }, (_, i) => [`body`, `意见${i}`])),
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
    if (how === 'multipart-file') form.set('body', new File([bytes.slice().buffer as ArrayBuffer], 'x.txt'))
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

/** The code as a query value; a lone surrogate (which encodeURIComponent refuses) as a broken escape. */
function query(code: string): string {
  try {
    return encodeURIComponent(code)
  } catch {
    return '%ED%A0%80'
  }
}

describe('fuzzing the opinion endpoints', () => {
  it('refuses every hostile or malformed submission with a 4xx in Chinese and stores nothing', async () => {
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
          const res = await send('POST', 'opinions/submit', headers, body)
          counts[res.status] = (counts[res.status] ?? 0) + 1
          expect(res.status).toBeGreaterThanOrEqual(400)
          expect(res.status).toBeLessThan(500)
          expect(await chinese(res)).toMatch(HAN)
          expect(await stored()).toBe(before)
        },
      ),
      { seed: SEED, numRuns: Math.round(240 * SCALE) },
    )
    console.log(`opinions fuzz: seed ${SEED}, ${runs} submissions, statuses ${JSON.stringify(counts)}`)
    expect(runs).toBeGreaterThanOrEqual(200)
  })

  it('bodies past the limit are cut off by the gate with a Chinese 413', async () => {
    const headers = new Headers({
      accept: 'application/json',
      'content-type': 'application/x-www-form-urlencoded',
    })
    const body = `consultation=${OPEN}&article=art-1&body=${'%E4%B8%AD'.repeat(30_000)}`
    const res = await send('POST', 'opinions/submit', headers, body)
    expect(res.status).toBe(413)
    expect(await chinese(res)).toMatch(HAN)
  })

  it('receipt look-ups with any code answer 4xx in Chinese, never another opinion', async () => {
    await fc.assert(
      fc.asyncProperty(text, async (code) => {
        const res = await send(
          'GET',
          `opinions/receipt?code=${query(code)}`,
          new Headers({ accept: 'application/json' }),
        )
        expect([400, 404]).toContain(res.status)
        expect(await chinese(res)).toMatch(HAN)
      }),
      { seed: SEED, numRuns: Math.round(60 * SCALE) },
    )
  })

  it('a well-formed opinion still passes (the properties above are not vacuous)', async () => {
    const headers = new Headers({
      accept: 'application/json',
      'content-type': 'application/x-www-form-urlencoded',
    })
    const res = await send(
      'POST',
      'opinions/submit',
      headers,
      new URLSearchParams({
        consultation: OPEN,
        article: 'art-2',
        body: '建议第二条增加对执行情况的定期评估。',
      }).toString(),
    )
    expect(res.status).toBe(201)
    expect(await stored()).toBe(1)
  })
})
