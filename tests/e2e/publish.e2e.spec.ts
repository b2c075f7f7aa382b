import path from 'node:path'

import type { Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { BuildQueue } from '../../cms/builds/queue.ts'
import { seed } from '../../cms/seed/index.ts'
import { toLexical } from '../../cms/seed/lexical.ts'
import { buildAdminIfNeeded } from '../../scripts/lib/admin-build.ts'
import { startCmsServer, type CmsServer } from '../../scripts/lib/cms-server.ts'
import { RebuildWorker } from '../../scripts/lib/rebuild-worker.ts'
import { buildSite } from '../../scripts/lib/site-build.ts'
import { serveSite, type SiteServer } from '../../scripts/lib/site-server.ts'
import { useBrowser } from '../helpers/browser-site.ts'
import { allowSelfPublishing, makeUser, openThrowawayCms, type ThrowawayCms } from '../helpers/cms.ts'
import { freePort } from '../helpers/ports.ts'
import { rebuildRequests } from '../helpers/rebuild.ts'

/**
 * Publish to live, and the live preview while writing, as an editor meets them: the built admin in a real
 * browser, the rebuild worker that `npm start` runs, and the served site (built to talk to this CMS, which
 * knows the site's address), on a freshly seeded throwaway CMS.
 */

const TITLE = '银杏社区议事厅今起开放预约'
let cms: ThrowawayCms
let cmsServer: CmsServer
let site: SiteServer
let worker: RebuildWorker
const chromium = useBrowser()
let admin: Page
let login: Awaited<ReturnType<typeof makeUser>>
let failNext = false
const builds: { ok: boolean }[] = []

beforeAll(async () => {
  cms = await openThrowawayCms()
  await seed(cms.payload)
  // The publishing cases act as one reviewer with 双人审核 off; the review case below switches it on and
  // brings an editor and a second reviewer.
  login = await makeUser(cms.payload, 'reviewer')
  await allowSelfPublishing(cms.payload)
  const cmsPort = await freePort()
  const sitePort = await freePort()
  const env = {
    DATA_DIR: cms.dataDir,
    DATABASE_URI: cms.databaseUri,
    PAYLOAD_SECRET: process.env.PAYLOAD_SECRET,
    SITE_URL: `http://127.0.0.1:${sitePort}`,
    PUBLIC_CMS_URL: `http://127.0.0.1:${cmsPort}`,
  }
  await buildAdminIfNeeded(() => {})
  cmsServer = await startCmsServer({ port: cmsPort, env })
  const dist = path.join(cms.dataDir, 'dist')
  await buildSite({ outDir: dist, env })
  worker = new RebuildWorker({
    payload: cms.payload,
    buildsDir: path.join(cms.dataDir, 'site-builds'),
    initialLive: dist,
    debounceMs: 500,
    // "Failing" points the build at a database it cannot use.
    build: (outDir, base) =>
      buildSite({ outDir, base, env: failNext ? { ...env, DATABASE_URI: 'mysql://nowhere/db' } : env }),
    log: (line) => builds.push({ ok: !line.includes('FAILED') }),
  })
  worker.start()
  site = await serveSite({ root: () => worker.live, port: sitePort, cmsUrl: cmsServer.url })
  admin = await chromium.browser.newPage()
})

afterAll(async () => {
  await worker?.stop()
  await site?.close()
  await cmsServer?.stop()
  await cms?.close()
})

let requestsSeen = 0
/** Waits until the CMS asked for a rebuild and the worker built it. */
async function siteFollows() {
  await expect
    .poll(async () => (await rebuildRequests(cms.payload)).length, { message: 'the CMS asked for a rebuild' })
    .toBeGreaterThan(requestsSeen)
  requestsSeen = (await rebuildRequests(cms.payload)).length
  await worker.idle()
}

async function searchTitles(query: string): Promise<string[]> {
  const page = await chromium.browser.newPage()
  await page.goto(`${site.url}/search/?q=${encodeURIComponent(query)}`)
  await page.waitForFunction(() => {
    const status = document.getElementById('search-status')?.textContent ?? ''
    return status !== '' && !status.includes('正在搜索')
  })
  const titles = await page.locator('#search-results .result-link').allTextContents()
  await page.close()
  return titles
}

// Each test waits for real site rebuilds (5 s on a quiet machine, over 30 s on a busy one): 3 minutes each.
describe('an editor publishes from the admin', { timeout: 180_000 }, () => {
  it('logs in, writes a news item with a picture and publishes it: it goes live and search finds it', async () => {
    await admin.goto(`${cmsServer.url}/admin/login`)
    await admin.fill('#field-email', login.email)
    await admin.fill('#field-password', login.password)
    await admin.click('button[type="submit"]')
    await admin.waitForURL(/\/admin\/?$/)

    await admin.goto(`${cmsServer.url}/admin/collections/news/create`)
    await admin.fill('#field-title', TITLE)
    await admin.click('[data-lexical-editor="true"]')
    await admin.keyboard.type('社区议事厅每周二、周四下午开放，居民可以到服务台预约使用。')

    // The cover: a new picture uploaded from the field's drawer, with its alt text.
    const picture = path.join(cms.dataDir, 'yiqiting.png')
    await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#c8a25a' } })
      .png()
      .toFile(picture)
    await admin.locator('.field-type.upload').first().getByRole('button', { name: '创建新条目' }).click()
    const drawer = admin.locator('.drawer--is-open, [class*="drawer"][class*="open"]').last()
    await drawer.locator('input[type="file"]').setInputFiles(picture)
    await drawer.locator('#field-alt').fill('社区议事厅里摆好的桌椅')
    await drawer.getByRole('button', { name: '保存' }).click()
    // Uploading makes three resized copies with sharp: slow on a busy machine.
    await expect
      .poll(() => admin.locator('.field-type.upload').first().textContent(), { timeout: 30_000 })
      .toContain('yiqiting')

    // One word for it everywhere: a new item's button is 发布 (not 发布修改).
    await admin.getByRole('button', { name: '发布', exact: true }).click()
    await admin.waitForURL(/\/admin\/collections\/news\/\d+/)
    // Beside the buttons: when the page will be live, then a link to it.
    const status = admin.locator('.site-status [role="status"]')
    await expect
      .poll(() => status.textContent(), { timeout: 30_000 })
      .toMatch(/网站约 \d+ 秒后更新|网站已更新/)

    await siteFollows()
    const { docs } = await cms.payload.find({ collection: 'news', where: { title: { equals: TITLE } } })
    const slug = docs[0].slug
    await expect.poll(() => status.textContent(), { timeout: 30_000 }).toContain('网站已更新')
    expect(
      new URL((await status.getByRole('link', { name: '查看网页' }).getAttribute('href'))!).pathname,
    ).toBe(`/news/${slug}/`)
    const page = await chromium.browser.newPage()
    const res = await page.goto(`${site.url}/news/${slug}/`)
    expect(res?.status()).toBe(200)
    expect(await page.locator('h1').textContent()).toBe(TITLE)
    const img = page.locator('main img').first()
    expect(await img.getAttribute('alt')).toBe('社区议事厅里摆好的桌椅')
    expect(await img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth > 0)).toBe(true)
    await page.goto(`${site.url}/news/`)
    expect(await page.locator('main').textContent()).toContain(TITLE)
    await page.close()
    expect(await searchTitles('议事厅')).toContain(TITLE)
  })

  it('edits a page the first build indexed: search shows the new title once and the old one no more', async () => {
    const { docs } = await cms.payload.find({
      collection: 'news',
      where: { _status: { equals: 'published' } },
      sort: 'publishedAt',
      limit: 1,
    })
    const old = docs[0].title
    expect(await searchTitles(old)).toContain(old)
    const renamed = '社区议事回访汇编第一期'
    await cms.payload.update({
      collection: 'news',
      id: docs[0].id,
      data: { title: renamed, _status: 'published' },
      overrideAccess: false,
      user: login.user,
    })
    await siteFollows()
    expect(await searchTitles(renamed)).toEqual([renamed])
    expect(await searchTitles(old)).not.toContain(old)
  })

  it('unpublishes it: gone from the listings and search, its address forwards to the list', async () => {
    const { docs } = await cms.payload.find({ collection: 'news', where: { title: { equals: TITLE } } })
    const { id, slug } = docs[0]
    await admin.goto(`${cmsServer.url}/admin/collections/news/${id}`)
    // 撤下 sits beside 发布, with a confirmation that says what happens. The status line comes from a
    // request the page makes once it is running: clicking before that may reach no handler.
    await expect
      .poll(() => admin.locator('.site-status [role="status"]').count(), { timeout: 30_000 })
      .toBeGreaterThan(0)
    await admin.locator('.site-status').getByRole('button', { name: '撤下', exact: true }).click()
    // Its own dialog (the page may hold others, such as Payload's edit-lock notice).
    const dialog = admin.locator('dialog[id^="site-status-unpublish-"]')
    await expect.poll(() => dialog.textContent(), { timeout: 15_000 }).toContain('网站上将不再显示这篇内容')
    await dialog.getByRole('button', { name: '撤下', exact: true }).click()
    await expect
      .poll(async () => (await cms.payload.findByID({ collection: 'news', id }))._status, { timeout: 30_000 })
      .toBe('draft')

    await siteFollows()
    await expect
      .poll(() => admin.locator('.site-status [role="status"]').textContent(), { timeout: 30_000 })
      .toContain('已从网站撤下')
    // Its old address forwards to the news list (重定向), no longer to the page.
    const gone = await fetch(`${site.url}/news/${slug}/`, { redirect: 'manual' })
    expect(gone.status).toBe(301)
    expect(new URL(gone.headers.get('location')!, site.url).pathname).toBe('/news/')
    expect(await (await fetch(`${site.url}/news/`)).text()).not.toContain(TITLE)
    expect(await (await fetch(`${site.url}/`)).text()).not.toContain(TITLE)
    expect(await searchTitles('议事厅')).not.toContain(TITLE)
  })

  it('a build that fails leaves the site serving and the admin shows the error', async () => {
    const live = worker.live
    failNext = true
    await cms.payload.create({
      collection: 'news',
      data: {
        title: '构建失败时发布的通知',
        category: 'notice',
        body: toLexical(['正文']),
        publishedAt: new Date().toISOString(),
        _status: 'published',
      },
      draft: false,
      overrideAccess: true,
    })
    await siteFollows()
    failNext = false
    expect(worker.live).toBe(live)
    expect((await fetch(`${site.url}/`)).status).toBe(200)
    expect((await new BuildQueue(cms.payload).status()).builds[0].ok).toBe(false)

    await admin.goto(`${cmsServer.url}/admin`)
    const panel = admin.locator('section[aria-labelledby="site-builds"]')
    await expect
      // The panel refreshes every 5 seconds.
      .poll(() => panel.textContent(), { timeout: 20_000 })
      .toMatch(/失败：.*DATABASE_URI: unsupported value.*（网站仍显示上一版）/)
    // The log names what was published by its title.
    expect(await panel.textContent()).toContain('新闻公告《构建失败时发布的通知》发布')
  })
})

/** A new browser context (its own cookies) logged into the admin as `who`. */
async function adminAs(who: { email: string; password: string }) {
  const context = await chromium.browser.newContext()
  const page = await context.newPage()
  await page.goto(`${cmsServer.url}/admin/login`)
  await page.fill('#field-email', who.email)
  await page.fill('#field-password', who.password)
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/admin\/?$/)
  return page
}

const reviewState = (page: Page) => page.locator('.review-controls__state strong').textContent()

/**
 * Opens a document in the admin as `page`'s user. Payload keeps an edit lock for up to 5 minutes for
 * whoever last typed in it; a tab closed or navigated away (not through the admin's own links) leaves it
 * behind, and a late form-state request can renew it just after a save released it. The next person then
 * sees Payload's 编辑中 dialog and takes over, as a reviewer does when the editor's tab is still open.
 */
async function openDocument(page: Page, url: string) {
  await page.goto(url, { waitUntil: 'networkidle' })
  const locked = page.locator('#document-locked')
  if (await locked.isVisible()) {
    await locked.getByRole('button', { name: '接管', exact: true }).click()
    await locked.waitFor({ state: 'hidden' })
    // Taking over refreshes the page's server parts; start again from a page that has settled.
    await page.reload({ waitUntil: 'networkidle' })
  }
}

describe('先审后发: an editor and a reviewer in two browsers', { timeout: 240_000 }, () => {
  it('editor submits, reviewer returns with a comment, editor fixes, reviewer approves: the page goes live', async () => {
    const site0 = await cms.payload.findGlobal({ slug: 'site', overrideAccess: true })
    await cms.payload.updateGlobal({
      slug: 'site',
      data: { siteName: site0.siteName, organizer: site0.organizer, dualReview: true },
      overrideAccess: true,
      context: { seed: true },
    })
    const editorLogin = await makeUser(cms.payload, 'editor')
    const reviewerLogin = await makeUser(cms.payload, 'reviewer')
    const editor = await adminAs(editorLogin)
    const reviewer = await adminAs(reviewerLogin)
    const title = '奎山社区加装电梯意见听取会'

    // The editor writes and submits; there is no 发布 for them.
    await editor.goto(`${cmsServer.url}/admin/collections/news/create`)
    await editor.fill('#field-title', title)
    await editor.click('[data-lexical-editor="true"]')
    await editor.keyboard.type('本周六上午在奎山社区议事厅听取居民对加装电梯的意见。')
    expect(await editor.getByRole('button', { name: '发布', exact: true }).count()).toBe(0)
    await editor.locator('.review-controls').getByRole('button', { name: '提交审核' }).click()
    await editor.waitForURL(/\/admin\/collections\/news\/\d+/)
    await expect.poll(() => reviewState(editor), { timeout: 30_000 }).toBe('待审核')
    const id = editor.url().match(/news\/(\d+)/)![1]
    expect(await editor.getByRole('button', { name: '发布', exact: true }).count()).toBe(0)
    await editor.goto(`${cmsServer.url}/admin`)

    // A reviewer's own new item cannot be published by them either (双人审核).
    await reviewer.goto(`${cmsServer.url}/admin/collections/news/create`)
    await reviewer.fill('#field-title', '审核员自己写的稿子')
    expect(await reviewer.getByRole('button', { name: '发布', exact: true }).count()).toBe(0)

    // The reviewer returns it with a comment.
    await openDocument(reviewer, `${cmsServer.url}/admin/collections/news/${id}`)
    await expect.poll(() => reviewState(reviewer), { timeout: 30_000 }).toBe('待审核')
    await reviewer.locator('.review-controls').getByRole('button', { name: '退回', exact: true }).click()
    const dialog = reviewer.getByRole('dialog')
    await dialog.locator('textarea[name="reviewReturnComment"]').fill('请写明听取会的具体时间。')
    await dialog.getByRole('button', { name: '退回', exact: true }).click()
    await expect.poll(() => reviewState(reviewer), { timeout: 30_000 }).toBe('已退回')
    await reviewer.goto(`${cmsServer.url}/admin`)

    // The editor finds it on the 工作台 under 退回给我的 with the comment, opens it, fixes it, submits again.
    await editor.reload()
    const workbench = editor.locator('body')
    await expect.poll(() => workbench.textContent(), { timeout: 30_000 }).toContain('退回给我的')
    expect(await workbench.textContent()).toContain('请写明听取会的具体时间。')
    await openDocument(editor, `${cmsServer.url}/admin/collections/news/${id}`)
    await expect
      .poll(() => editor.locator('.review-controls__comment').textContent(), { timeout: 30_000 })
      .toContain('请写明听取会的具体时间。')
    await editor.fill('#field-summary', '12月5日（周六）上午9点，奎山社区议事厅。')
    await editor.locator('.review-controls').getByRole('button', { name: '提交审核' }).click()
    await expect.poll(() => reviewState(editor), { timeout: 30_000 }).toBe('待审核')
    await editor.goto(`${cmsServer.url}/admin`)
    expect((await fetch(`${site.url}/news/`).then((r) => r.text())).includes(title)).toBe(false)

    // The reviewer approves: 发布 publishes it, and the site follows.
    await openDocument(reviewer, `${cmsServer.url}/admin/collections/news/${id}`)
    await expect.poll(() => reviewState(reviewer), { timeout: 30_000 }).toBe('待审核')
    await reviewer.getByRole('button', { name: '发布', exact: true }).click()
    await expect.poll(() => reviewState(reviewer), { timeout: 30_000 }).toBe('已发布')
    const doc = await cms.payload.findByID({ collection: 'news', id: Number(id) })
    expect(doc._status).toBe('published')
    expect(doc.summary).toBe('12月5日（周六）上午9点，奎山社区议事厅。')
    await siteFollows()
    const page = await chromium.browser.newPage()
    expect((await page.goto(`${site.url}/news/${doc.slug}/`))?.status()).toBe(200)
    expect(await page.locator('h1').textContent()).toBe(title)
    await page.close()
    await editor.context().close()
    await reviewer.context().close()
    await allowSelfPublishing(cms.payload)
  })
})

/** The admin's edit view of a document with the live preview pane open, and the pane's frame. */
async function openLivePreview(collection: string, id: number | string) {
  await loggedIn()
  await admin.goto(`${cmsServer.url}/admin/collections/${collection}/${id}`)
  await admin.locator('button.live-preview-toggler').click()
  return admin.frameLocator('iframe#live-preview-iframe')
}

async function loggedIn() {
  await admin.goto(`${cmsServer.url}/admin`)
  if (!admin.url().includes('/login')) return
  await admin.fill('#field-email', login.email)
  await admin.fill('#field-password', login.password)
  await admin.click('button[type="submit"]')
  await admin.waitForURL(/\/admin\/?$/)
}

/** Milliseconds from now until `selector` in the pane shows `text` (measured in the browser). */
function shownAfter(pane: ReturnType<typeof admin.frameLocator>, selector: string, text: string) {
  const started = Date.now()
  return pane
    .locator(selector, { hasText: text })
    .first()
    .waitFor({ timeout: 10_000 })
    .then(() => Date.now() - started)
}

describe('live preview while the editor types', { timeout: 180_000 }, () => {
  it('a news draft: the new title and paragraph show in the pane before saving', async () => {
    const draft = await cms.payload.create({
      collection: 'news',
      data: {
        title: '预览测试：原来的标题',
        category: 'news',
        body: toLexical(['原来的第一段。']),
        publishedAt: '2026-11-30T02:00:00.000Z',
        _status: 'draft',
      },
      draft: true,
    })
    const pane = await openLivePreview('news', draft.id)
    // The pane shows the draft as the site's own article, with its banner.
    await pane.locator('main h1', { hasText: '预览测试：原来的标题' }).waitFor({ timeout: 30_000 })
    expect(await pane.locator('.preview-banner').textContent()).toContain('预览')
    expect(await pane.locator('main .meta').textContent()).toContain('2026年11月30日')

    const title = '预览测试：边写边看的新标题'
    await admin.locator('#field-title').fill('')
    await admin.locator('#field-title').pressSequentially(title, { delay: 15 })
    const titleMs = await shownAfter(pane, 'main h1', title)

    const paragraph = '议事厅每周二下午开放，欢迎居民预约。'
    await admin.locator('[data-lexical-editor="true"]').click()
    await admin.keyboard.press('ControlOrMeta+End')
    await admin.keyboard.press('Enter')
    await admin.keyboard.type(paragraph, { delay: 15 })
    const paragraphMs = await shownAfter(pane, 'main .prose p', paragraph)
    console.log(
      `live preview: title shown ${titleMs} ms, paragraph ${paragraphMs} ms after the last keystroke`,
    )

    // Nothing was saved: the stored draft still has the old title.
    expect((await cms.payload.findByID({ collection: 'news', id: draft.id, draft: true })).title).toBe(
      '预览测试：原来的标题',
    )
    // Phone and desktop widths in the pane's toolbar.
    await admin.locator('.live-preview-toolbar-controls__breakpoint').getByRole('button').first().click()
    await admin.getByRole('button', { name: '手机', exact: true }).click()
    await expect
      .poll(() =>
        admin.locator('iframe#live-preview-iframe').evaluate((f) => f.getBoundingClientRect().width),
      )
      .toBeLessThanOrEqual(380)
  })

  it("a case: choosing another deputy shows the deputy's name among 参与代表", async () => {
    const { docs } = await cms.payload.find({ collection: 'cases', limit: 1, depth: 0, sort: 'publishedAt' })
    const story = docs[0]
    const taken = new Set((story.deputies ?? []).map((d) => (typeof d === 'object' ? d.id : d)))
    const { docs: deputies } = await cms.payload.find({ collection: 'deputies', limit: 50, depth: 0 })
    const other = deputies.find((d) => !taken.has(d.id))!
    const pane = await openLivePreview('cases', story.id)
    await pane.locator('main h1').waitFor({ timeout: 30_000 })
    expect(await pane.locator('main aside').textContent()).not.toContain(other.name)

    const field = admin.locator('#field-deputies')
    await field.click()
    await admin.keyboard.type(other.name, { delay: 15 })
    await admin.locator('.rs__option', { hasText: other.name }).first().click()
    const ms = await shownAfter(pane, 'main aside li', other.name)
    console.log(`live preview: a newly chosen deputy shown ${ms} ms after choosing`)
  })

  it('opened by anyone else, the preview page is an empty shell that shows no draft', async () => {
    const { docs } = await cms.payload.find({
      collection: 'news',
      where: { title: { equals: '预览测试：原来的标题' } },
      draft: true,
    })
    const page = await chromium.browser.newPage()
    const res = await page.goto(`${site.url}/preview/?collection=news&id=${docs[0].id}`)
    expect(res?.headers()['cache-control']).toContain('no-store')
    await page.waitForTimeout(500)
    const text = await page.locator('main').textContent()
    expect(text).toContain('仅供编辑预览')
    expect(text).not.toContain('预览测试')
    expect(await page.content()).not.toContain('原来的第一段')
    await page.close()
  })
})
