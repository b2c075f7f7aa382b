import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Frame, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Case, Deputy } from '../../cms/payload-types.ts'
import { seed } from '../../cms/seed/index.ts'
import { buildAdminIfNeeded } from '../../scripts/lib/admin-build.ts'
import { startCmsServer, type CmsServer } from '../../scripts/lib/cms-server.ts'
import { serveSite, type SiteServer } from '../../scripts/lib/site-server.ts'
import { useBrowser } from '../helpers/browser-site.ts'
import { makeUser, openThrowawayCms, type ThrowawayCms } from '../helpers/cms.ts'
import { freePort } from '../helpers/ports.ts'

/**
 * The Live Preview pane end to end in Chromium (issue 15): the built admin on one origin, a site server on
 * another (same site, other port, as in development) serving a stand-in for the site's /preview/ page that
 * speaks the same protocol as `useLivePreview` with the custom request handler: "ready" to the CMS, the
 * form from the admin by postMessage, POST /api/live-preview with the editor's cookie, the answer rendered.
 * What it proves is the plumbing across the origins: framing allowed by the site's headers, the message
 * origins, the CORS answer and the Lax cookie reaching the endpoint. The real page is tested with the site.
 */

const PROBE = `
const cms = document.documentElement.dataset.cms
const params = new URLSearchParams(location.search)
const out = document.getElementById('out')
window.addEventListener('message', async (event) => {
  if (event.origin !== cms || !event.data || event.data.type !== 'payload-live-preview' || !event.data.data) return
  const res = await fetch(cms + '/api/live-preview/' + params.get('collection') + '/' + params.get('id'), {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ data: event.data.data, depth: 1 }),
  })
  if (res.status === 401) return void (out.textContent = '仅供编辑预览 · 请先登录')
  const doc = await res.json()
  out.textContent = doc.title + ' | ' + (doc.deputies || []).map((d) => d.name).join('、')
})
window.parent.postMessage({ type: 'payload-live-preview', ready: true }, cms)
`

let cms: ThrowawayCms
let server: CmsServer
let site: SiteServer
let root: string
let admin: Page
let stored: Case
let names: string[]
const chromium = useBrowser()

beforeAll(async () => {
  cms = await openThrowawayCms()
  await seed(cms.payload)
  const login = await makeUser(cms.payload, 'editor')
  stored = (
    await cms.payload.find({
      collection: 'cases',
      where: { deputies: { exists: true } },
      depth: 1,
      limit: 1,
    })
  ).docs[0]
  names = (stored.deputies as Deputy[]).map((d) => d.name)
  await buildAdminIfNeeded(() => {})
  const [cmsPort, sitePort] = [await freePort(), await freePort()]
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'minhu-live-preview-'))
  fs.mkdirSync(path.join(root, 'preview'))
  fs.writeFileSync(
    path.join(root, 'preview', 'index.html'),
    `<!doctype html><html lang="zh-CN" data-cms="http://127.0.0.1:${cmsPort}"><title>预览</title><p id="out">等待</p><script src="/preview/probe.js"></script></html>`,
  )
  fs.writeFileSync(path.join(root, 'preview', 'probe.js'), PROBE)
  site = await serveSite({ root: () => root, port: sitePort, cmsUrl: `http://127.0.0.1:${cmsPort}` })
  server = await startCmsServer({
    port: cmsPort,
    env: {
      DATA_DIR: cms.dataDir,
      DATABASE_URI: cms.databaseUri,
      PAYLOAD_SECRET: process.env.PAYLOAD_SECRET,
      SITE_URL: site.url,
    },
  })
  admin = await chromium.browser.newPage({ viewport: { width: 1400, height: 900 } })
  await admin.goto(`${server.url}/admin/login`)
  await admin.fill('#field-email', login.email)
  await admin.fill('#field-password', login.password)
  await admin.click('button[type="submit"]')
  await admin.waitForURL(/\/admin\/?$/)
})

afterAll(async () => {
  await server?.stop()
  await site?.close()
  await cms?.close()
  if (root) fs.rmSync(root, { recursive: true, force: true })
})

const previewFrame = async (): Promise<Frame> => {
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    const frame = admin.frames().find((f) => f.url().startsWith(`${site.url}/preview/`))
    if (frame) return frame
    await admin.waitForTimeout(200)
  }
  throw new Error('no preview frame')
}

describe('the Live Preview pane', { timeout: 180_000 }, () => {
  it('shows the site’s preview page, fed with the form and populated by the endpoint as the editor types', async () => {
    await admin.goto(`${server.url}/admin/collections/cases/${stored.id}`)
    const toggle = admin.locator('button[aria-label="实时预览"]')
    await toggle.waitFor({ timeout: 60_000 })
    await toggle.click()
    const frame = await previewFrame()
    expect(frame.url()).toBe(`${site.url}/preview/?collection=cases&id=${stored.id}`)
    const out = frame.locator('#out')
    await expect.poll(() => out.textContent(), { timeout: 30_000 }).toContain(stored.title)
    for (const name of names) expect(await out.textContent()).toContain(name)

    await admin.fill('#field-title', '实时预览里改过的标题')
    await expect.poll(() => out.textContent(), { timeout: 30_000 }).toContain('实时预览里改过的标题')
    // The toolbar speaks Chinese: the breakpoints given in the config and Payload's own 自适应.
    expect(await admin.locator('button[aria-label="退出实时预览"]').count()).toBe(1)
    const toolbar = await admin.locator('.live-preview-toolbar').innerText()
    expect(toolbar).toContain('自适应')
    expect(toolbar).not.toMatch(/Responsive|Open in new window/)
  })
})
