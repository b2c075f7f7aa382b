import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import * as content from '../../content/index.ts'
import { seed } from '../../cms/seed/index.ts'
import { buildAdminIfNeeded } from '../../scripts/lib/admin-build.ts'
import { startCmsServer, type CmsServer } from '../../scripts/lib/cms-server.ts'
import { useBrowser } from '../helpers/browser-site.ts'
import { makeUser, openThrowawayCms, type ThrowawayCms } from '../helpers/cms.ts'
import { freePort } from '../helpers/ports.ts'

/**
 * 回收站, 版本 and 重定向 as an editor meets them in the built admin (issue 19): the list says what the trash
 * and versions do, the version compare view and the trash read Chinese.
 */
let cms: ThrowawayCms
let server: CmsServer
const chromium = useBrowser()
let admin: Page
let newsId: number | string

const text = () => admin.evaluate(() => document.body.innerText)
async function open(pathname: string) {
  await admin.goto(`${server.url}${pathname}`)
  await admin.waitForLoadState('networkidle')
}

beforeAll(async () => {
  cms = await openThrowawayCms()
  await seed(cms.payload, {
    data: {
      ...content,
      news: content.news.slice(0, 2),
      lectures: [],
      cases: [],
      activities: [],
      messages: [],
    },
  })
  const login = await makeUser(cms.payload, 'editor')
  const news = (await cms.payload.find({ collection: 'news', limit: 1, overrideAccess: true })).docs[0]
  newsId = news.id
  // A second version with a changed title, to compare.
  await cms.payload.update({
    collection: 'news',
    id: newsId,
    data: { title: `${news.title}（修订）`, _status: 'published' },
    overrideAccess: true,
  })
  await buildAdminIfNeeded(() => {})
  server = await startCmsServer({
    port: await freePort(),
    env: { DATA_DIR: cms.dataDir, DATABASE_URI: cms.databaseUri, PAYLOAD_SECRET: process.env.PAYLOAD_SECRET },
  })
  admin = await chromium.browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'en-US' })
  await admin.goto(`${server.url}/admin/login`)
  await admin.fill('#field-email', login.email)
  await admin.fill('#field-password', login.password)
  await admin.click('button[type="submit"]')
  await admin.waitForURL(/\/admin\/?$/)
}, 900_000) // the admin build, when its sources changed

afterAll(async () => {
  await server?.stop()
  await cms?.close()
})

describe('回收站 and 版本 in the admin', { timeout: 240_000 }, () => {
  it('the news list explains the trash and the versions', async () => {
    await open('/admin/collections/news')
    const page = await text()
    expect(page).toContain('回收站：删除的内容先移入回收站')
    expect(page).toContain('可以对比任意两个版本的差别')
  })

  it('the version compare view reads Chinese', async () => {
    const versions = await cms.payload.findVersions({
      collection: 'news',
      where: { parent: { equals: newsId } },
      sort: '-updatedAt',
      overrideAccess: true,
    })
    await open(`/admin/collections/news/${newsId}/versions/${versions.docs[0].id}`)
    const page = await text()
    expect(page).toContain('（修订）')
    expect(page).toMatch(/对比|比较/)
    expect(page).toContain('恢复')
    await admin.screenshot({ path: 'tmp/version-compare.png', fullPage: false })
  })

  it('a trashed item is listed in 回收站 (not 垃圾箱)', async () => {
    await cms.payload.update({
      collection: 'news',
      id: newsId,
      data: { deletedAt: new Date().toISOString() },
      overrideAccess: true,
    })
    await open('/admin/collections/news/trash')
    const page = await text()
    expect(page).toContain('回收站')
    expect(page).not.toContain('垃圾箱')
    await admin.screenshot({ path: 'tmp/trash.png', fullPage: false })
  })
})
