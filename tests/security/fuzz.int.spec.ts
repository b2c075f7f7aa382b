import fs from 'node:fs'
import path from 'node:path'

import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'
import fc from 'fast-check'
import type { Payload, SanitizedConfig } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { CASE_CATEGORIES, MESSAGE_RATINGS, STREETS } from '../../vocabulary/options.ts'
import { openThrowawayCms, type ThrowawayCms } from '../helpers/cms.ts'

/**
 * Property-based fuzzing (fast-check) of every public endpoint residents reach without a login:
 * POST /api/messages/submit, GET /api/messages/track, POST /api/messages/rate, plus the other methods
 * on those paths. Requests go in process through the same composition as the served route
 * (cms/app/(payload)/api/[...slug]/route.ts: the REST gate around Payload's REST handler), so the
 * gate's body limits, query checks and CSRF rule run too. Properties, for every generated input:
 * - the answer is a 2xx or a 4xx, never a 5xx and never a thrown exception;
 * - every 4xx carries a Chinese message (JSON `errors`/`error`, or the HTML page's error text);
 * - a refusal stores nothing (no message written or changed, no photo, no file in the data folder);
 * - an accepted submit stores exactly one message (its photos and nothing else), a rating exactly one.
 * The seed is fixed and printed; replay a failure with FUZZ_SEED (and FUZZ_PATH from fast-check's
 * report), e.g. `FUZZ_SEED=… FUZZ_PATH=… npx vitest run tests/security/fuzz.int.spec.ts -t submit`.
 * FUZZ_RUNS scales the number of inputs (default 1).
 */

// The limits are read once, on the first request: raised before the CMS opens, so inputs are judged by
// their content rather than turned into 429s (the last property puts tight windows back).
process.env.MESSAGE_LIMIT_ATTEMPTS = '1000000/1h'
process.env.MESSAGE_LIMIT_IP = '1000000/1h'
process.env.MESSAGE_LIMIT_PHONE = '1000000/1d'
process.env.MESSAGE_LIMIT_ALL = '1000000/1h'
process.env.TRACK_LIMIT_IP = '1000000/10m'

const SEED = Number(process.env.FUZZ_SEED ?? 20261113)
const PATH = process.env.FUZZ_PATH || undefined
const SCALE = Number(process.env.FUZZ_RUNS ?? 1) || 1
const runs = (n: number) => Math.max(1, Math.round(n * SCALE))
/** A whole run (not a replay of one path, not scaled down): the counts below must be reached. */
const FULL = !PATH && SCALE >= 1
/** Options for fc.assert; `examples` run first on every run (the inputs that found the bugs fixed). */
const fuzzOptions = <T>(numRuns: number, examples: T[] = []) => ({
  seed: SEED,
  path: PATH,
  numRuns: runs(numRuns),
  examples,
})

const HAN = /\p{Script=Han}/u
const CODE = /^[A-HJKMNP-Z2-9]{5}-[A-HJKMNP-Z2-9]{5}$/
const SITE_ORIGIN = 'http://127.0.0.1:4321'

let cms: ThrowawayCms
let payload: Payload
let config: SanitizedConfig
type Route = (request: Request, args: { params: Promise<{ slug: string[] }> }) => Promise<Response>
let routes: Record<string, Route>
let endpoints: typeof import('../../cms/messages/endpoints.ts')
let rateLimit: typeof import('../../cms/messages/rate-limit.ts')
/** The gate's body limits of the two forms. */
let limits: { submit: number; rate: number }

/** Bytes on an ArrayBuffer (what a Request body takes). */
type Bytes = Uint8Array<ArrayBuffer>

/** Test pictures, made once (sharp's time is the expensive part of a valid submit). */
const images: Record<string, Bytes> = {}

/** Tracking codes of messages made in beforeAll, by kind. */
const pool = { open: [] as string[], closed: [] as string[], rated: [] as string[] }

let ipCounter = 0
const nextIp = () => `10.${(++ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${ipCounter & 255}`

beforeAll(async () => {
  console.log(
    `fuzz: seed ${SEED}${PATH ? `, path ${PATH}` : ''} (replay: FUZZ_SEED=${SEED} FUZZ_PATH=<path> npx vitest run tests/security/fuzz.int.spec.ts -t <test>)`,
  )
  cms = await openThrowawayCms()
  payload = cms.payload
  config = payload.config
  // Loaded after the CMS is open: cms/ modules read DATA_DIR when they are first evaluated.
  const { guardApi } = await import('../../cms/security/guard.ts')
  endpoints = await import('../../cms/messages/endpoints.ts')
  rateLimit = await import('../../cms/messages/rate-limit.ts')
  const { bodyRuleFor } = await import('../../cms/security/body-limit.ts')
  limits = {
    submit: bodyRuleFor('POST', '/messages/submit').limit,
    rate: bodyRuleFor('POST', '/messages/rate').limit,
  }
  const rest = { GET: REST_GET, POST: REST_POST, PUT: REST_PUT, PATCH: REST_PATCH, DELETE: REST_DELETE }
  routes = Object.fromEntries(
    Object.entries(rest).map(([method, make]) => [method, guardApi(config, make(config)) as Route]),
  )
  routes.OPTIONS = guardApi(config, REST_OPTIONS(config)) as Route

  const station = await payload.create({
    collection: 'stations',
    data: {
      name: '奎山街道实践站',
      slug: 'kuishan-station',
      type: 'station',
      street: 'kuishan',
      address: '某路 1 号',
      hours: '周一至周五',
    },
  })
  await payload.create({
    collection: 'deputies',
    data: {
      name: '单小明',
      slug: 'shan-xiao-ming',
      level: 'district',
      street: 'kuishan',
      station: station.id,
    },
  })

  const { default: sharp } = await import('sharp')
  const picture = () => sharp({ create: { width: 24, height: 16, channels: 3, background: '#336699' } })
  images.png = new Uint8Array(await picture().png().toBuffer())
  images.jpeg = new Uint8Array(await picture().jpeg().toBuffer())
  images.gif = new Uint8Array(await picture().gif().toBuffer())
  images.webp = new Uint8Array(await picture().webp().toBuffer())
  images.truncated = images.png.slice(0, 40)
  images.svg = new TextEncoder().encode(
    '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
  )
  images.pdf = new TextEncoder().encode('%PDF-1.4\n%fake\n')
  images.empty = new Uint8Array(0)
  images.oversize = new Uint8Array(5 * 1024 * 1024 + 1)

  // Messages for tracking and rating: open ones, closed ones to rate (one rating each), rated ones.
  const setupStarted = Date.now()
  let n = 0
  const make = async (status: 'received' | 'closed', rating?: 'satisfied') => {
    const doc = await payload.create({
      collection: 'messages',
      data: {
        category: 'other',
        street: 'kuishan',
        body: `第${++n}件：楼道里的灯坏了很久，晚上上下楼看不清，希望尽快修好。`,
        name: '王女士',
        phone: `1390000${String(1000 + n)}`,
        status,
        grade: 'normal',
        ...(rating ? { rating, ratedAt: new Date().toISOString() } : {}),
      },
      overrideAccess: true,
    })
    return doc.code!
  }
  for (let i = 0; i < 6; i++) pool.open.push(await make('received'))
  for (let i = 0; i < 60; i++) pool.closed.push(await make('closed'))
  for (let i = 0; i < 6; i++) pool.rated.push(await make('closed', 'satisfied'))
  console.log(
    `fuzz: ${n} messages to track and rate made in ${((Date.now() - setupStarted) / 1000).toFixed(1)} s`,
  )
})

afterAll(async () => {
  await cms?.close()
})

// ---------------------------------------------------------------------------------------------------
// Generators. Inputs are plain data (printed by fast-check on failure), turned into a Request by build().

const NASTY = [
  '\u0000',
  '\u0001',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202e',
  '\u2066',
  '\u2069',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\ufffd',
  '\uffff',
  '\r\n',
  '\r',
  '\n',
  '\t',
  'مرحبا',
  'שלום',
  '𠀀',
  '𪚥',
  '𝕏',
  '😀',
  '👨‍👩‍👧',
  '🇨🇳',
  'e\u0301',
  'ﬁ',
  '１３９',
  '＜',
  '<',
  '>',
  '&',
  '&amp;',
  '%',
  '%00',
  '%zz',
  '+',
  '=',
  '"',
  "'",
  '\\',
  '/',
  '--',
  '<script>',
  '</textarea>',
  '{"$gt":""}',
  '${7*7}',
  '\ud800',
  '\udfff',
  '\udc00\ud800',
]

const cjk = fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCodePoint(c))
const anyChar = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })
const asciiChar = fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 1 })
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c))
const char = fc.oneof(
  { weight: 5, arbitrary: cjk },
  { weight: 3, arbitrary: asciiChar },
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 1, arbitrary: anyChar },
  { weight: 1, arbitrary: loneSurrogate },
)
/** Any text: short, long (past the body's 2,000 characters), or one character repeated to a size. */
const text = fc.oneof(
  { weight: 10, arbitrary: fc.string({ unit: char, maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: char, minLength: 40, maxLength: 300 }) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('a', '中', '😀', ' ', '\u200b', '<'), fc.integer({ min: 1, max: 2_100 }))
      .map(([c, n]) => c.repeat(n)),
  },
)

const FORM_FIELDS = [
  'category',
  'street',
  'community',
  'to',
  'body',
  'name',
  'phone',
  'consent',
  'website',
  'from',
]
const FORGED = [
  'status',
  'code',
  'publishable',
  'rating',
  'needsVerification',
  'textHash',
  'id',
  '_status',
  'where[status][equals]',
  'name[$ne]',
  'photos[]',
  'photos[0]',
  'replies[0][text]',
  '__proto__',
  'constructor',
  'toString',
  'body\u0000',
  'Body',
  ' body',
  '',
  '_payload',
  'file',
]
const fieldName = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...FORM_FIELDS, 'photos') },
  { weight: 3, arbitrary: fc.constantFrom(...FORGED) },
  { weight: 1, arbitrary: fc.string({ unit: char, maxLength: 20 }) },
)

type Content = { kind: 'text'; s: string } | { kind: 'image'; which: string } | { kind: 'bytes'; data: Bytes }
type Value = { kind: 'text'; s: string } | { kind: 'file'; filename: string; type: string; content: Content }
type Entry = [string, Value]

const imageName = fc.constantFrom('png', 'jpeg', 'gif', 'webp', 'truncated', 'svg', 'pdf', 'empty')
const fileType = fc.constantFrom(
  'image/png',
  'image/jpeg',
  'image/svg+xml',
  'application/octet-stream',
  'text/plain',
  'text/html',
  '',
)
const filename = fc.oneof(
  fc.constantFrom(
    'IMG_0001.jpg',
    'a.png',
    '照片.webp',
    'x.svg',
    '../../etc/passwd',
    'a"b.jpg',
    '',
    'a\r\nb.png',
  ),
  fc.string({ unit: char, maxLength: 30 }),
)
const content: fc.Arbitrary<Content> = fc.oneof(
  { weight: 3, arbitrary: imageName.map((which) => ({ kind: 'image' as const, which })) },
  { weight: 2, arbitrary: text.map((s) => ({ kind: 'text' as const, s })) },
  {
    weight: 1,
    arbitrary: fc.uint8Array({ maxLength: 300 }).map((data) => ({ kind: 'bytes' as const, data })),
  },
)
const fileValue: fc.Arbitrary<Value> = fc.record({
  kind: fc.constant('file' as const),
  filename,
  type: fileType,
  content,
})
const textValue: fc.Arbitrary<Value> = text.map((s) => ({ kind: 'text' as const, s }))
const value = fc.oneof({ weight: 4, arbitrary: textValue }, { weight: 1, arbitrary: fileValue })

const photo: fc.Arbitrary<Value> = fc.record({
  kind: fc.constant('file' as const),
  filename: fc.constantFrom('IMG_0001.jpg', 'a.png', '照片.webp'),
  type: fc.constantFrom('image/jpeg', 'image/png', 'application/octet-stream'),
  content: fc
    .oneof(
      { weight: 6, arbitrary: fc.constantFrom('png', 'jpeg', 'gif', 'webp') },
      { weight: 1, arbitrary: fc.constantFrom('truncated', 'svg', 'pdf', 'empty', 'oversize') },
    )
    .map((which) => ({ kind: 'image' as const, which })),
})

const validPhone = fc.oneof(
  fc
    .tuple(fc.constantFrom('13', '15', '17', '18', '19'), fc.integer({ min: 0, max: 999_999_999 }))
    .map(([p, n]) => `${p}${String(n).padStart(9, '0')}`),
  fc.integer({ min: 0, max: 99_999_999 }).map((n) => `0516-${String(n).padStart(8, '0')}`),
  fc.integer({ min: 0, max: 99_999_999 }).map((n) => `+86 139 ${String(n).padStart(8, '0')}`),
)
/** Distinct enough that two valid bodies are not duplicates (409) of each other, but may be. */
const validBody = fc
  .tuple(fc.string({ unit: cjk, minLength: 10, maxLength: 60 }), fc.nat())
  .map(([s, n]) => `${s}，编号${n}。`)

/** A message the form would accept (or refuse only for the addressee or a photo). */
const validSubmission: fc.Arbitrary<Entry[]> = fc
  .record({
    to: fc.constantFrom('', 'deputy:shan-xiao-ming', 'station:kuishan-station', 'deputy:nobody-here'),
    category: fc.constantFrom(...CASE_CATEGORIES.map((c) => c.value)),
    street: fc.constantFrom(...STREETS.map((s) => s.value)),
    community: fc.constantFrom('', '矿山社区', '和平路社区'),
    body: validBody,
    name: fc.constantFrom('王女士', '李师傅', '张伟', 'Zhang Wei', '欧阳·娜娜'),
    phone: validPhone,
    consent: fc.constantFrom('yes', 'on', 'true'),
    website: fc.constant(''),
    photos: fc.oneof(
      { weight: 12, arbitrary: fc.constant([] as Value[]) },
      { weight: 1, arbitrary: fc.array(photo, { minLength: 1, maxLength: 4 }) },
    ),
  })
  .map(({ photos, ...fields }) => [
    ...Object.entries(fields).map(([k, s]): Entry => [k, { kind: 'text', s }]),
    ...photos.map((p): Entry => ['photos', p]),
  ])

type Mutation =
  | { op: 'drop'; field: string }
  | { op: 'repeat'; field: string }
  | { op: 'set'; field: string; value: Value }
  | { op: 'add'; name: string; value: Value }
  | { op: 'many'; n: number }
  | { op: 'reverse' }
const mutation = (fields: string[]): fc.Arbitrary<Mutation> =>
  fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({ op: fc.constant('drop' as const), field: fc.constantFrom(...fields) }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ op: fc.constant('repeat' as const), field: fc.constantFrom(...fields) }),
    },
    {
      weight: 6,
      arbitrary: fc.record({ op: fc.constant('set' as const), field: fc.constantFrom(...fields), value }),
    },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('add' as const), name: fieldName, value }) },
    {
      weight: 1,
      arbitrary: fc.record({ op: fc.constant('many' as const), n: fc.integer({ min: 35, max: 60 }) }),
    },
    { weight: 1, arbitrary: fc.constant({ op: 'reverse' as const }) },
  )
/** Mostly several mutations, sometimes none (the input stays valid). */
const mutations = (fields: string[], validWeight: number) =>
  fc.oneof(
    { weight: validWeight, arbitrary: fc.constant([] as Mutation[]) },
    { weight: 20 - validWeight, arbitrary: fc.array(mutation(fields), { minLength: 1, maxLength: 4 }) },
  )

function mutate(entries: Entry[], changes: Mutation[]): Entry[] {
  let out = [...entries]
  for (const m of changes) {
    if (m.op === 'drop') out = out.filter(([k]) => k !== m.field)
    else if (m.op === 'repeat') out = out.flatMap((e) => (e[0] === m.field ? [e, e] : [e]))
    else if (m.op === 'set') {
      const i = out.findIndex(([k]) => k === m.field)
      if (i >= 0) out[i] = [m.field, m.value]
      else out.push([m.field, m.value])
    } else if (m.op === 'add') out.push([m.name, m.value])
    else if (m.op === 'many')
      out.push(...Array.from({ length: m.n }, (): Entry => ['website', { kind: 'text', s: '' }]))
    else out.reverse()
  }
  return out
}

/** How the fields are put on the wire. */
type Encoding =
  | { kind: 'multipart' }
  | { kind: 'urlencoded' }
  | {
      kind: 'raw-multipart'
      boundary: string
      declared: 'same' | 'other' | 'quoted' | 'missing' | 'empty'
      newline: '\r\n' | '\n'
      disposition: 'normal' | 'unquoted' | 'no-name' | 'filename-star' | 'garbage'
      ending: 'close' | 'none' | 'truncated' | 'garbage'
      preamble: string
    }
  | { kind: 'json' }
  | { kind: 'broken-urlencoded'; tokens: string[] }
  | { kind: 'bytes'; data: Bytes }
  | { kind: 'stream'; size: 'near' | 'over' | 'far'; declare: boolean }
  | { kind: 'none' }

const boundaryText = fc.oneof(
  fc.string({ unit: fc.constantFrom(..."abcXYZ0189-_'()+,./:=?".split('')), minLength: 1, maxLength: 70 }),
  // Header values are bytes: non-ASCII only as Latin-1.
  fc.constantFrom('', ' ', 'a b', '"q"', 'ümlaut', '--', 'x'.repeat(200)),
)
const encoding = (weights: { stream: number }): fc.Arbitrary<Encoding> =>
  fc.oneof(
    { weight: 40, arbitrary: fc.constant({ kind: 'multipart' as const }) },
    { weight: 25, arbitrary: fc.constant({ kind: 'urlencoded' as const }) },
    {
      weight: 12,
      arbitrary: fc.record({
        kind: fc.constant('raw-multipart' as const),
        boundary: boundaryText,
        declared: fc.constantFrom('same', 'same', 'same', 'other', 'quoted', 'missing', 'empty'),
        newline: fc.constantFrom('\r\n', '\r\n', '\n'),
        disposition: fc.constantFrom('normal', 'normal', 'unquoted', 'no-name', 'filename-star', 'garbage'),
        ending: fc.constantFrom('close', 'close', 'none', 'truncated', 'garbage'),
        preamble: fc.constantFrom('', '', 'preamble\r\n', '\r\n\r\n'),
      }),
    },
    { weight: 5, arbitrary: fc.constant({ kind: 'json' as const }) },
    {
      weight: 6,
      arbitrary: fc.record({
        kind: fc.constant('broken-urlencoded' as const),
        tokens: fc.array(
          fc.oneof(
            fc.constantFrom(
              '%',
              '%z',
              '%zz',
              '%E4%B8',
              '%ED%A0%80',
              '%C0%AF',
              '%00',
              '%FF',
              '&',
              '&&',
              '=',
              '==',
              '+',
            ),
            fc.constantFrom(...FORM_FIELDS, 'photos', 'code', 'rating', '__proto__', 'a[b][c]'),
            fc.string({ unit: char, maxLength: 10 }),
          ),
          { maxLength: 30 },
        ),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.uint8Array({ maxLength: 500 }).map((data) => ({ kind: 'bytes' as const, data })),
    },
    {
      weight: weights.stream,
      arbitrary: fc.record({
        kind: fc.constant('stream' as const),
        size: fc.constantFrom('near', 'over', 'far'),
        declare: fc.boolean(),
      }),
    },
    { weight: 1, arbitrary: fc.constant({ kind: 'none' as const }) },
  )

const headerValue = fc.string({
  unit: fc.constantFrom(...' abcxyzABC019;=/,*-_."()'.split('')),
  maxLength: 40,
})
/** What the request says about itself, apart from the body. */
const headers = fc.record({
  contentType: fc.oneof(
    { weight: 12, arbitrary: fc.constant(null) }, // what the encoding implies
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        '',
        'application/json',
        'text/plain',
        'text/plain; charset=utf-8',
        'application/xml',
        'multipart/form-data',
        'multipart/form-data; boundary=',
        'multipart/form-data; boundary=nothere',
        'MULTIPART/FORM-DATA; BOUNDARY=x',
        'multipart/mixed; boundary=x',
        'application/x-www-form-urlencoded',
        'application/x-www-form-urlencoded; charset=utf-16',
        'application/x-www-form-urlencoded; charset=gbk',
        'application/octet-stream',
      ),
    },
    { weight: 1, arbitrary: headerValue },
  ),
  accept: fc.constantFrom(
    'application/json',
    'application/json',
    null,
    'text/html',
    '*/*',
    'application/json, */*;q=0.1',
    'x',
  ),
  origin: fc.constantFrom(null, null, null, SITE_ORIGIN, 'https://evil.example', 'null'),
  forwardedFor: fc.oneof(
    { weight: 12, arbitrary: fc.constant(null) }, // a fresh address
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '',
        'unknown',
        '::1',
        '2001:db8::1',
        '::ffff:10.1.2.3',
        'fe80::1%eth0',
        '1.2.3.4, 5.6.7.8',
        'not an ip',
        ' , ',
      ),
    },
  ),
  contentLength: fc.oneof(
    { weight: 15, arbitrary: fc.constant(null) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('0', '1', '-1', 'abc', '1e3', '99999999999999999999', '17825793', '16385'),
    },
  ),
  extra: fc.array(
    fc.oneof(
      {
        weight: 1,
        arbitrary: fc.constantFrom<[string, string]>(
          ['x-http-method-override', 'GET'],
          ['x-payload-http-method-override', 'GET'],
        ),
      },
      {
        weight: 24,
        arbitrary: fc.constantFrom<[string, string]>(
          ['sec-fetch-site', 'cross-site'],
          ['sec-fetch-site', 'same-site'],
          ['cookie', 'payload-token=garbage'],
          ['cookie', 'payload-token='],
          ['authorization', 'JWT garbage'],
          ['authorization', 'Bearer x.y.z'],
          ['authorization', 'users API-Key 00000000-0000-0000-0000-000000000000'],
          ['accept-language', 'en-US,en;q=0.9'],
          ['accept-language', '*'],
          ['content-encoding', 'gzip'],
          ['x-forwarded-proto', 'https'],
          ['host', 'evil.example'],
        ),
      },
    ),
    { maxLength: 2 },
  ),
})
type HeaderSpec = typeof headers extends fc.Arbitrary<infer T> ? T : never

/** The headers of the site's script (with `accept: null`, of a plain HTML form), for the examples. */
const scriptHeaders: HeaderSpec = {
  contentType: null,
  accept: 'application/json',
  origin: SITE_ORIGIN,
  forwardedFor: null,
  contentLength: null,
  extra: [],
}
const formHeaders: HeaderSpec = { ...scriptHeaders, accept: null }
/** A generated form post: the fields, what is done to them, how they are sent. */
interface FormInput {
  entries: Entry[]
  mutations: Mutation[]
  encoding: Encoding
  headers: HeaderSpec
  query: string
}
const formInput = (entries: Entry[]): FormInput => ({
  entries,
  mutations: [],
  encoding: { kind: 'multipart' },
  headers: scriptHeaders,
  query: '',
})
const rating = (code: string, value: string): Entry[] => [
  ['code', { kind: 'text', s: code }],
  ['rating', { kind: 'text', s: value }],
]
/** Another method or path spelling on the residents' paths. */
interface OtherInput {
  method: string
  path: string
  body: Bytes | undefined
  headers: HeaderSpec
}
const multipartHeaders = (params: string): HeaderSpec => ({
  ...scriptHeaders,
  contentType: `multipart/form-data${params ? `; ${params}` : ''}`,
})
const sample = (): Entry[] =>
  Object.entries({
    category: 'elevator',
    street: 'kuishan',
    body: '小区12号楼想加装电梯，老人上下楼太困难，希望代表帮忙协调。',
    name: '王女士',
    phone: '13900001111',
    consent: 'yes',
    website: '',
  }).map(([k, s]): Entry => [k, { kind: 'text', s }])

// ---------------------------------------------------------------------------------------------------
// From the generated data to a Request.

/** UTF-8 that keeps lone surrogates as their (invalid) three-byte form instead of U+FFFD. */
function looseUtf8(s: string): Bytes {
  const out: number[] = []
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    const next = s.charCodeAt(i + 1)
    if (c >= 0xd800 && c < 0xdc00 && next >= 0xdc00 && next < 0xe000) {
      out.push(...new TextEncoder().encode(s.slice(i, i + 2)))
      i++
    } else if (c >= 0xd800 && c < 0xe000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63))
    else out.push(...new TextEncoder().encode(s[i]))
  }
  return new Uint8Array(out)
}

/** Percent-encoding of the loose UTF-8 bytes (encodeURIComponent refuses lone surrogates). */
const percentEncoded = (s: string) =>
  [...looseUtf8(s)].map((b) => `%${b.toString(16).padStart(2, '0').toUpperCase()}`).join('')

const contentBytes = (c: Content): Bytes =>
  c.kind === 'text' ? new TextEncoder().encode(c.s) : c.kind === 'image' ? images[c.which] : c.data
const asText = (v: Value) => (v.kind === 'text' ? v.s : v.content.kind === 'text' ? v.content.s : v.filename)

function concat(chunks: (Bytes | string)[]): Bytes {
  const parts = chunks.map((c) => (typeof c === 'string' ? looseUtf8(c) : c))
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

function rawMultipart(entries: Entry[], e: Extract<Encoding, { kind: 'raw-multipart' }>) {
  const nl = e.newline
  const chunks: (Bytes | string)[] = [e.preamble]
  for (const [name, v] of entries) {
    const file = v.kind === 'file' ? `; filename="${v.filename}"` : ''
    const disposition = {
      normal: `form-data; name="${name}"${file}`,
      unquoted: `form-data; name=${name}${file}`,
      'no-name': `form-data${file}`,
      'filename-star': `form-data; name="${name}"; filename*=UTF-8''${percentEncoded(asText(v)).slice(0, 40)}`,
      garbage: `attachment; ${name}`,
    }[e.disposition]
    chunks.push(`--${e.boundary}${nl}Content-Disposition: ${disposition}${nl}`)
    if (v.kind === 'file' && v.type) chunks.push(`Content-Type: ${v.type}${nl}`)
    chunks.push(nl, v.kind === 'file' ? contentBytes(v.content) : v.s, nl)
  }
  chunks.push(
    {
      close: `--${e.boundary}--${nl}`,
      none: '',
      truncated: `--${e.boundary}`,
      garbage: `--${e.boundary}--x\0`,
    }[e.ending],
  )
  const declared = {
    same: e.boundary,
    other: `${e.boundary}x`,
    quoted: `"${e.boundary}"`,
    missing: undefined,
    empty: '',
  }[e.declared]
  const type = declared === undefined ? 'multipart/form-data' : `multipart/form-data; boundary=${declared}`
  return { bytes: concat(chunks), type }
}

/** A body of `bytes` sent in 64 kB chunks with no length: the gate has to count while it streams. */
function streamOf(bytes: number, first: string): ReadableStream<Uint8Array> {
  const head = new TextEncoder().encode(first)
  const chunk = new Uint8Array(64 * 1024).fill(0x61)
  let sent = 0
  return new ReadableStream({
    pull(controller) {
      if (sent === 0 && head.length) {
        sent = head.length
        return controller.enqueue(head)
      }
      if (sent >= bytes) return controller.close()
      const part = chunk.subarray(0, Math.min(chunk.length, bytes - sent))
      sent += part.length
      controller.enqueue(part)
    },
  })
}

async function encodeBody(
  entries: Entry[],
  e: Encoding,
  limit: number,
): Promise<{ body?: BodyInit; type?: string; length?: number }> {
  if (e.kind === 'multipart') {
    const form = new FormData()
    for (const [name, v] of entries) {
      if (v.kind === 'text') form.append(name, v.s)
      else form.append(name, new File([contentBytes(v.content) as BlobPart], v.filename, { type: v.type }))
    }
    const request = new Request('http://fuzz.invalid/', { method: 'POST', body: form })
    const bytes = new Uint8Array(await request.arrayBuffer())
    return { body: bytes, type: request.headers.get('content-type')!, length: bytes.length }
  }
  if (e.kind === 'urlencoded') {
    const bytes = new TextEncoder().encode(
      new URLSearchParams(entries.map(([k, v]) => [k, asText(v)])).toString(),
    )
    return { body: bytes, type: 'application/x-www-form-urlencoded', length: bytes.length }
  }
  if (e.kind === 'raw-multipart') {
    const { bytes, type } = rawMultipart(entries, e)
    return { body: bytes, type, length: bytes.length }
  }
  if (e.kind === 'json') {
    const bytes = looseUtf8(JSON.stringify(Object.fromEntries(entries.map(([k, v]) => [k, asText(v)]))))
    return { body: bytes, type: 'application/json', length: bytes.length }
  }
  if (e.kind === 'broken-urlencoded') {
    const bytes = looseUtf8(e.tokens.join(''))
    return { body: bytes, type: 'application/x-www-form-urlencoded', length: bytes.length }
  }
  if (e.kind === 'bytes') return { body: e.data, type: 'application/octet-stream', length: e.data.length }
  if (e.kind === 'stream') {
    // Just under the limit (a whole, huge field), just over it, or far over it.
    const size = { near: limit - 64, over: limit + 1, far: limit * 2 + 12_345 }[e.size]
    return {
      body: streamOf(size, entries.some(([k]) => k === 'code') ? 'code=' : 'body='),
      type: 'application/x-www-form-urlencoded',
      length: e.declare ? size : undefined,
    }
  }
  return {}
}

function requestHeaders(h: HeaderSpec, natural: { type?: string; length?: number }): Headers {
  const out = new Headers()
  const type = h.contentType ?? natural.type
  if (type !== undefined) out.set('content-type', type)
  if (h.accept) out.set('accept', h.accept)
  if (h.origin) out.set('origin', h.origin)
  out.set('x-forwarded-for', h.forwardedFor ?? nextIp())
  const length = h.contentLength ?? (natural.length === undefined ? null : String(natural.length))
  if (length !== null) out.set('content-length', length)
  for (const [k, v] of h.extra) out.set(k, v)
  return out
}

/**
 * Whether a refusal should be JSON: the site's script asks for it; and a POST that says
 * X-HTTP-Method-Override: GET is Payload's read of a document named "submit" or "rate" (403, its JSON).
 */
const refusalIsJson = (h: Headers, res: Response) =>
  (h.get('accept') ?? '').includes('application/json') ||
  ((h.get('x-http-method-override') === 'GET' || h.get('x-payload-http-method-override') === 'GET') &&
    /json/.test(res.headers.get('content-type') ?? ''))
const wantsJson = (h: Headers) => (h.get('accept') ?? '').includes('application/json')

async function send(method: string, url: string, headersInit: Headers, body?: BodyInit): Promise<Response> {
  const request = new Request(url, { method, headers: headersInit, body, duplex: 'half' } as RequestInit)
  // What Next hands the catch-all route: the decoded path segments after /api/.
  const slug = new URL(url).pathname
    .replace(/^\/api\//, '')
    .split('/')
    .map(decodeURIComponent)
  return routes[method](request, { params: Promise.resolve({ slug }) })
}

// ---------------------------------------------------------------------------------------------------
// What is stored, before and after each request.

interface Snapshot {
  messages: number
  photos: number
  files: Map<string, number>
  at: string
}

function listFiles(dir: string, prefix = ''): [string, number][] {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d): [string, number][] => {
    const rel = path.join(prefix, d.name)
    if (d.isDirectory()) return listFiles(path.join(dir, d.name), rel)
    // The database itself changes with every read (WAL); what matters is everything else.
    if (/^cms\.db/.test(d.name)) return []
    return [[rel, fs.statSync(path.join(dir, d.name)).size]]
  })
}

async function snapshot(): Promise<Snapshot> {
  const at = new Date().toISOString()
  const [messages, photos] = await Promise.all([
    payload.count({ collection: 'messages', overrideAccess: true }),
    payload.count({ collection: 'message-photos', overrideAccess: true }),
  ])
  return {
    messages: messages.totalDocs,
    photos: photos.totalDocs,
    files: new Map(listFiles(cms.dataDir)),
    at,
  }
}

/**
 * The state after the last request that passed its checks. Nothing else writes between two requests, so
 * it serves as the next request's "before" (a stray write would show up as that request's change, so
 * this can only make the check stricter); a failed check leaves it unset.
 */
let settled: Snapshot | undefined
async function stateBefore(): Promise<Snapshot> {
  const state = settled ?? (await snapshot())
  settled = undefined
  return state
}

/** Messages created or changed since the snapshot was taken. */
const changedSince = async (before: Snapshot) =>
  (
    await payload.find({
      collection: 'messages',
      where: { updatedAt: { greater_than: before.at } },
      overrideAccess: true,
      depth: 0,
      limit: 10,
      pagination: false,
    })
  ).docs

function fileChanges(before: Snapshot, after: Snapshot): string[] {
  const changed: string[] = []
  for (const [name, size] of after.files) if (before.files.get(name) !== size) changed.push(name)
  for (const name of before.files.keys()) if (!after.files.has(name)) changed.push(`-${name}`)
  return changed
}

async function expectNothingStored(before: Snapshot) {
  const after = await snapshot()
  expect(after.messages, 'message count').toBe(before.messages)
  expect(after.photos, 'message photos').toBe(before.photos)
  expect(fileChanges(before, after), 'files in the data folder').toEqual([])
  expect(
    (await changedSince(before)).map((d) => d.code),
    'messages changed',
  ).toEqual([])
  settled = after
}

// ---------------------------------------------------------------------------------------------------
// What every answer must look like.

/** The Chinese messages of an error answer; fails the property when there are none. */
async function expectChineseRefusal(res: Response, json: boolean): Promise<string[]> {
  const text = await res.text()
  let messages: string[]
  if (json) {
    expect(res.headers.get('content-type'), 'a JSON refusal').toMatch(/application\/json/)
    const body = JSON.parse(text) as {
      ok?: boolean
      error?: unknown
      errors?: Record<string, unknown> | { message?: unknown }[]
    }
    const errors = Array.isArray(body.errors)
      ? body.errors.map((e) => e.message) // Payload's own answer (another method on these paths)
      : Object.values(body.errors ?? {})
    messages = [body.error, ...errors].filter((m) => m !== undefined).map(String)
  } else {
    expect(res.headers.get('content-type'), 'an HTML refusal').toMatch(/^text\/html; charset=utf-8/)
    expect(text).toContain('<html lang="zh-CN">')
    const main = text.slice(text.indexOf('<main'), text.indexOf('</main>'))
    // The error next to a field, the summary above the form, or a page saying what happened.
    const summary = /<div class="error-summary"[^>]*>([\s\S]*?)<\/div>/.exec(main)?.[1] ?? ''
    messages = [
      ...[...summary.matchAll(/<li>(?:<a [^>]*>)?([^<]+)/g)].map((m) => m[1]),
      ...[...main.matchAll(/<p class="field-error"[^>]*>([^<]+)/g)].map((m) => m[1]),
      ...[...main.matchAll(/<h1>([^<]+)<\/h1><p>([^<]+)/g)].map((m) => `${m[1]}：${m[2]}`),
    ]
  }
  expect(messages.length, `a message in ${text.slice(0, 300)}`).toBeGreaterThan(0)
  for (const m of messages) expect(m, 'the message is Chinese').toMatch(HAN)
  return messages
}

/** A 2xx or a 4xx; anything else fails with the start of the answer. */
async function expectStatusClass(res: Response) {
  const ok = (res.status >= 200 && res.status < 300) || (res.status >= 400 && res.status < 500)
  if (!ok) expect.fail(`status ${res.status}: ${(await res.clone().text()).slice(0, 300)}`)
}

/** Status counts per property, printed as one line each. */
function tally(label: string) {
  const counts = new Map<number, number>()
  let inputs = 0
  return {
    add(status: number) {
      inputs++
      counts.set(status, (counts.get(status) ?? 0) + 1)
    },
    get inputs() {
      return inputs
    },
    count: (status: number) => counts.get(status) ?? 0,
    print(started: number) {
      const statuses = [...counts.entries()]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}×${n}`)
        .join(' ')
      console.log(
        `fuzz ${label}: ${inputs} inputs, seed ${SEED}, ${((Date.now() - started) / 1000).toFixed(1)} s: ${statuses}`,
      )
    },
  }
}

const API = 'http://127.0.0.1:3000/api/messages'

// ---------------------------------------------------------------------------------------------------

describe('fuzzing the public message endpoints (fast-check)', () => {
  it(
    'submit: any form, field set, encoding and header answers 2xx/4xx; a refusal stores nothing',
    { timeout: 600_000 },
    async () => {
      const stats = tally('POST /api/messages/submit')
      const started = Date.now()
      const input = fc.record({
        entries: validSubmission,
        mutations: mutations([...FORM_FIELDS, 'photos'], 2),
        encoding: encoding({ stream: 1 }),
        headers,
        query: fc.oneof(
          { weight: 20, arbitrary: fc.constant('') },
          {
            weight: 1,
            arbitrary: fc.constantFrom(
              '?depth=9',
              '?where[a][near]=1',
              '?limit=0',
              '?x=1',
              '?%zz',
              '?code=1',
            ),
          },
        ),
      })
      await fc.assert(
        fc.asyncProperty(input, async ({ entries, mutations: changes, encoding: e, headers: h, query }) => {
          const fields = mutate(entries, changes)
          const natural = await encodeBody(fields, e, limits.submit)
          const hs = requestHeaders(h, natural)
          const before = await stateBefore()
          const res = await send('POST', `${API}/submit${query}`, hs, natural.body)
          stats.add(res.status)
          await expectStatusClass(res)
          const json = wantsJson(hs)
          if (res.status >= 400) {
            await expectChineseRefusal(res, refusalIsJson(hs, res))
            await expectNothingStored(before)
            return
          }
          // Accepted: exactly one new message with a tracking code, its photos, and no other file.
          expect(res.status).toBe(201)
          const answer = await res.text()
          const code = json
            ? (JSON.parse(answer) as { ok: boolean; code: string }).code
            : /class="code code-large">([^<]+)</.exec(answer)?.[1]
          expect(code).toMatch(CODE)
          const after = await snapshot()
          expect(after.messages).toBe(before.messages + 1)
          const changed = await changedSince(before)
          expect(changed.map((d) => d.code)).toEqual([code])
          const stored = (changed[0].photos ?? []).length
          expect(stored).toBeLessThanOrEqual(3)
          expect(after.photos).toBe(before.photos + stored)
          const files = fileChanges(before, after)
          expect(files.length).toBe(stored)
          for (const f of files) expect(f).toMatch(/^message-photos\/[^/]+\.jpg$/)
          settled = after
        }),
        fuzzOptions<[FormInput]>(1200, [
          // The gate refused queries on the residents' endpoints in English (now in Chinese).
          [{ ...formInput(sample()), headers: formHeaders, query: '?depth=9' }],
          [{ ...formInput(sample()), encoding: { kind: 'urlencoded' }, query: '?where[a][near]=1' }],
        ]),
      )
      stats.print(started)
      if (FULL) expect(stats.inputs).toBeGreaterThanOrEqual(runs(1000))
      if (FULL) expect(stats.count(201), 'some inputs are valid messages').toBeGreaterThan(0)
    },
  )

  it(
    'track: any query string and header answers 2xx/4xx and changes nothing',
    { timeout: 600_000 },
    async () => {
      const stats = tally('GET /api/messages/track')
      const started = Date.now()
      const code = trackingCode()
      const param = fc.oneof(
        { weight: 8, arbitrary: code.map((c) => ['code', c] as [string, string]) },
        {
          weight: 3,
          arbitrary: fc.tuple(
            fc.constantFrom(
              'code',
              'code[]',
              'code[0]',
              'code[$ne]',
              'Code',
              'depth',
              'limit',
              'locale',
              'draft',
              'select[phone]',
              'where[code][equals]',
              'populate',
              'trash',
              'x',
            ),
            fc.oneof(text, code, fc.constantFrom('1', '0', '-1', '99', 'true', 'zh', 'en', '*')),
          ),
        },
      )
      const query = fc.oneof(
        {
          weight: 6,
          arbitrary: fc.array(param, { maxLength: 3 }).map((ps) => new URLSearchParams(ps).toString()),
        },
        {
          weight: 2,
          arbitrary: fc
            .array(
              fc.oneof(
                fc.constantFrom(
                  'code=',
                  '&',
                  '=',
                  '%',
                  '%zz',
                  '%E4%B8',
                  '%ED%A0%80',
                  '%00',
                  '+',
                  '[',
                  ']',
                  '#',
                ),
                fc.string({ unit: char, maxLength: 8 }),
              ),
              { maxLength: 20 },
            )
            .map((ts) => ts.join('')),
        },
        { weight: 1, arbitrary: fc.integer({ min: 40, max: 9000 }).map((n) => `code=${'A'.repeat(n)}`) },
      )
      await fc.assert(
        fc.asyncProperty(query, headers, async (q, h) => {
          const hs = requestHeaders({ ...h, contentLength: null }, {})
          const before = await stateBefore()
          const res = await send('GET', `${API}/track?${q}`, hs)
          stats.add(res.status)
          await expectStatusClass(res)
          if (res.status >= 400) await expectChineseRefusal(res, refusalIsJson(hs, res))
          else {
            expect(res.status).toBe(200)
            const answer = await res.text()
            if (wantsJson(hs))
              expect((JSON.parse(answer) as { view: { code: string } }).view.code).toMatch(CODE)
            else expect(answer).toContain('class="tracking"')
          }
          await expectNothingStored(before)
        }),
        fuzzOptions<[string, HeaderSpec]>(1000, [
          // The gate refused queries on the residents' endpoints in English (now in Chinese).
          ['code=ABCDE-FGHJK&depth=%E4%B8%80', scriptHeaders],
          ['where[code][near]=1', formHeaders],
        ]),
      )
      stats.print(started)
      if (FULL) expect(stats.inputs).toBeGreaterThanOrEqual(runs(1000))
      if (FULL) expect(stats.count(200), 'some codes are found').toBeGreaterThan(0)
    },
  )

  it(
    'rate: any form, encoding and header answers 2xx/4xx; only a valid rating of a closed message is stored',
    { timeout: 600_000 },
    async () => {
      const stats = tally('POST /api/messages/rate')
      const started = Date.now()
      const base = fc
        .record({ code: trackingCode(), rating: fc.constantFrom(...MESSAGE_RATINGS.map((r) => r.value)) })
        .map(({ code, rating }): Entry[] => [
          ['code', { kind: 'text', s: code }],
          ['rating', { kind: 'text', s: rating }],
        ])
      const input = fc.record({
        entries: base,
        mutations: mutations(['code', 'rating'], 6),
        encoding: encoding({ stream: 4 }),
        headers,
        query: fc.oneof(
          { weight: 20, arbitrary: fc.constant('') },
          {
            weight: 1,
            arbitrary: fc.constantFrom('?depth=9', '?where[a][near]=1', '?code=ABCDE-FGHJK', '?%zz'),
          },
        ),
      })
      await fc.assert(
        fc.asyncProperty(input, async ({ entries, mutations: changes, encoding: e, headers: h, query }) => {
          const fields = mutate(entries, changes)
          const natural = await encodeBody(fields, e, limits.rate)
          const hs = requestHeaders(h, natural)
          const before = await stateBefore()
          const res = await send('POST', `${API}/rate${query}`, hs, natural.body)
          stats.add(res.status)
          await expectStatusClass(res)
          if (res.status >= 400) {
            await expectChineseRefusal(res, refusalIsJson(hs, res))
            await expectNothingStored(before)
            return
          }
          // Accepted: exactly that message now has the rating; nothing else changed.
          expect(res.status).toBe(200)
          const after = await snapshot()
          expect(after.messages).toBe(before.messages)
          expect(after.photos).toBe(before.photos)
          const changed = await changedSince(before)
          expect(changed.length).toBe(1)
          expect(pool.closed).toContain(changed[0].code)
          expect(MESSAGE_RATINGS.map((r) => r.value)).toContain(changed[0].rating)
          // A rating asks for a site rebuild (the results page shows it: a request in the database); no
          // file changes.
          expect(fileChanges(before, after)).toEqual([])
          settled = after
        }),
        fuzzOptions<[FormInput]>(1000, [
          [{ ...formInput(rating('ABCDE-FGHJK', 'satisfied')), query: '?depth=9' }],
          [{ ...formInput(rating('ABCDE-FGHJK', 'satisfied')), headers: formHeaders, query: '?limit=0' }],
        ]),
      )
      stats.print(started)
      if (FULL) expect(stats.inputs).toBeGreaterThanOrEqual(runs(1000))
      if (FULL) expect(stats.count(200), 'some ratings are accepted').toBeGreaterThan(0)
    },
  )

  it(
    'other methods and path spellings on the same paths never answer 5xx and store nothing',
    { timeout: 600_000 },
    async () => {
      const stats = tally('other methods on /api/messages/{submit,track,rate}')
      const started = Date.now()
      const input = fc.record({
        method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'),
        path: fc.constantFrom(
          'submit',
          'track',
          'rate',
          'submit/',
          'track/',
          'rate/',
          'Submit',
          'submit/x',
          'track/..',
          'rate%2F',
          'submit%00',
        ),
        body: fc.oneof(
          fc.constant(undefined),
          text.map((s) => looseUtf8(s)),
          fc.uint8Array({ maxLength: 200 }),
        ),
        headers,
      })
      await fc.assert(
        fc.asyncProperty(input, async ({ method, path: p, body, headers: h }) => {
          const safe = method === 'GET' || method === 'OPTIONS'
          const hs = requestHeaders(h, body && !safe ? { length: body.length } : {})
          if (safe) hs.delete('content-length')
          const before = await stateBefore()
          const res = await send(method, `${API}/${p}`, hs, safe ? undefined : (body as BodyInit | undefined))
          stats.add(res.status)
          await expectStatusClass(res)
          const answer = await res.text()
          if (res.status < 300) expect(answer).not.toMatch(/"phone"|"name"/)
          await expectNothingStored(before)
        }),
        fuzzOptions<[OtherInput]>(300, [
          // Payload's own routes answered a multipart body they could not parse with 500 (now 400).
          [
            {
              method: 'POST',
              path: 'track/..',
              body: new Uint8Array(),
              headers: multipartHeaders('boundary=nothere'),
            },
          ],
          [{ method: 'PATCH', path: 'submit', body: looseUtf8('x'), headers: multipartHeaders('') }],
          [
            {
              method: 'POST',
              path: 'track/..',
              body: looseUtf8('--x\r\nbroken\r\n\r\nx\r\n--x--'),
              headers: multipartHeaders('boundary=x'),
            },
          ],
          [
            {
              method: 'PUT',
              path: 'rate',
              body: looseUtf8('x'),
              headers: { ...multipartHeaders('boundary=x'), contentType: 'multipart/mixed; boundary=x' },
            },
          ],
        ]),
      )
      stats.print(started)
    },
  )

  it(
    'over the rate limits: every answer is a 4xx in Chinese (429s) and nothing is stored',
    { timeout: 600_000 },
    async () => {
      const stats = tally('over the limits (submit, track, rate)')
      const started = Date.now()
      const l = endpoints.messageLimits()
      const saved = { ...l }
      const tight = (name: string) =>
        new rateLimit.SharedWindow(`fuzz-${name}`, { max: 1, windowMs: 3_600_000 })
      const EXHAUSTED = '192.0.2.1'
      const PHONE = '13912345678'
      Object.assign(l, {
        attempts: tight('attempts'),
        track: tight('track'),
        ip: tight('ip'),
        phone: tight('phone'),
      })
      await l.attempts.take(payload, EXHAUSTED)
      await l.track.take(payload, EXHAUSTED)
      await l.phone.take(payload, PHONE)
      try {
        const input = fc.record({
          endpoint: fc.constantFrom('submit', 'track', 'rate'),
          // Out of attempts; out of accepted messages for the address; out of messages for the phone.
          window: fc.constantFrom('attempts', 'ip', 'phone'),
          entries: validSubmission,
          mutations: mutations([...FORM_FIELDS, 'photos'], 14),
          code: trackingCode(),
          encoding: fc.oneof(
            { weight: 6, arbitrary: fc.constant({ kind: 'multipart' as const }) },
            { weight: 3, arbitrary: fc.constant({ kind: 'urlencoded' as const }) },
            { weight: 1, arbitrary: encoding({ stream: 0 }) },
          ),
          accept: fc.constantFrom('application/json', 'text/html'),
        })
        await fc.assert(
          fc.asyncProperty(
            input,
            async ({ endpoint, window, entries, mutations: changes, code, encoding: e, accept }) => {
              const ip = window === 'attempts' || endpoint !== 'submit' ? EXHAUSTED : nextIp()
              if (window === 'ip') await l.ip.take(payload, rateLimit.addressKey(ip))
              const hs = new Headers({ accept, 'x-forwarded-for': ip })
              const before = await stateBefore()
              let res: Response
              if (endpoint === 'track')
                res = await send('GET', `${API}/track?${new URLSearchParams({ code })}`, hs)
              else {
                let fields = mutate(entries, changes)
                if (window === 'phone')
                  fields = fields.map(([k, v]): Entry =>
                    k === 'phone' ? [k, { kind: 'text', s: PHONE }] : [k, v],
                  )
                if (endpoint === 'rate')
                  fields = [
                    ['code', { kind: 'text', s: code }],
                    ['rating', { kind: 'text', s: 'satisfied' }],
                  ]
                const natural = await encodeBody(fields, e, endpoint === 'rate' ? limits.rate : limits.submit)
                if (natural.type) hs.set('content-type', natural.type)
                res = await send('POST', `${API}/${endpoint}`, hs, natural.body)
              }
              stats.add(res.status)
              expect(res.status, 'no request passes an exhausted limit').toBeGreaterThanOrEqual(400)
              expect(res.status).toBeLessThan(500)
              const messages = await expectChineseRefusal(res, accept === 'application/json')
              if (res.status === 429) expect(messages.join(' ')).toMatch(/太频繁|太多/)
              await expectNothingStored(before)
            },
          ),
          fuzzOptions(300),
        )
      } finally {
        Object.assign(l, saved)
      }
      stats.print(started)
      if (FULL) expect(stats.count(429), 'most answers are 429').toBeGreaterThan(stats.inputs / 2)
    },
  )
})

/** A tracking code as a resident might type it: one of the test messages', unknown, or not a code. */
function trackingCode(): fc.Arbitrary<string> {
  const known = fc
    .tuple(fc.constantFrom<keyof typeof pool>('open', 'closed', 'closed', 'closed', 'rated'), fc.nat())
    .map(([kind, i]) => pool[kind][i % pool[kind].length])
  const spelled = fc
    .tuple(known, fc.constantFrom('as is', 'lower', 'spaced', 'no dash', 'full-width dash', 'padded', 'long'))
    .map(
      ([c, how]) =>
        ({
          'as is': c,
          lower: c.toLowerCase(),
          spaced: c.replace('-', ' '),
          'no dash': c.replace('-', ''),
          'full-width dash': c.replace('-', '－'),
          padded: `  ${c}\t`,
          long: `${c}${' '.repeat(40)}`,
        })[how],
    )
  const unknown = fc
    .string({
      unit: fc.constantFrom(...'ABCDEFGHJKMNPQRSTUVWXYZ23456789'.split('')),
      minLength: 10,
      maxLength: 10,
    })
    .map((s) => `${s.slice(0, 5)}-${s.slice(5)}`)
  return fc.oneof(
    { weight: 6, arbitrary: spelled },
    { weight: 2, arbitrary: unknown },
    { weight: 2, arbitrary: text },
    {
      weight: 1,
      arbitrary: fc.constantFrom('', 'ABCDE-FGHJ0', 'ABCDE-FGHJKL', "' OR 1=1 --", '{"$ne":null}'),
    },
  )
}
