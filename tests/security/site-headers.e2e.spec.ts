import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { ROOT, scratchDir } from '../../cms/paths.ts'
import { cmsUrl } from '../../site/lib/config.ts'
import { serveSite, type SiteServer } from '../../scripts/lib/site-server.ts'
import { useBrowser } from '../helpers/browser-site.ts'
import { freePort } from '../helpers/ports.ts'

/**
 * Issue 11, findings 2b and 6: the site server's headers. Pages may run the site's own scripts only,
 * cannot be framed, and uploaded files never run as pages, while every feature of the site still works
 * in Chromium with zero CSP violations. The built test site, plus a folder holding an attack file.
 */

const dist = inject('siteDir')
/** The CMS the test site was built to post to (the build's PUBLIC_CMS_URL default). */
const cms = new URL(cmsUrl()).origin
/** A WebM header with a page appended, whose script reports to the server when it runs. */
const polyglot = Buffer.concat([
  fs.readFileSync(path.join(ROOT, 'content', 'media', 'lecture-sample.webm')),
  Buffer.from('<!doctype html><html><body><script>fetch("/pwned")</script></body></html>'),
])

let site: SiteServer
let attack: SiteServer
let attackDir: string
let framer: http.Server
let framerUrl: string
const chromium = useBrowser()
const attackRequests: string[] = []

beforeAll(async () => {
  site = await serveSite({ root: () => dist, port: await freePort() })
  // Files as an editor could have stored them before the upload check (clip.htm) and after (clip.webm).
  attackDir = scratchDir('minhu-attack-site-')
  fs.mkdirSync(path.join(attackDir, 'media'))
  fs.writeFileSync(path.join(attackDir, 'media', 'clip.webm'), polyglot)
  fs.writeFileSync(path.join(attackDir, 'media', 'clip.htm'), polyglot)
  fs.writeFileSync(path.join(attackDir, 'pwned'), 'ran')
  attack = await serveSite({ root: () => attackDir, port: await freePort() })
  // Another origin (localhost, not 127.0.0.1) that puts the site in a frame.
  const framerPort = await freePort()
  framer = http.createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8')
    res.end(
      `<!doctype html><title>framer</title><iframe id="site" src="${site.url}/" width="800" height="600"></iframe>`,
    )
  })
  await new Promise<void>((resolve) => framer.listen(framerPort, '127.0.0.1', resolve))
  framerUrl = `http://localhost:${framerPort}/`
})

afterAll(async () => {
  await site?.close()
  await attack?.close()
  await new Promise((resolve) => framer?.close(resolve))
  if (attackDir) fs.rmSync(attackDir, { recursive: true, force: true })
})

/** A page that records every CSP violation (event and console line) from the first byte on. */
async function watchedPage(options: { javaScriptEnabled?: boolean } = {}) {
  const context = await chromium.browser.newContext({ viewport: { width: 1280, height: 900 }, ...options })
  const page = await context.newPage()
  const violations: string[] = []
  await page.exposeFunction('__cspViolation', (line: string) => violations.push(line))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      void (window as unknown as { __cspViolation: (s: string) => void }).__cspViolation(
        `${e.violatedDirective} ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`,
      )
    })
  })
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text())
  })
  page.on('request', (request) => {
    if (request.url().includes('/pwned')) attackRequests.push(request.url())
  })
  return { page, violations, close: () => context.close() }
}

const firstFile = (dir: string, pattern: RegExp) => {
  const name = fs.readdirSync(path.join(dist, dir)).find((f) => pattern.test(f))
  if (!name) throw new Error(`no ${pattern} in ${dir}`)
  return `/${dir}/${name}`
}

describe('headers', () => {
  it.each([
    ['a page', '/'],
    ['a stylesheet', firstFile('_astro', /\.css$/)],
    ['a script', firstFile('_astro', /\.js$/)],
    ['the 404 page', '/no-such-page/'],
  ])('%s carries the security headers', async (_, url) => {
    const res = await fetch(`${site.url}${url}`)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    const csp = res.headers.get('content-security-policy') ?? ''
    for (const directive of [
      "default-src 'self'",
      "script-src 'self' 'wasm-unsafe-eval'",
      "frame-ancestors 'none'",
      "object-src 'none'",
      "base-uri 'self'",
      `connect-src 'self' ${cms}`,
      `form-action 'self' ${cms}`,
    ])
      expect(csp).toContain(directive)
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/)
  })

  it.each([
    ['an image', firstFile('media', /\.webp$/), 'image/webp'],
    ['a video', '/media/lecture-sample.webm', 'video/webm'],
  ])('%s from /media/ gets its type, nosniff and a sandbox policy', async (_, url, type) => {
    const res = await fetch(`${site.url}${url}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe(type)
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("default-src 'none'")
    expect(csp).toMatch(/(^|; )sandbox(;|$)/)
  })

  it('the attack file is served as a video with the sandbox policy; its .htm twin is not served', async () => {
    const webm = await fetch(`${attack.url}/media/clip.webm`)
    expect(webm.headers.get('content-type')).toBe('video/webm')
    expect(webm.headers.get('x-content-type-options')).toBe('nosniff')
    expect(webm.headers.get('content-security-policy')).toMatch(/sandbox/)
    for (const url of ['/media/clip.htm', '/media/clip', '/media/CLIP.HTM', '/media/clip%2ehtm'])
      expect((await fetch(`${attack.url}${url}`)).status, url).toBe(404)
  })

  it('every built page has no inline script and no inline event handler', () => {
    const problems: string[] = []
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name)
        if (entry.isDirectory()) walk(file)
        else if (entry.name.endsWith('.html')) {
          const html = fs.readFileSync(file, 'utf8')
          const rel = path.relative(dist, file)
          // JSON data blocks are not executed; anything else inline would be blocked by the policy.
          for (const [, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g))
            if (!/\bsrc=/.test(attrs) && !/type="application\/(ld\+)?json"/.test(attrs) && body.trim())
              problems.push(`${rel}: inline <script${attrs}>`)
          for (const [handler] of html.matchAll(/<[^>]+\son[a-z]+=/g)) problems.push(`${rel}: ${handler}`)
          if (/href="javascript:/i.test(html)) problems.push(`${rel}: javascript: link`)
        }
      }
    }
    walk(dist)
    expect(problems).toEqual([])
  })
})

describe('in Chromium', () => {
  it('opening the attack file runs nothing, in either name', async () => {
    const { page, close } = await watchedPage()
    attackRequests.length = 0
    await page.goto(`${attack.url}/media/clip.webm`)
    await page.goto(`${attack.url}/media/clip.htm`)
    await page.waitForTimeout(500)
    expect(attackRequests).toEqual([])
    await close()
  })

  it('home: pictures show, no violations', async () => {
    const { page, violations, close } = await watchedPage()
    await page.goto(`${site.url}/`)
    const images = page.locator('main img')
    await images.first().scrollIntoViewIfNeeded()
    await page.waitForFunction(() => {
      const img = document.querySelector('main img') as HTMLImageElement | null
      return img?.complete && img.naturalWidth > 0
    })
    expect(await images.count()).toBeGreaterThan(0)
    expect(violations).toEqual([])
    await close()
  })

  it('search: "加装电梯" finds results (Pagefind and its WebAssembly), no violations', async () => {
    const { page, violations, close } = await watchedPage()
    await page.goto(`${site.url}/search/?q=${encodeURIComponent('加装电梯')}`)
    await page.locator('.result-link').first().waitFor({ timeout: 20_000 })
    expect(await page.locator('.result-link').count()).toBeGreaterThan(0)
    expect(violations).toEqual([])
    await close()
  })

  it('deputies: typing filters the list, no violations', async () => {
    const { page, violations, close } = await watchedPage()
    await page.goto(`${site.url}/deputies/`)
    const visible = () => page.locator('#deputy-groups [data-slug]:visible').count()
    const all = await visible()
    await page.getByLabel('姓名或拼音').fill('zw')
    await expect.poll(visible).toBeLessThan(all)
    await expect(page.locator('#deputy-count').textContent()).resolves.toMatch(/找到 \d+ 位代表/)
    expect(violations).toEqual([])
    await close()
  })

  it('contact: the script may post to the CMS (connect-src), no violations', async () => {
    const { page, violations, close } = await watchedPage()
    // The CMS is not running here: answer in its place, after the browser's own CSP check.
    await page.route(`${cms}/api/messages/submit`, (route) =>
      route.fulfill({
        status: 201,
        contentType: 'application/json',
        headers: { 'access-control-allow-origin': site.url },
        body: JSON.stringify({ code: 'K7QM4-XR2PW' }),
      }),
    )
    await page.goto(`${site.url}/contact/`)
    // A complete form: with JavaScript the page checks it itself before anything is sent.
    await page.getByLabel('问题类别').selectOption({ label: '老旧小区改造' })
    await page.getByLabel('所在街道').selectOption({ label: '泰山街道' })
    await page.getByLabel('社区').fill('泰山社区')
    await page.getByLabel('您要反映的问题或心愿').fill('示例测试：楼道里的扶手松动了，希望尽快加固。')
    await page.getByLabel('姓名或称呼').fill('李师傅')
    await page.getByLabel('联系电话').fill('0516-83861234')
    await page.getByLabel(/我已阅读并同意/).check()
    await page.getByRole('button', { name: '提交' }).click()
    await expect(page.locator('.receipt .code-large').textContent()).resolves.toBe('K7QM4-XR2PW')
    expect(violations).toEqual([])
    await close()
  })

  it('contact without JavaScript: the form may post to the CMS (form-action), no violations', async () => {
    const { page, violations, close } = await watchedPage({ javaScriptEnabled: false })
    await page.route(`${cms}/api/messages/submit`, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'text/html; charset=utf-8',
        body: '<p id="answer">已提交</p>',
      }),
    )
    await page.goto(`${site.url}/contact/`)
    await page.getByLabel('问题类别').selectOption({ label: '老旧小区改造' })
    await page.getByLabel('所在街道').selectOption({ label: '泰山街道' })
    await page.getByLabel('您要反映的问题或心愿').fill('示例测试：楼道里的扶手松动了，希望尽快加固。')
    await page.getByLabel('姓名或称呼').fill('李师傅')
    await page.getByLabel('联系电话').fill('0516-83861234')
    await page.getByLabel(/我已阅读并同意/).check()
    await page.getByRole('button', { name: '提交' }).click()
    await page.waitForURL(`${cms}/api/messages/submit`)
    await expect(page.locator('#answer').textContent()).resolves.toBe('已提交')
    expect(violations).toEqual([])
    await close()
  })

  it('track page and a lecture with its video: the video loads, no violations', async () => {
    const { page, violations, close } = await watchedPage()
    await page.goto(`${site.url}/track/`)
    const lecture = fs
      .readdirSync(path.join(dist, 'lectures'))
      .find((slug) =>
        fs.readFileSync(path.join(dist, 'lectures', slug, 'index.html'), 'utf8').includes('<video'),
      )
    expect(lecture).toBeTruthy()
    await page.goto(`${site.url}/lectures/${lecture}/`)
    await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 1, null, {
      timeout: 15_000,
    })
    expect(violations).toEqual([])
    await close()
  })

  it('a picture and a video opened on their own still show under the media policy', async () => {
    const { page, violations, close } = await watchedPage()
    await page.goto(`${site.url}${firstFile('media', /\.webp$/)}`)
    await page.waitForFunction(() => (document.querySelector('img')?.naturalWidth ?? 0) > 0)
    await page.goto(`${site.url}/media/lecture-sample.webm`)
    await page.waitForFunction(() => (document.querySelector('video')?.readyState ?? 0) >= 1, null, {
      timeout: 15_000,
    })
    expect(violations).toEqual([])
    await close()
  })

  it('a page on another origin cannot frame the site', async () => {
    const { page, close } = await watchedPage()
    const refused = page.waitForEvent('console', (m) =>
      /frame-ancestors|Refused to (display|frame)/i.test(m.text()),
    )
    await page.goto(framerUrl)
    await refused
    const frame = page.frames().find((f) => f !== page.mainFrame())
    expect(frame?.url()).not.toBe(`${site.url}/`)
    await close()
  })
})
