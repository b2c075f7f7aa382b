import fs from 'node:fs'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seed } from '../../cms/seed/index.ts'
import { startCmsServer, type CmsServer } from '../../scripts/lib/cms-server.ts'
import { makeUser, openThrowawayCms, type ThrowawayCms } from '../helpers/cms.ts'
import { freePort } from '../helpers/ports.ts'

/**
 * Issue 11's attacks on the CMS API, replayed against the real server (scripts/cms-server.ts around the
 * built admin) on a seeded throwaway database: the GraphQL relationship cycle and its REST twin, oversized
 * bodies (chunked and not) with the server's memory watched, malformed queries that used to answer 500,
 * spoofed client addresses, cross-origin writes with an admin's cookie, and the security headers.
 */

let cms: ThrowawayCms
let server: CmsServer
let proxied: CmsServer
const log: string[] = []
let admin: { email: string; password: string }
let editor: { email: string; password: string }
const MB = 1024 * 1024

const env = () => ({
  DATABASE_URI: cms.databaseUri,
  DATA_DIR: cms.dataDir,
  PAYLOAD_SECRET: process.env.PAYLOAD_SECRET,
  MESSAGE_LIMIT_IP: '3/1h',
  MESSAGE_LIMIT_ATTEMPTS: '1000/1h',
  MESSAGE_LIMIT_PHONE: '1000/1d',
})

beforeAll(async () => {
  cms = await openThrowawayCms()
  await seed(cms.payload)
  admin = await makeUser(cms.payload, 'admin')
  editor = await makeUser(cms.payload, 'editor')
  const [port, proxiedPort] = [await freePort(), await freePort()]
  server = await startCmsServer({ port, env: env(), onOutput: (line) => log.push(line) })
  // The same CMS as production runs it behind nginx on the same machine.
  proxied = await startCmsServer({ port: proxiedPort, env: { ...env(), TRUSTED_PROXIES: '127.0.0.1' } })
})

afterAll(async () => {
  await Promise.all([server?.stop(), proxied?.stop()])
  await cms?.close()
})

/** Resident set size of the CMS process, in MB. */
function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024
}
/** Highest RSS seen while `work` runs (sampled every 20 ms), minus the RSS before it. */
async function memoryGrowth<T>(
  pid: number,
  work: () => Promise<T>,
): Promise<{ result: T; growthMb: number }> {
  const before = rssOf(pid)
  let peak = before
  const timer = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 20)
  try {
    const result = await work()
    peak = Math.max(peak, rssOf(pid))
    return { result, growthMb: peak - before }
  } finally {
    clearInterval(timer)
  }
}

/** A body of `bytes` zeros sent as a chunked stream (no Content-Length), 64 kB at a time. */
function chunkedBody(bytes: number, first = ''): ReadableStream<Uint8Array> {
  let sent = 0
  const chunk = new Uint8Array(64 * 1024).fill(0x61)
  return new ReadableStream({
    pull(controller) {
      if (sent === 0 && first) {
        sent += first.length
        return controller.enqueue(new TextEncoder().encode(first))
      }
      if (sent >= bytes) return controller.close()
      sent += chunk.length
      controller.enqueue(chunk)
    },
  })
}

/** Sends a request whose upload may be cut short by the server's answer; resolves with status and text. */
async function send(url: string, init: RequestInit): Promise<{ status: number; text: string }> {
  const res = await fetch(url, { ...init, duplex: 'half' } as RequestInit)
  return { status: res.status, text: await res.text() }
}

async function login(who: { email: string; password: string }, base = server.url): Promise<string> {
  const res = await fetch(`${base}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(who),
  })
  expect(res.status).toBe(200)
  return res.headers.get('set-cookie')!.split(';')[0]
}

/** What a browser sends with the login cookie on the admin's own pages. */
const asBrowser = (cookie: string) => ({ cookie, 'sec-fetch-site': 'same-origin' })

describe('finding 1: one anonymous query can no longer take the CMS down', () => {
  const cycle = (levels: number) =>
    `{ Deputies(limit: 100) { docs { name ${'station { name deputies { docs { name '.repeat(levels)}${'} } }'.repeat(levels)} } } }`

  it('the 8-level GraphQL relationship cycle is refused at once (GraphQL is off)', async () => {
    const query = cycle(8)
    expect(query.length).toBeGreaterThan(300)
    const { result, growthMb } = await memoryGrowth(server.process.pid!, () =>
      send(`${server.url}/api/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      }),
    )
    expect(result.status).toBe(404)
    expect(result.text).not.toContain('"data"')
    expect(growthMb).toBeLessThan(100)
    for (const path of ['/api/graphql', '/api/graphql-playground'])
      expect((await fetch(`${server.url}${path}`)).status, path).toBe(404)
  })

  it('REST cannot follow the cycle deeper than 2 levels anonymously, and 2 levels of 100 stay small', async () => {
    for (const query of [
      'depth=10&limit=100',
      'depth=3',
      'depth=2&limit=101',
      'limit=0',
      'pagination=false',
      'depth=2&joins[deputies][limit]=1000',
    ]) {
      const res = await fetch(`${server.url}/api/stations?${query}`)
      expect(res.status, query).toBe(400)
      expect(((await res.json()) as { errors: { message: string }[] }).errors[0].message).toMatch(
        /^Query refused/,
      )
    }
    const { result, growthMb } = await memoryGrowth(server.process.pid!, async () => {
      const answers = await Promise.all(
        ['deputies', 'stations', 'deputies'].map((c) => fetch(`${server.url}/api/${c}?depth=2&limit=100`)),
      )
      return Promise.all(answers.map(async (r) => ({ status: r.status, bytes: (await r.text()).length })))
    })
    for (const r of result) expect(r.status).toBe(200)
    console.log(`security: 3 × depth=2&limit=100 in parallel: +${growthMb.toFixed(0)} MB`)
    expect(growthMb).toBeLessThan(250)
  })

  it('staff get a larger budget (depth 5), but not an unbounded one', async () => {
    const headers = asBrowser(await login(editor))
    expect((await fetch(`${server.url}/api/deputies?depth=5&limit=10`, { headers })).status).toBe(200)
    expect((await fetch(`${server.url}/api/deputies?depth=6`, { headers })).status).toBe(400)
  })
})

describe('finding 3: bodies stop at their limit while streaming', () => {
  it('a chunked 300 MB message form gets 413 in Chinese and the CMS does not grow', async () => {
    const { result, growthMb } = await memoryGrowth(server.process.pid!, () =>
      send(`${server.url}/api/messages/submit`, {
        method: 'POST',
        headers: { 'content-type': 'multipart/form-data; boundary=x', accept: 'application/json' },
        body: chunkedBody(300 * MB),
      }),
    )
    expect(result.status).toBe(413)
    expect(result.text).toContain('提交的内容太大')
    console.log(`security: chunked 300 MB submit: +${growthMb.toFixed(0)} MB`)
    expect(growthMb).toBeLessThan(100)
  })

  it('three at once, to submit, rate and login, are all refused without holding memory', async () => {
    const { result, growthMb } = await memoryGrowth(server.process.pid!, () =>
      Promise.all([
        send(`${server.url}/api/messages/submit`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: chunkedBody(200 * MB, 'body='),
        }),
        send(`${server.url}/api/messages/rate`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
          body: chunkedBody(200 * MB, 'code='),
        }),
        send(`${server.url}/api/users/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: chunkedBody(200 * MB, '{"email":"'),
        }),
      ]),
    )
    const [submit, rate, loginAnswer] = result
    expect(submit.status).toBe(413)
    expect(submit.text).toContain('提交的内容太大') // the no-JavaScript page, in the site's style
    expect(submit.text).toContain('<html lang="zh-CN">')
    expect(rate.status).toBe(413)
    expect(rate.text).toContain('提交的内容太大')
    expect(loginAnswer.status).toBe(413)
    expect(loginAnswer.text).toMatch(/Request body larger than 2 MB/)
    console.log(`security: 3 × chunked 200 MB at once: +${growthMb.toFixed(0)} MB`)
    expect(growthMb).toBeLessThan(150)
    // The server still answers normally afterwards.
    expect((await fetch(`${server.url}/api/news?limit=1`)).status).toBe(200)
  })

  it('a declared oversized body is refused before it is read; a 250 MB JSON login too', async () => {
    const big = new Uint8Array(250 * MB)
    const { result, growthMb } = await memoryGrowth(server.process.pid!, () =>
      send(`${server.url}/api/users/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: big,
      }),
    )
    expect(result.status).toBe(413)
    expect(growthMb).toBeLessThan(100)
  })

  it('the admin’s pages and server functions do not buffer a chunked flood either', async () => {
    const { result, growthMb } = await memoryGrowth(server.process.pid!, () =>
      Promise.all([
        send(`${server.url}/admin/login`, {
          method: 'POST',
          headers: { 'content-type': 'text/plain;charset=UTF-8', 'next-action': 'f'.repeat(42) },
          body: chunkedBody(200 * MB),
        }),
        send(`${server.url}/admin`, { method: 'POST', body: chunkedBody(200 * MB) }),
      ]),
    )
    for (const r of result) expect(r.status).toBeGreaterThanOrEqual(200)
    console.log(`security: 2 × chunked 200 MB to /admin: +${growthMb.toFixed(0)} MB`)
    expect(growthMb).toBeLessThan(150)
  })

  it('anonymous uploads are refused before the file is read', async () => {
    const form = new FormData()
    form.set('file', new Blob([new Uint8Array(50 * MB)], { type: 'image/png' }), 'big.png')
    form.set('_payload', JSON.stringify({ alt: 'x' }))
    const res = await fetch(`${server.url}/api/media`, { method: 'POST', body: form })
    expect(res.status).toBe(403)
  })

  it('a normal chunked message still arrives', async () => {
    const fields = new URLSearchParams({
      category: 'environment',
      street: 'kuishan',
      body: '小区门口的路灯坏了一个多月，晚上老人出门看不清路，希望尽快修好。',
      name: '测试居民',
      phone: '13900000123',
      consent: 'yes',
      website: '',
    }).toString()
    const res = await send(`${server.url}/api/messages/submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new ReadableStream({
        start(c) {
          c.enqueue(new TextEncoder().encode(fields))
          c.close()
        },
      }),
    })
    expect(res.status, res.text).toBe(201)
  })
})

describe('finding 4: the client address cannot be chosen by the client', () => {
  const submit = (base: string, forwardedFor: string, n: number) => {
    const form = new URLSearchParams({
      category: 'other',
      street: 'heping',
      body: `第${n}封：公交站台的遮雨棚破了，下雨天等车的老人都淋湿了，请帮忙反映修好。编号${n}${forwardedFor}`,
      name: '测试',
      phone: `1390000${String(1000 + n)}`,
      consent: 'yes',
      website: '',
    })
    return fetch(`${base}/api/messages/submit`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        accept: 'application/json',
        'x-forwarded-for': forwardedFor,
      },
      body: form,
    })
  }

  it('without TRUSTED_PROXIES, fake X-Forwarded-For addresses all count as the socket address', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 6; i++) statuses.push((await submit(server.url, `203.0.113.${i + 1}`, i)).status)
    // The file's earlier tests sent one accepted message from 127.0.0.1; MESSAGE_LIMIT_IP is 3/1h.
    expect(statuses.filter((s) => s === 201).length).toBeLessThanOrEqual(3)
    expect(statuses.at(-1)).toBe(429)
  })

  it('behind a trusted proxy, the right-most untrusted entry counts and left entries are ignored', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 4; i++)
      statuses.push((await submit(proxied.url, `10.9.9.${i}, 198.51.100.7`, 100 + i)).status)
    expect(statuses).toEqual([201, 201, 201, 429])
    // Another real client behind the same proxy is not affected.
    expect((await submit(proxied.url, '198.51.100.8', 200)).status).toBe(201)
  })
})

describe('finding 2c: writes with an admin cookie from another origin are refused (CSRF)', () => {
  const newUser = (cookie: string, headers: Record<string, string>) =>
    fetch(`${server.url}/api/users`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', ...headers },
      body: JSON.stringify({
        email: `csrf-${Math.random()}@example.org`,
        password: 'x1234567890',
        role: 'admin',
      }),
    })

  it('from the public site’s origin (same site, other port) and from anywhere else: 403, nothing created', async () => {
    const cookie = await login(admin)
    const before = (await cms.payload.count({ collection: 'users', overrideAccess: true })).totalDocs
    const site = `http://127.0.0.1:${Number(new URL(server.url).port) + 1}`
    const attempts: Record<string, string>[] = [
      { origin: site },
      { origin: 'https://evil.example' },
      { 'sec-fetch-site': 'same-site' },
      { 'sec-fetch-site': 'cross-site' },
    ]
    for (const headers of attempts) {
      const res = await newUser(cookie, headers)
      expect(res.status, JSON.stringify(headers)).toBe(403)
    }
    expect((await cms.payload.count({ collection: 'users', overrideAccess: true })).totalDocs).toBe(before)
    // The admin itself still can.
    expect((await newUser(cookie, { origin: server.url })).status).toBe(201)
  })
})

describe('finding 7: malformed requests answer 400, not 500, and refusals log one line', () => {
  const words = 'a '.repeat(3000).trim()
  it.each([
    ['/api/news?where[title][near]=1'],
    ['/api/news?where[title][within]=1'],
    ['/api/news?where[title][all]=1'],
    ['/api/news?where[title][equals][$ne]=1'],
    ['/api/news?where[title][intersects]=1'],
    ['/api/news?limit=999999999999999999999'],
    ['/api/news?page=-1'],
    [`/api/news?where[title][like]=${encodeURIComponent(words)}`, 'a 3,000-word like'],
    ['/api/news?where[or][0][title][equals]=a&where[or][1][bad%20field][equals]=b'],
    ['/api/media/file/..%c0%afcms.db'],
    ['/api/media/file/..%2fcms.db'],
  ])('%s', async (path, _label?: string) => {
    const res = await fetch(`${server.url}${path}`)
    expect(res.status).toBe(400)
    expect(((await res.json()) as { errors: unknown[] }).errors.length).toBe(1)
  })

  it('the same queries sent in a POST body with X-HTTP-Method-Override: GET are refused too', async () => {
    const override = (type: string, body: string) =>
      fetch(`${server.url}/api/news`, {
        method: 'POST',
        headers: { 'content-type': type, 'x-http-method-override': 'GET' },
        body,
      })
    for (const [type, body] of [
      ['application/x-www-form-urlencoded', 'where[title][near]=1'],
      ['application/x-www-form-urlencoded', 'depth=10&limit=100'],
      ['application/json', JSON.stringify({ where: { title: { equals: { $ne: 1 } } } })],
      ['application/json', 'null'],
      ['application/json', '{not json'],
    ]) {
      const res = await override(type, body)
      expect(res.status, body).toBe(400)
    }
    expect((await override('application/x-www-form-urlencoded', 'limit=1&depth=0')).status).toBe(200)
  })

  it('a refused anonymous read writes at most one line, at info', async () => {
    const from = log.length
    expect((await fetch(`${server.url}/api/users`)).status).toBe(403)
    expect((await fetch(`${server.url}/api/messages`)).status).toBe(403)
    await new Promise((r) => setTimeout(r, 300))
    const lines = log.slice(from)
    expect(lines.length).toBeLessThanOrEqual(2)
    expect(lines.join('\n')).not.toMatch(/ERROR|\bat \w/)
  })

  it('a multipart body Payload’s own routes cannot parse is 400, not 500 (found by the fuzzer)', async () => {
    for (const [type, body] of [
      ['multipart/form-data; boundary=nothere', ''],
      ['multipart/form-data', 'x'],
      ['multipart/mixed; boundary=x', 'x'],
      ['multipart/form-data; boundary=x', '--x\r\nbroken\r\n\r\nx\r\n--x--'],
    ]) {
      const res = await fetch(`${server.url}/api/news`, {
        method: 'POST',
        headers: { 'content-type': type },
        body,
      })
      expect(res.status, type).toBe(400)
      expect(((await res.json()) as { errors: { message: string }[] }).errors[0].message).toMatch(
        /^Malformed/,
      )
    }
  })

  it('on the residents’ endpoints a refused query is answered in Chinese', async () => {
    const res = await fetch(`${server.url}/api/messages/track?code=ABCDE-FGHJK&depth=9`, {
      headers: { accept: 'application/json' },
    })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { error: string }).error).toBe('查询的链接有误，请在查询页重新输入跟踪码。')
    const page = await fetch(`${server.url}/api/messages/submit?where[a][near]=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'x=1',
    })
    expect(page.status).toBe(400)
    expect(await page.text()).toContain(
      '<p class="field-error">提交的链接有误，请从网站上的表单提交来信。</p>',
    )
  })

  it('/api/access needs a login; versions of what keeps none are 404, not 500', async () => {
    expect((await fetch(`${server.url}/api/access`)).status).toBe(403)
    const headers = asBrowser(await login(editor))
    expect((await fetch(`${server.url}/api/access`, { headers })).status).toBe(200)
    for (const path of ['/api/messages/versions', '/api/globals/site/versions'])
      expect((await fetch(`${server.url}${path}`, { headers })).status, path).toBe(404)
    expect((await fetch(`${server.url}/api/news/versions?limit=1`, { headers })).status).toBe(200)
    expect((await fetch(`${server.url}/api/og?title=x`)).status).toBe(404)
  })
})

describe('finding 6: the CMS sends security headers', () => {
  it('the admin may be framed only by itself, never sniffed', async () => {
    const res = await fetch(`${server.url}/admin/login`)
    expect(res.status).toBe(200)
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'self'")
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
  })

  it('API answers run no scripts; uploaded files are sandboxed', async () => {
    const api = await fetch(`${server.url}/api/messages/track?code=x`)
    expect(api.headers.get('content-security-policy')).toMatch(/default-src 'none'/)
    expect(api.headers.get('content-security-policy')).not.toMatch(/script-src/)
    const { docs } = await cms.payload.find({ collection: 'media', limit: 1 })
    const file = await fetch(`${server.url}/api/media/file/${docs[0].filename}`)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox")
    expect(file.headers.get('x-content-type-options')).toBe('nosniff')
  })
})
