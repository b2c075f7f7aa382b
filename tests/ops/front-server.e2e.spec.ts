import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { startBuilder, type BuilderProcess } from '../../scripts/lib/builder-process.ts'
import { startCmsServer, type CmsServer } from '../../scripts/lib/cms-server.ts'
import { nginxConfig } from '../../scripts/lib/nginx-config.ts'
import { useBrowser } from '../helpers/browser-site.ts'
import { allowSelfPublishing, makeUser, openThrowawayCms, type ThrowawayCms } from '../helpers/cms.ts'
import { BuildQueue, toLexical } from '../../cms/index.ts'
import { validMessageForm } from '../helpers/message-form.ts'
import { startNginx, type TestNginx } from '../helpers/nginx.ts'
import { freePort } from '../helpers/ports.ts'
import { buildRecords } from '../helpers/rebuild.ts'

/**
 * Issue 13, items 1 and 2: the production front server. Debian's nginx runs the configuration
 * docs/deploy.md gives (scripts/lib/nginx-config.ts) on loopback, in front of the built test site (through
 * the live link the builders keep) and two real CMS server processes on one database that trust only
 * nginx; two site builders, as on two machines, share that database. Residents are played by connections
 * from different loopback addresses (127.0.0.2, 127.0.0.3), which nginx sees as different clients, as it
 * would see different homes.
 */
const LIMIT = 2

const dist = inject('siteDir')
const chromium = useBrowser()
let cms: ThrowawayCms
/** Two CMS processes on one SQLite database, both behind nginx, as a bigger district would run them. */
let servers: CmsServer[] = []
/** Two site builders on that database: one builds, one stands by. */
const builders: BuilderProcess[] = []
const builderLines: string[][] = [[], []]
const accepted: string[][] = [[], []]
let nginx: TestNginx | undefined
let front = ''

beforeAll(async () => {
  const port = await freePort()
  front = `http://127.0.0.1:${port}`
  // A copy of the seeded CMS the test site was built from, so the builders rebuild that site.
  cms = await openThrowawayCms({ copyOf: inject('siteDataDir') })
  const env = {
    DATABASE_URI: cms.databaseUri,
    DATA_DIR: cms.dataDir,
    PAYLOAD_SECRET: process.env.PAYLOAD_SECRET,
    TRUSTED_PROXIES: '127.0.0.1',
    MESSAGE_LIMIT_IP: `${LIMIT}/1h`,
    // What production sets: the public address, which the admin is served from through nginx.
    CMS_PUBLIC_URL: front,
    SITE_URL: front,
  }
  servers = await Promise.all(
    [0, 1].map(async (i) =>
      startCmsServer({
        port: await freePort(),
        env,
        timeoutMs: 180_000,
        onOutput: (line) => {
          const code = /messages: accepted (\S+)/.exec(line)?.[1]
          if (code) accepted[i].push(code)
        },
      }),
    ),
  )
  // The first builder takes the lease before the second starts, so which one builds is known.
  for (const i of [0, 1])
    builders.push(
      await startBuilder({
        env: { ...env, SITE_OUT_DIR: dist, REBUILD_DEBOUNCE_MS: '500' },
        onOutput: (line) => builderLines[i].push(line),
      }),
    )
  const include = nginxConfig({
    listen: `127.0.0.1:${port}`,
    serverName: 'localhost',
    siteRoot: path.join(cms.dataDir, 'site-live'),
    cms: servers.map((server) => new URL(server.url).host),
    publicCmsUrl: front,
  })
  nginx = await startNginx(include, { port, workerConnections: 512 })
})

afterAll(async () => {
  nginx?.stop()
  for (const builder of builders) await builder.stop()
  for (const server of servers) await server.stop()
  await cms?.close()
})

/** A request through nginx from `from` (a loopback address), with the bytes as they came. */
function request(
  url: string,
  options: { from?: string; method?: string; headers?: Record<string, string>; body?: Buffer } = {},
) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>(
    (resolve, reject) => {
      const req = http.request(
        `${front}${url}`,
        { method: options.method ?? 'GET', headers: options.headers, localAddress: options.from },
        (res) => {
          let body = ''
          res.setEncoding('utf8')
          res.on('data', (chunk: string) => (body += chunk))
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }))
        },
      )
      req.on('error', reject)
      req.end(options.body)
    },
  )
}

let counter = 0
/** A valid message form, different each time (the duplicate check refuses a repeated text). */
async function submit(from: string, headers: Record<string, string> = {}) {
  const form = validMessageForm(++counter, '137')
  const encoded = new Response(form)
  const body = Buffer.from(await encoded.arrayBuffer())
  return request('/api/messages/submit', {
    from,
    method: 'POST',
    body,
    headers: {
      'content-type': encoded.headers.get('content-type')!,
      accept: 'application/json',
      origin: front,
      ...headers,
    },
  })
}

describe('nginx in front of the site and the CMS', () => {
  it('brings the security headers to the browser, and search works under them with no CSP violation', async () => {
    const context = await chromium.browser.newContext()
    const page = await context.newPage()
    const violations: string[] = []
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text())
    })
    const response = await page.goto(`${front}/search/?q=${encodeURIComponent('加装电梯')}`)
    const headers = response!.headers()
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(headers['content-security-policy']).toContain(`connect-src 'self' ${front}`)
    expect(headers['x-content-type-options']).toBe('nosniff')
    expect(headers['x-frame-options']).toBe('DENY')
    expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
    expect(headers['content-encoding']).toBe('gzip')
    await page.locator('#search-results li').first().waitFor({ timeout: 30_000 })
    expect(violations).toEqual([])
    // The admin comes through the same address, with the CMS's own headers.
    // The admin's first page from a fresh server renders for a while on a loaded machine.
    const admin = await page.goto(`${front}/admin/login`, { timeout: 90_000 })
    expect(admin!.status()).toBe(200)
    expect(admin!.headers()['x-frame-options']).toBeDefined()
    await context.close()
  }, 180_000)

  it('长者模式 and text size: /prefs/ sets the cookie and goes back, to this site only; the stylesheets follow the cookie', async () => {
    const on = await request('/prefs/?care=on&back=/news/')
    expect(on.status).toBe(303)
    expect(on.headers.location).toBe('/news/')
    expect(String(on.headers['set-cookie'])).toMatch(/minhu_care=on; Path=\/; Max-Age=31536000; SameSite=Lax/)
    for (const back of ['//evil.example/', 'https://evil.example/', '/%0d%0aSet-Cookie:x=1']) {
      const res = await request(`/prefs/?care=on&back=${back}`)
      expect(res.headers.location, back).toMatch(/^\/(%0d%0aSet-Cookie:x=1)?$/)
      expect(String(res.headers['set-cookie'])).not.toContain('x=1')
    }
    const care = await request('/prefs/care.css', { headers: { cookie: 'minhu_care=on' } })
    expect(care.status).toBe(200)
    expect(care.body).toContain('长者模式')
    expect(care.headers['cache-control']).toBe('no-store')
    expect((await request('/prefs/care.css')).body).not.toContain('长者模式')
    const size = await request('/prefs/size.css', { headers: { cookie: 'minhu_size=xlarge' } })
    expect(size.body).toContain('特大')
    const off = await request('/prefs/?size=standard&back=/')
    expect(String(off.headers['set-cookie'])).toContain('minhu_size=; Path=/; Max-Age=0')
  })

  it('caches hashed assets for a year and makes pages revalidate', async () => {
    const css = fs.readdirSync(path.join(dist, '_astro')).find((f) => f.endsWith('.css'))!
    const asset = await request(`/_astro/${css}`)
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(asset.headers['content-security-policy']).toContain("default-src 'self'")
    const page = await request('/news/')
    expect(page.headers['cache-control']).toBe('no-cache')
    // The build's own .gz goes out as it is (gzip_static: a known length, nothing compressed per request).
    const live = fs.realpathSync(path.join(cms.dataDir, 'site-live'))
    const packed = await request('/news/', { headers: { 'accept-encoding': 'gzip' } })
    expect(packed.headers['content-encoding']).toBe('gzip')
    expect(packed.headers['content-length']).toBe(
      String(fs.statSync(path.join(live, 'news/index.html.gz')).size),
    )
    const again = await request('/news/', { headers: { 'if-none-match': String(page.headers.etag) } })
    expect(again.status).toBe(304)
    const missing = await request('/no/such/page/')
    expect(missing.status).toBe(404)
    expect(missing.body).toContain('页面不存在')
    // Only the stored media types are served, inert.
    expect((await request('/media/clip.htm')).status).toBe(404)
  })

  it('limits messages per real client address, and a forged X-Forwarded-For changes nothing', async () => {
    for (let i = 0; i < LIMIT; i++) expect((await submit('127.0.0.2')).status).toBe(201)
    const over = await submit('127.0.0.2')
    expect(over.status).toBe(429)
    expect(over.body).toMatch(/[\u4e00-\u9fff]/)
    // The same home claiming to be others: nginx overwrites the header, the CMS sees 127.0.0.2.
    for (const forged of ['203.0.113.7', '127.0.0.3', '198.51.100.1, 203.0.113.9'])
      expect((await submit('127.0.0.2', { 'x-forwarded-for': forged })).status).toBe(429)
    // Another home is not affected.
    expect((await submit('127.0.0.3')).status).toBe(201)
  })

  it('holds one limit across both CMS processes: of a burst from one home, exactly the limit gets through', async () => {
    // Counted in the database both processes share: the log lines of the previous test's submissions may
    // still be on their way when this one starts.
    const stored = async () =>
      (await cms.payload.count({ collection: 'messages', overrideAccess: true })).totalDocs
    const before = await stored()
    const statuses = await Promise.all(
      Array.from({ length: 12 }, () => submit('127.0.0.4').then((r) => r.status)),
    )
    expect(statuses.filter((s) => s === 201)).toHaveLength(LIMIT)
    expect(statuses.filter((s) => s === 429)).toHaveLength(12 - LIMIT)
    expect((await stored()) - before).toBe(LIMIT)
    // Both processes took messages during this file's submissions (nginx spreads requests round-robin).
    expect(accepted[0].length).toBeGreaterThan(0)
    expect(accepted[1].length).toBeGreaterThan(0)
  })

  it('builds a publish on either CMS process once, by the one builder holding the lease', async () => {
    // Publishes: a reviewer, with 双人审核 off (who may publish is review.int's subject).
    const editor = await makeUser(cms.payload, 'reviewer')
    await allowSelfPublishing(cms.payload)
    // Whatever the copied database still asked for is built first; count from there.
    const queue = new BuildQueue(cms.payload)
    await expect
      .poll(async () => ((s) => !s.queued && !s.running)(await queue.status()), { timeout: 180_000 })
      .toBe(true)
    const before = new Set((await buildRecords(cms.payload)).map((r) => r.buildId))
    const published: { title: string; slug: string }[] = []
    for (const [i, server] of servers.entries()) {
      const login = await fetch(`${server.url}/api/users/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: editor.email, password: editor.password }),
      })
      const { token } = (await login.json()) as { token: string }
      const title = `第${i + 1}个CMS进程发布的通知`
      const res = await fetch(`${server.url}/api/news`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
        body: JSON.stringify({
          title,
          category: 'notice',
          body: toLexical(['两个CMS进程共用一个数据库，发布后由同一个构建进程更新网站。']),
          publishedAt: new Date().toISOString(),
          _status: 'published',
        }),
      })
      expect(res.status, await res.clone().text()).toBe(201)
      const { doc } = (await res.json()) as { doc: { slug: string } }
      published.push({ title, slug: doc.slug })
      // Live through nginx once the builder has built it.
      await expect
        .poll(async () => (await request(`/news/${doc.slug}/`)).status, { timeout: 180_000, interval: 500 })
        .toBe(200)
      expect((await request(`/news/${doc.slug}/`)).body).toContain(title)
    }
    const newRecords = async () => (await buildRecords(cms.payload)).filter((r) => !before.has(r.buildId))
    // The builder switches the site over, then records the build as done: the last page can be served
    // a moment before its record says ok.
    await expect
      .poll(async () => (await newRecords()).map((r) => r.state), { timeout: 10_000 })
      .toEqual(['ok', 'ok'])
    const records = await newRecords()
    for (const { title } of published)
      expect(
        records.filter((r) => r.trigger.includes(`《${title}》`)),
        title,
      ).toHaveLength(1)
    // One builder built both; the other stood by the whole time.
    expect(new Set(records.map((r) => r.builder)).size).toBe(1)
    expect(builderLines[0].join('\n')).toMatch(/rebuild: live in/)
    expect(builderLines[1].join('\n')).toMatch(/rebuild: standing by/)
    expect(builderLines[1].join('\n')).not.toMatch(/rebuild: building/)
  }, 400_000)
})
