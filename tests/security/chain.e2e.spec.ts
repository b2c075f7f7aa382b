import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'

import type { BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { scratchDir } from '../../cms/paths.ts'
import { startCmsServer, type CmsServer } from '../../scripts/lib/cms-server.ts'
import { serveSite, type SiteServer } from '../../scripts/lib/site-server.ts'
import { useBrowser } from '../helpers/browser-site.ts'
import { makeUser, openThrowawayCms, type ThrowawayCms } from '../helpers/cms.ts'
import { freePort } from '../helpers/ports.ts'

/**
 * Issue 11, finding 2, replayed in Chromium: an editor uploads a WebM header with HTML appended, named
 * clip.htm; an admin who is logged into the CMS opens it on the public site (same site as the CMS, other
 * port), and a page there posts a new admin account to the CMS with the admin's cookie. Every link of
 * that chain must now hold: the upload is stored as a video under a name of its own type, media are
 * served inert, and the cookie does not work from another origin. A control run of the same script on
 * the admin's own origin proves the test would see a created account.
 */

let cms: ThrowawayCms
let server: CmsServer
let site: SiteServer
let attacker: http.Server
let attackerUrl = ''
const chromium = useBrowser()
let context: BrowserContext
let siteDir = ''

/** What the attacker's HTML runs: create an admin account, as a "simple" request with the cookie. */
const createAdminScript = (cms: string, email: string) => `
  const body = new FormData();
  body.set('_payload', JSON.stringify({ email: ${JSON.stringify(email)}, password: 'pwned-password-1', role: 'admin' }));
  fetch(${JSON.stringify(`${cms}/api/users`)}, { method: 'POST', body, credentials: 'include', mode: 'no-cors' });`

const polyglot = (cmsUrl: string) => {
  // A minimal EBML/WebM header, then HTML that runs the attack when a browser renders it as a page.
  const webm = Buffer.from('1a45dfa39f4286810142f7810142f2810442f381084282847765626d4287810442858102', 'hex')
  const html = `<html><body><script>${createAdminScript(cmsUrl, 'via-upload@example.org')}</script></body></html>`
  return Buffer.concat([webm, Buffer.alloc(64), Buffer.from(html)])
}

const adminCount = async () =>
  (
    await cms.payload.count({
      collection: 'users',
      where: { role: { equals: 'admin' } },
      overrideAccess: true,
    })
  ).totalDocs

beforeAll(async () => {
  cms = await openThrowawayCms()
  const admin = await makeUser(cms.payload, 'admin')
  const editor = await makeUser(cms.payload, 'editor')
  server = await startCmsServer({
    port: await freePort(),
    env: { DATABASE_URI: cms.databaseUri, DATA_DIR: cms.dataDir, PAYLOAD_SECRET: process.env.PAYLOAD_SECRET },
  })

  // Link 1: the editor uploads the polyglot as clip.htm.
  const token = (
    (await (
      await fetch(`${server.url}/api/users/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(editor),
      })
    ).json()) as { token: string }
  ).token
  const form = new FormData()
  form.set('file', new Blob([polyglot(server.url)], { type: 'video/webm' }), 'clip.htm')
  form.set('_payload', JSON.stringify({ alt: '一段视频' }))
  const upload = await fetch(`${server.url}/api/media`, {
    method: 'POST',
    headers: { authorization: `JWT ${token}` },
    body: form,
  })
  const uploaded = (await upload.json()) as { doc?: { filename: string; mimeType: string } }

  // The site as the build would copy it: media/ holds the stored file. For defence in depth the same bytes
  // are also placed under the uploader's old name, as an upload stored before the fix would have been.
  siteDir = scratchDir('minhu-chain-site-')
  fs.mkdirSync(path.join(siteDir, 'media'), { recursive: true })
  fs.writeFileSync(
    path.join(siteDir, 'index.html'),
    '<!doctype html><html lang="zh-CN"><title>站点</title></html>',
  )
  fs.writeFileSync(path.join(siteDir, 'media', 'clip.htm'), polyglot(server.url))
  if (uploaded.doc)
    fs.copyFileSync(
      path.join(cms.dataDir, 'media', uploaded.doc.filename),
      path.join(siteDir, 'media', uploaded.doc.filename),
    )
  uploadResult = { status: upload.status, ...uploaded.doc }
  site = await serveSite({ root: () => siteDir, port: await freePort() })

  // Another page on the same site (127.0.0.1, another port), with no protection of its own.
  const attackerPort = await freePort()
  attackerUrl = `http://127.0.0.1:${attackerPort}`
  attacker = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
    res.end(
      `<html><body><script>${createAdminScript(server.url, 'via-page@example.org')}</script></body></html>`,
    )
  })
  await new Promise<void>((r) => attacker.listen(attackerPort, '127.0.0.1', r))

  // The admin is logged into the CMS in this browser.
  context = await chromium.browser.newContext()
  const page = await context.newPage()
  await page.goto(`${server.url}/admin/login`)
  await page.fill('#field-email', admin.email)
  await page.fill('#field-password', admin.password)
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/admin\/?$/, { timeout: 60_000 })
  await page.close()
}, 180_000)

let uploadResult: { status: number; filename?: string; mimeType?: string }

afterAll(async () => {
  await new Promise((r) => (attacker ? attacker.close(r) : r(undefined)))
  await Promise.all([server?.stop(), site?.close()])
  await cms?.close()
  if (siteDir) fs.rmSync(siteDir, { recursive: true, force: true })
})

describe('upload → HTML → CSRF: the chain that made an editor an admin', () => {
  it('link 1: the upload is stored as what its bytes are, under a name of that type', () => {
    if (uploadResult.status === 201) {
      expect(uploadResult.filename).toMatch(/^clip(-\d+)?\.webm$/)
      expect(uploadResult.mimeType).toBe('video/webm')
    } else expect(uploadResult.status).toBe(400)
  })

  it('link 2: media on the site are served inert, even a file that still ends in .htm', async () => {
    const before = await adminCount()
    const page = await context.newPage()
    const violations: string[] = []
    page.on('console', (m) => m.text().includes('Content Security Policy') && violations.push(m.text()))
    for (const name of ['clip.htm', ...(uploadResult.filename ? [uploadResult.filename] : [])]) {
      const res = await page.goto(`${site.url}/media/${name}`)
      const headers = res!.headers()
      expect(headers['x-content-type-options'], name).toBe('nosniff')
      // Either not served at all (an extension the media library never stores) or served sandboxed, as what it is.
      if (res!.status() !== 404) {
        expect(headers['content-security-policy'], name).toContain('sandbox')
        expect(headers['content-type'], name).not.toContain('html')
      }
    }
    await page.waitForTimeout(1500)
    await page.close()
    expect(await adminCount()).toBe(before)
  })

  it('link 3: a same-site page cannot use the admin’s cookie to create an account', async () => {
    const before = await adminCount()
    const page = await context.newPage()
    await page.goto(attackerUrl)
    await page.waitForTimeout(2000)
    await page.close()
    expect(await adminCount()).toBe(before)
    expect(
      (await cms.payload.count({ collection: 'users', where: { email: { equals: 'via-page@example.org' } } }))
        .totalDocs,
    ).toBe(0)
  })

  it('control: the same script on the admin’s own origin does create the account', async () => {
    const before = await adminCount()
    const page = await context.newPage()
    await page.goto(`${server.url}/admin`)
    await page.evaluate(createAdminScript(server.url, 'control@example.org').replace("mode: 'no-cors'", ''))
    await expect.poll(adminCount, { timeout: 15_000 }).toBe(before + 1)
    await page.close()
  })
})
