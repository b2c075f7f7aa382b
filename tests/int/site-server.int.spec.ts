import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { serveSite, type SiteServer } from '../../scripts/lib/site-server.ts'
import { listFiles } from '../helpers/dist.ts'
import { freePort } from '../helpers/ports.ts'

/**
 * The site server compresses text on the way out (the `compression` middleware), as a resident on a slow
 * phone connection needs, and leaves Pagefind's already-compressed files and the security headers alone.
 */
const dist = inject('siteDir')
let server: SiteServer

beforeAll(async () => {
  server = await serveSite({ root: () => dist, port: await freePort() })
})
afterAll(async () => {
  await server?.close()
})

/** The bytes as they came over the wire (fetch would unpack them). */
const get = (url: string, acceptEncoding?: string) =>
  new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const headers = acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}
    http
      .get(`${server.url}${url}`, { headers }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        )
      })
      .on('error', reject)
  })

describe('compression in the site server', () => {
  const home = () => fs.readFileSync(path.join(dist, 'index.html'))

  it('sends pages gzipped to a browser that asks for gzip, and the bytes unpack to the page', async () => {
    const { headers, body } = await get('/', 'gzip')
    expect(headers['content-encoding']).toBe('gzip')
    expect(headers.vary).toMatch(/accept-encoding/i)
    expect(zlib.gunzipSync(body).equals(home())).toBe(true)
    expect(body.length).toBeLessThan(home().length / 3)
    // The security headers survive compression.
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'")
  })

  it('prefers brotli when offered, and sends the page as is to a client that asks for nothing', async () => {
    const br = await get('/', 'gzip, deflate, br')
    expect(br.headers['content-encoding']).toBe('br')
    expect(zlib.brotliDecompressSync(br.body).equals(home())).toBe(true)
    const plain = await get('/')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.equals(home())).toBe(true)
  })

  it('compresses stylesheets and the 404 page, not Pagefind files that are compressed already', async () => {
    // The largest stylesheet: the middleware leaves files under 1 kB as they are (a component's own
    // small stylesheet gains nothing from gzip), and the order of the listing is not fixed.
    const css = listFiles(dist)
      .filter((f) => f.startsWith('_astro/') && f.endsWith('.css'))
      .sort((a, b) => fs.statSync(path.join(dist, b)).size - fs.statSync(path.join(dist, a)).size)[0]!
    expect(fs.statSync(path.join(dist, css)).size).toBeGreaterThan(1024)
    expect((await get(`/${css}`, 'gzip')).headers['content-encoding']).toBe('gzip')
    const missing = await get('/no/such/page/', 'gzip')
    expect(missing.status).toBe(404)
    expect(zlib.gunzipSync(missing.body).toString('utf8')).toContain('页面不存在')
    const fragment = listFiles(dist).find((f) => f.startsWith('pagefind/fragment/'))!
    const served = await get(`/${fragment}`, 'gzip, br')
    expect(served.headers['content-encoding']).toBeUndefined()
    expect(served.body.equals(fs.readFileSync(path.join(dist, fragment)))).toBe(true)
  })
})

describe('the live preview page (issue 15)', () => {
  const CMS = 'http://127.0.0.1:3999'
  let root: string
  let previewServer: SiteServer

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'minhu-preview-site-'))
    fs.mkdirSync(path.join(root, 'preview'))
    fs.writeFileSync(path.join(root, 'preview', 'index.html'), '<!doctype html><title>预览</title>')
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>首页</title>')
    previewServer = await serveSite({ root: () => root, port: await freePort(), cmsUrl: `${CMS}/` })
  })
  afterAll(async () => {
    await previewServer?.close()
    fs.rmSync(root, { recursive: true, force: true })
  })

  const headersOf = async (url: string) => {
    const res = await fetch(`${previewServer.url}${url}`)
    await res.arrayBuffer()
    return { status: res.status, headers: res.headers }
  }

  it('may be framed by the CMS only, shows the CMS’s media, and is never cached or indexed', async () => {
    for (const url of ['/preview/', '/preview/?collection=cases&id=1', '/preview/index.html']) {
      const { status, headers } = await headersOf(url)
      expect(status, url).toBe(200)
      const csp = headers.get('content-security-policy')!
      expect(csp, url).toContain(`frame-ancestors ${CMS};`)
      expect(csp, url).not.toContain("frame-ancestors 'none'")
      expect(csp, url).toContain(`img-src 'self' ${CMS};`)
      expect(csp, url).toContain(`media-src 'self' https: ${CMS};`)
      expect(csp, url).toContain("script-src 'self' 'wasm-unsafe-eval';")
      expect(headers.get('x-frame-options'), url).toBeNull()
      expect(headers.get('cache-control'), url).toBe('no-store')
      expect(headers.get('x-robots-tag'), url).toBe('noindex')
      expect(headers.get('x-content-type-options'), url).toBe('nosniff')
    }
  })

  it('leaves every other page as it was: framed by nobody', async () => {
    for (const url of ['/', '/preview/other/', '/news/preview/']) {
      const { headers } = await headersOf(url)
      const csp = headers.get('content-security-policy')!
      expect(csp, url).toContain("frame-ancestors 'none'")
      expect(csp, url).toContain("img-src 'self';")
      expect(headers.get('x-frame-options'), url).toBe('DENY')
      expect(headers.get('x-robots-tag'), url).toBeNull()
    }
  })
})

describe('files of a build that has just been swapped in', () => {
  let first: string
  let second: string
  let current: string
  let swapServer: SiteServer

  const write = (root: string, file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
    fs.writeFileSync(path.join(root, file), text)
  }

  beforeAll(async () => {
    first = fs.mkdtempSync(path.join(os.tmpdir(), 'minhu-site-a-'))
    second = fs.mkdtempSync(path.join(os.tmpdir(), 'minhu-site-b-'))
    for (const [root, title] of [
      [first, '旧版'],
      [second, '新版'],
    ]) {
      write(root, 'index.html', `<!doctype html><title>${title}</title>`)
      write(root, '404.html', '<!doctype html><title>页面不存在</title><p>页面不存在</p>')
      write(root, '_astro/site.abc123.css', 'body{color:#000}')
      write(root, '.env', 'SECRET=1')
      write(root, '.git/config', '[core]')
    }
    current = first
    swapServer = await serveSite({ root: () => current, port: await freePort() })
  })
  afterAll(async () => {
    await swapServer?.close()
    for (const root of [first, second]) fs.rmSync(root, { recursive: true, force: true })
  })

  const fetchText = async (url: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${swapServer.url}${url}`, { headers })
    return { status: res.status, headers: res.headers, text: await res.text() }
  }

  it('serves the new folder from its first request, and a page written into it afterwards too', async () => {
    expect((await fetchText('/')).text).toContain('旧版')
    current = second
    expect((await fetchText('/')).text).toContain('新版')
    expect((await fetchText('/news/1/')).status).toBe(404)
    write(second, 'news/1/index.html', '<!doctype html><title>新闻一</title>')
    const page = await fetchText('/news/1/')
    expect(page.status).toBe(200)
    expect(page.text).toContain('新闻一')
    expect((await fetchText('/news/1')).text).toContain('新闻一')
  })

  it('sends pages to be revalidated (304 when unchanged) and hashed assets kept for a year', async () => {
    const page = await fetchText('/')
    expect(page.headers.get('cache-control')).toBe('no-cache')
    const etag = page.headers.get('etag')!
    expect(etag).toBeTruthy()
    expect((await fetchText('/', { 'if-none-match': etag })).status).toBe(304)
    const asset = await fetchText('/_astro/site.abc123.css')
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(asset.headers.get('content-type')).toMatch(/^text\/css/)
  })

  it('answers dot files and folders with the 404 page', async () => {
    for (const url of ['/.env', '/.git/config', '/%2Eenv', '/_astro/../.env']) {
      const res = await fetchText(url)
      expect(res.status, url).toBe(404)
      expect(res.text, url).toContain('页面不存在')
      expect(res.text, url).not.toContain('SECRET')
      expect(res.text, url).not.toContain('[core]')
    }
  })
})
