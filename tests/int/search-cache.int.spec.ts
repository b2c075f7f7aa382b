import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { nginxConfig } from '../../scripts/lib/nginx-config.ts'
import { serveSite, type SiteServer } from '../../scripts/lib/site-server.ts'
import { startNginx, type TestNginx } from '../helpers/nginx.ts'
import { freePort } from '../helpers/ports.ts'

/**
 * Pagefind's files named by their content (meta, index chunks, filters, fragments) are cached for a year
 * by the site server and by nginx (the configuration docs/deploy.md gives), so a returning resident's
 * search fetches only what a new index changed; the files that keep their names across builds
 * (pagefind.js, pagefind-entry.json, the wasm) revalidate like pages, so a new build is seen at once.
 */
const IMMUTABLE = 'public, max-age=31536000, immutable'
const dist = inject('siteDir')
const index = path.join(dist, 'pagefind')
const first = (dir: string, ext: string) => {
  const name = fs.readdirSync(path.join(index, dir)).find((f) => f.endsWith(ext))
  if (!name) throw new Error(`the test site has no ${ext} in pagefind/${dir}`)
  return `/pagefind/${dir ? `${dir}/` : ''}${name}`
}
const hashed = () => [
  first('', '.pf_meta'),
  first('index', '.pf_index'),
  first('fragment', '.pf_fragment'),
  first('filter', '.pf_filter'),
]
const named = ['/pagefind/pagefind.js', '/pagefind/pagefind-entry.json', '/pagefind/wasm.en.pagefind']

const get = (origin: string, url: string) =>
  new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(`${origin}${url}`, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }),
        )
      })
      .on('error', reject)
  })

function expectCaching(origin: () => string) {
  it('caches the hashed index files for a year, byte for byte as built', async () => {
    for (const url of hashed()) {
      const res = await get(origin(), url)
      expect(res.status, url).toBe(200)
      expect(res.headers['cache-control'], url).toBe(IMMUTABLE)
      expect(res.headers['content-security-policy'], url).toContain("default-src 'self'")
      expect(res.body.equals(fs.readFileSync(path.join(dist, url))), url).toBe(true)
    }
  })

  it('makes pagefind.js, the entry file and the wasm revalidate', async () => {
    for (const url of named) {
      const res = await get(origin(), url)
      expect(res.status, url).toBe(200)
      expect(res.headers['cache-control'] ?? '', url).not.toContain('immutable')
    }
  })

  it('answers a made-up hashed name with 404, not cached for a year', async () => {
    const res = await get(origin(), '/pagefind/index/en_0000000.pf_index')
    expect(res.status).toBe(404)
    expect(res.headers['cache-control'] ?? '').not.toContain('immutable')
  })
}

describe('site server', () => {
  let server: SiteServer
  beforeAll(async () => {
    server = await serveSite({ root: () => dist, port: await freePort() })
  })
  afterAll(async () => {
    await server?.close()
  })
  expectCaching(() => server.url)
})

describe('nginx', () => {
  let nginx: TestNginx | undefined
  beforeAll(async () => {
    const port = await freePort()
    // Static files only: the CMS upstream is a closed port, never asked.
    const include = nginxConfig({
      listen: `127.0.0.1:${port}`,
      serverName: 'localhost',
      siteRoot: dist,
      cms: [`127.0.0.1:${await freePort()}`],
      publicCmsUrl: `http://127.0.0.1:${port}`,
    })
    nginx = await startNginx(include, { port })
  })
  afterAll(() => nginx?.stop())
  expectCaching(() => nginx!.origin)
})
