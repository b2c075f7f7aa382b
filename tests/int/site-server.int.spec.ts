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
