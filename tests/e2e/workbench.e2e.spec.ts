import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { toLexical } from '../../cms/seed/lexical.ts'
import { buildAdminIfNeeded } from '../../scripts/lib/admin-build.ts'
import { startCmsServer, type CmsServer } from '../../scripts/lib/cms-server.ts'
import { useBrowser } from '../helpers/browser-site.ts'
import { makeUser, openThrowawayCms, type ThrowawayCms } from '../helpers/cms.ts'
import { freePort } from '../helpers/ports.ts'

/**
 * 工作台 as an editor meets it after logging in: the built admin in Chromium, on a throwaway CMS holding
 * one draft of theirs and one of a reviewer's.
 */

let cms: ThrowawayCms
let server: CmsServer
const chromium = useBrowser()
let admin: Page
let login: Awaited<ReturnType<typeof makeUser>>

beforeAll(async () => {
  cms = await openThrowawayCms()
  await cms.payload.updateGlobal({
    slug: 'site',
    data: { siteName: '测试网站', organizer: '测试单位' },
    overrideAccess: true,
  })
  login = await makeUser(cms.payload, 'editor')
  const reviewer = await makeUser(cms.payload, 'reviewer')
  for (const [title, user] of [
    ['编辑写了一半的新闻', login.user],
    ['审核员的草稿', reviewer.user],
  ] as const)
    await cms.payload.create({
      collection: 'news',
      data: { title, category: 'news', body: toLexical(['正文']), publishedAt: new Date().toISOString() },
      draft: true,
      overrideAccess: false,
      user,
    })
  const port = await freePort()
  await buildAdminIfNeeded(() => {})
  server = await startCmsServer({
    port,
    env: {
      DATA_DIR: cms.dataDir,
      DATABASE_URI: cms.databaseUri,
      PAYLOAD_SECRET: process.env.PAYLOAD_SECRET,
      SITE_URL: 'http://127.0.0.1:1',
    },
  })
  admin = await chromium.browser.newPage()
})

afterAll(async () => {
  await server?.stop()
  await cms?.close()
})

describe('工作台', () => {
  it('is the first thing an editor sees after logging in, with 我的草稿 linking to their draft', async () => {
    await admin.goto(`${server.url}/admin/login`)
    await admin.fill('#field-email', login.email)
    await admin.fill('#field-password', login.password)
    await admin.click('button[type="submit"]')
    await admin.waitForURL(/\/admin\/?$/)
    const workbench = admin.locator('section[data-workbench="root"]')
    await workbench.waitFor()
    expect(await workbench.locator('h2').textContent()).toBe('工作台')
    const drafts = workbench.locator('section[data-workbench="drafts"]')
    expect(await drafts.locator('h3').textContent()).toContain('我的草稿')
    const links = drafts.locator('li a')
    expect(await links.allTextContents()).toEqual(['编辑写了一半的新闻'])
    expect(await workbench.textContent()).not.toContain('待我审核')
    // It comes before the collection cards and the 网站更新状态 table.
    const order = await admin.evaluate(() => {
      const wb = document.querySelector('[data-workbench="root"]')!
      const builds = document.getElementById('site-builds')!
      return wb.compareDocumentPosition(builds) & Node.DOCUMENT_POSITION_FOLLOWING
    })
    expect(order).toBeTruthy()
    await links.first().click()
    await admin.waitForURL(/\/admin\/collections\/news\/\d+$/)
    expect(await admin.inputValue('#field-title')).toBe('编辑写了一半的新闻')
  })
})
