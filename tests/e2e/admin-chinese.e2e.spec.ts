import path from 'node:path'

import type { Page } from 'playwright-core'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import * as content from '../../content/index.ts'
import { ROOT } from '../../cms/paths.ts'
import { seed } from '../../cms/seed/index.ts'
import { buildAdminIfNeeded } from '../../scripts/lib/admin-build.ts'
import { startCmsServer, type CmsServer } from '../../scripts/lib/cms-server.ts'
import { addFirstRow, openAdminPage } from '../helpers/admin-ui.ts'
import { useBrowser } from '../helpers/browser-site.ts'
import { makeUser, openThrowawayCms, type ThrowawayCms } from '../helpers/cms.ts'
import { freePort } from '../helpers/ports.ts'

/**
 * The admin as a Chinese editor meets it (issue 14): the built admin (`next start`) in Chromium on a
 * seeded throwaway CMS. Every page an editor opens and every toast shown during an upload, a message's
 * handling and a failed save is scanned for English, and the deputy picker must tell the two 张伟 apart.
 */

let cms: ThrowawayCms
let server: CmsServer
const chromium = useBrowser()
let admin: Page
let login: Awaited<ReturnType<typeof makeUser>>
/** Every piece of English found, with where it was seen. */
const english: string[] = []

/**
 * The allowed exceptions: what may stay in Latin letters, and why. Data the editor typed or uploaded
 * (their e-mail address, file names, tracking codes, deputy codes, a slug given as an example); the
 * details Payload prints under an uploaded file (24KB — 1600x1000 — image/png); the internal names
 * Payload gives its drawers (doc-drawer_media_1_…, media-bulk-upload-drawer-slug-1); the keyboard
 * shortcut of the notifications (alt+T); names of formats,
 * units and acronyms that are written so in Chinese too (CSV, MP4, KB, ICP 备案号, ID, API). Anything
 * else in Latin letters is English UI and fails the test.
 */
const ALLOWED_PATTERNS = [
  /[\w.+-]+@[\w-]+(\.[\w-]+)+/g, // e-mail addresses (the editor's own, in the account menu)
  /https?:\/\/\S*/g,
  /[\w\u4e00-\u9fff.-]+\.(png|jpe?g|webp|gif|avif|mp4|webm|csv|xlsx)\b/gi, // file names
  /\b[A-Z2-9]{5}-[A-Z2-9]{5}\b/g, // tracking codes
  /\bSAMP[A-Z0-9-]*/g, // the sample messages' codes
  /\b[A-Z]{1,4}\d*(-[A-Z0-9]+)+\b/g, // deputy codes such as QS-S-001
  /\b[a-z]+(-[a-z]+)+\b/g, // slugs (例如 kuishan-station)
  /\b\d+(\.\d+)?\s?[kKMG]B\b/g, // file sizes as Payload prints them under an upload
  /\b\d+x\d+\b/g, // pixel sizes
  /\b(image|video)\/[\w.+-]+/g, // MIME types under an upload
  /\S*drawer\S*/g, // Payload's internal drawer names
  /\balt\+\w\b/gi, // a keyboard shortcut (通知 alt+T)
]
const ALLOWED_WORDS = new Set([
  'ID',
  'API',
  'ICP',
  'WebM',
  'CSV',
  'Excel',
  'WPS',
  'UTF',
  'GBK',
  'JPEG',
  'JPG',
  'PNG',
  'WEBP',
  'WebP',
  'GIF',
  'AVIF',
  'MP4',
  'WEBM',
  'KB',
  'MB',
  'GB',
])

/** The Latin words on the page that are not in the allowed list. */
function englishIn(texts: string[]): string[] {
  const found = new Set<string>()
  for (const text of texts) {
    let rest = text
    for (const pattern of ALLOWED_PATTERNS) rest = rest.replace(pattern, ' ')
    const words = rest.match(/[A-Za-z][A-Za-z0-9]+/g) ?? []
    if (words.some((w) => !ALLOWED_WORDS.has(w))) found.add(text.slice(0, 120))
  }
  return [...found]
}

/** The visible text, and the labels a screen reader reads, of the current page. */
async function pageTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = []
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    while (walker.nextNode()) {
      const node = walker.currentNode
      const el = node.parentElement
      if (!el || el.closest('script, style, noscript, template')) continue
      const style = getComputedStyle(el)
      if (style.display === 'none' || style.visibility === 'hidden') continue
      const text = node.textContent?.trim()
      if (text) texts.push(text)
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], img[alt]')) {
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = el.getAttribute(name)?.trim()
        if (value) texts.push(value)
      }
    }
    return texts
  })
}

/** Scans the page (and the toasts seen so far) and records what is English, by page. */
async function scan(page: Page, where: string): Promise<void> {
  for (const text of englishIn([...(await pageTexts(page)), ...(await toasts(page))]))
    english.push(`${where}: ${text}`)
}

/** Every toast shown since the page was opened (recorded by the init script below, across navigations). */
const toasts = (page: Page) =>
  page.evaluate(() => JSON.parse(sessionStorage.getItem('seen-toasts') ?? '[]') as string[])

async function open(pathname: string) {
  await admin.goto(`${server.url}${pathname}`)
  await admin.waitForLoadState('networkidle')
}

beforeAll(async () => {
  cms = await openThrowawayCms()
  await seed(cms.payload, { data: { ...content, news: content.news.slice(0, 2), lectures: [] } })
  login = await makeUser(cms.payload, 'editor')
  await buildAdminIfNeeded(() => {})
  server = await startCmsServer({
    port: await freePort(),
    env: { DATA_DIR: cms.dataDir, DATABASE_URI: cms.databaseUri, PAYLOAD_SECRET: process.env.PAYLOAD_SECRET },
  })
  admin = await openAdminPage(chromium.browser, { locale: 'en-US' })
  await admin.addInitScript(() => {
    const key = 'seen-toasts'
    const record = () => {
      const seen = JSON.parse(sessionStorage.getItem(key) ?? '[]') as string[]
      for (const toast of document.querySelectorAll('[data-sonner-toast]')) {
        const text = toast.textContent?.trim()
        if (text && !seen.includes(text)) seen.push(text)
      }
      sessionStorage.setItem(key, JSON.stringify(seen))
    }
    new MutationObserver(record).observe(document, { subtree: true, childList: true, characterData: true })
  })
  await admin.goto(`${server.url}/admin/login`)
  await scan(admin, 'login')
  await admin.fill('#field-email', login.email)
  await admin.fill('#field-password', login.password)
  await admin.click('button[type="submit"]')
  await admin.waitForURL(/\/admin\/?$/)
})

afterAll(async () => {
  await server?.stop()
  await cms?.close()
})

describe('the admin in Chinese, for an English browser too', { timeout: 240_000 }, () => {
  it('the pages an editor opens have no English', async () => {
    await open('/admin')
    await scan(admin, 'dashboard')
    for (const collection of ['news', 'lectures', 'cases', 'deputies', 'stations', 'messages', 'media']) {
      await open(`/admin/collections/${collection}`)
      await scan(admin, `${collection} list`)
      await open(`/admin/collections/${collection}/create`)
      await scan(admin, `${collection} create`)
    }
    await open('/admin/globals/site')
    await scan(admin, 'site settings')
    await open('/admin/account')
    await scan(admin, 'account')
  })

  it('the rich-text editor’s handles are labelled in Chinese', async () => {
    await open('/admin/collections/news/create')
    const editor = admin.locator('[data-lexical-editor="true"]').first()
    await editor.click()
    await admin.keyboard.type('第一段。')
    await admin.keyboard.press('Enter')
    await admin.keyboard.type('第二段。')
    await editor.locator('p').first().hover()
    const handle = admin.locator('button.add-block-menu, button.draggable-block-menu').first()
    await handle.waitFor({ state: 'attached', timeout: 10_000 })
    const labels = await admin
      .locator('button.add-block-menu, button.draggable-block-menu')
      .evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')))
    expect(labels).toEqual(expect.arrayContaining(['添加块', '拖动以移动']))
    await scan(admin, 'news editor')
  })

  it('uploading a picture: the toast is Chinese; the media list shows 文件类型 and readable sizes', async () => {
    await open('/admin/collections/news/create')
    const picture = path.join(cms.dataDir, 'yiqiting.png')
    await sharp({ create: { width: 1600, height: 1000, channels: 3, background: '#c8a25a' } })
      .png()
      .toFile(picture)
    await admin.locator('.field-type.upload').first().getByRole('button', { name: '创建新条目' }).click()
    const drawer = admin.locator('.drawer--is-open, [class*="drawer"][class*="open"]').last()
    await drawer.locator('input[type="file"]').setInputFiles(picture)
    await drawer.locator('#field-alt').fill('社区议事厅里摆好的桌椅')
    await scan(admin, 'upload drawer')
    await drawer.getByRole('button', { name: '保存' }).click()
    await expect
      .poll(() => admin.locator('.field-type.upload').first().textContent(), { timeout: 30_000 })
      .toContain('yiqiting')
    await scan(admin, 'after upload')

    // Several pictures at once: the media list's 批量上传.
    await open('/admin/collections/media')
    await admin.getByRole('button', { name: '批量上传' }).first().click()
    const bulk = admin.locator('.drawer--is-open, [class*="drawer"][class*="open"]').last()
    const second = path.join(cms.dataDir, 'huiyishi.png')
    await sharp({ create: { width: 900, height: 600, channels: 3, background: '#5a8ac8' } })
      .png()
      .toFile(second)
    await bulk.locator('input[type="file"]').first().setInputFiles(second)
    await bulk.locator('#field-alt').fill('会议室的长桌')
    await scan(admin, 'bulk upload')
    await bulk.getByRole('button', { name: '保存', exact: true }).click()
    await expect
      .poll(() => toasts(admin), { timeout: 30_000 })
      .toContainEqual(expect.stringMatching(/已保存 1 个文件/))
    await scan(admin, 'after bulk upload')

    await open('/admin/collections/media')
    const headers = await admin.locator('table thead th').allTextContents()
    expect(headers.join(' ')).toContain('文件类型')
    expect(headers.join(' ')).toContain('文件大小')
    const cells = await admin.locator('table tbody tr').first().locator('td').allTextContents()
    expect(cells.join(' ')).toMatch(/\d+(\.\d)? (KB|MB|字节)/)
    expect(cells.join(' ')).toMatch(/(PNG|JPEG|WEBP) 图片/)
    await scan(admin, 'media list')
  })

  it('the deputy picker tells the two 张伟 apart', async () => {
    await open('/admin/collections/cases/create')
    await admin.locator('#field-deputies .rs__control').click()
    await admin.keyboard.type('张伟')
    await expect
      .poll(() => admin.locator('.rs__option').allTextContents(), { timeout: 15_000 })
      .toEqual(expect.arrayContaining(['张伟（奎山街道 · 区人大代表）', '张伟（金山街道 · 区人大代表）']))
    await admin.keyboard.press('Escape')
    await scan(admin, 'case deputy picker')
  })

  it('handling a message: a refused save names the field in Chinese; the resident’s text is read-only', async () => {
    const { docs } = await cms.payload.find({
      collection: 'messages',
      where: { status: { equals: 'received' } },
      limit: 1,
    })
    await open(`/admin/collections/messages/${docs[0].id}`)
    // Once the form is ready (notes editable), the resident's text is still not.
    await expect.poll(() => admin.locator('#field-notes').isEditable(), { timeout: 15_000 }).toBe(true)
    expect(await admin.locator('#field-body').isEditable()).toBe(false)
    expect(await admin.locator('#field-body').inputValue()).toBe(docs[0].body)
    await scan(admin, 'message')
    await admin.getByRole('button', { name: '办理', exact: true }).click()
    await addFirstRow(admin, { array: 'replies', button: '添加 答复', firstField: '#field-replies__0__text' })
    await admin.locator('#field-replies__0__text').fill('请回电 139 1234 5678')
    await admin.locator('#action-save').click()
    await expect
      .poll(() => toasts(admin), { timeout: 15_000 })
      .toContainEqual(expect.stringMatching(/答复 1 > 答复内容/))
    await scan(admin, 'message refused')
    await admin.locator('#field-replies__0__text').fill('已转交物业处理。')
    await admin.locator('#field-status .rs__control').click()
    await admin.locator('.rs__option', { hasText: '已办结' }).first().click()
    await admin.locator('#action-save').click()
    await admin.getByText('更新成功').first().waitFor({ timeout: 30_000 })
    await scan(admin, 'message saved')
    const saved = await cms.payload.findByID({ collection: 'messages', id: docs[0].id })
    expect(saved.timeline?.filter((t) => t.skipped).map((t) => t.status)).toEqual(['assigned', 'processing'])
  })

  it('the shipped sample CSV imports from the admin as shipped; the template is a download', async () => {
    await open('/admin/collections/deputies')
    await admin.getByText('批量导入代表（CSV / Excel）').click()
    const panel = admin.locator('details', { hasText: '批量导入代表' })
    const download = admin.waitForEvent('download')
    await panel.getByRole('link', { name: '下载导入模板（CSV）' }).click()
    expect((await download).suggestedFilename()).toBe('代表导入模板.csv')
    await panel
      .locator('input[type="file"]:not([multiple])')
      .setInputFiles(path.join(ROOT, 'content', 'deputies-sample-262.csv'))
    await panel.getByRole('button', { name: '导入', exact: true }).click()
    await expect
      .poll(() => panel.locator('[role="status"] li').allTextContents(), { timeout: 60_000 })
      .toContainEqual(expect.stringMatching(/^导入完成：共 262 行，新增 262 位/))
    const lines = await panel.locator('[role="status"] li').allTextContents()
    expect(lines.filter((l) => /^提示：第 \d+ 行「照片」：没有找到照片/.test(l))).toHaveLength(6)
    await scan(admin, 'deputy import')
    expect(
      (await cms.payload.count({ collection: 'deputies', where: { code: { like: 'QS-S-' } } })).totalDocs,
    ).toBe(262)
  })

  it('found no English anywhere', () => {
    console.log(`admin pages and toasts scanned; English found: ${english.length}\n${english.join('\n')}`)
    expect(english).toEqual([])
  })
})
