import fs from 'node:fs'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import * as content from '../../content/index.ts'
import { seed } from '../../cms/seed/index.ts'
import { scratchDir } from '../../cms/paths.ts'
import { buildAdminIfNeeded } from '../../scripts/lib/admin-build.ts'
import { startCmsServer, type CmsServer } from '../../scripts/lib/cms-server.ts'
import { buildSite } from '../../scripts/lib/site-build.ts'
import { serveSite, type SiteServer } from '../../scripts/lib/site-server.ts'
import { manifestPathOf } from '../../site/index.ts'
import { useBrowser } from '../helpers/browser-site.ts'
import { allowSelfPublishing, makeUser, openThrowawayCms, type ThrowawayCms } from '../helpers/cms.ts'
import { freePort } from '../helpers/ports.ts'
import { rebuildRequests } from '../helpers/rebuild.ts'

/**
 * The whole 意见征集 loop in Chromium: a resident comments on article 3 of the open sample consultation
 * and gets a receipt; the editor marks the opinion 采纳 with a reason in the admin, and once the
 * consultation has closed writes the report and publishes the feedback; after the rebuild the
 * consultation page and the ledger show it, and the receipt page shows the answer. The real CMS server
 * and a site built to post to it, on a throwaway database.
 */

let cms: ThrowawayCms
let cmsServer: CmsServer
let site: SiteServer
const chromium = useBrowser()
let live = ''
let editorLogin: { email: string; password: string }
let buildEnv: Record<string, string>
const outDirs: string[] = []
const SLUG = 'ebike-charging-regulation-draft'

async function build(): Promise<string> {
  const outDir = scratchDir('minhu-consultations-dist-')
  outDirs.push(outDir)
  await buildSite({ outDir, env: buildEnv })
  return outDir
}

beforeAll(async () => {
  cms = await openThrowawayCms()
  await seed(cms.payload, {
    data: { ...content, news: [], lectures: [], cases: [], messages: [], activities: [] },
  })
  // Publishes through the API: a reviewer, with 双人审核 off (who may publish is review.int's subject).
  editorLogin = await makeUser(cms.payload, 'reviewer')
  await allowSelfPublishing(cms.payload)
  const sitePort = await freePort()
  await buildAdminIfNeeded(() => {})
  const baseEnv = {
    DATABASE_URI: cms.databaseUri,
    DATA_DIR: cms.dataDir,
    PAYLOAD_SECRET: process.env.PAYLOAD_SECRET!,
    SITE_URL: `http://127.0.0.1:${sitePort}`,
  }
  cmsServer = await startCmsServer({ port: await freePort(), env: baseEnv })
  buildEnv = { ...baseEnv, PUBLIC_CMS_URL: cmsServer.url }
  live = await build()
  site = await serveSite({ root: () => live, port: sitePort, cmsUrl: cmsServer.url })
})

afterAll(async () => {
  await site?.close()
  await cmsServer?.stop()
  for (const dir of outDirs)
    for (const p of [dir, manifestPathOf(dir)]) fs.rmSync(p, { recursive: true, force: true })
  await cms?.close()
})

describe('意见征集 in the browser', () => {
  it(
    'comment on article 3 → receipt → editor adopts it and publishes the feedback → page, ledger and receipt show it',
    { timeout: 420_000 },
    async () => {
      const page = await chromium.browser.newPage({ viewport: { width: 375, height: 800 } })
      await page.goto(`${site.url}/consultations/`)
      await page
        .getByRole('link', { name: /电动自行车停放充电管理条例/ })
        .first()
        .click()
      await page.waitForURL(new RegExp(`/consultations/${SLUG}/$`))
      const article = page.locator('#art-3')
      await expect(article.locator('.article-label').textContent()).resolves.toBe('第三条')
      await article.getByText('对本条提意见').click()
      const body = '示例测试：建议第三条写明老小区没有充电设施前，先由社区提供临时集中充电点。'
      // A first try too short: the CMS's page says so beside the field and keeps what was typed.
      await article.getByLabel('对第三条的意见或建议').fill('太短了')
      await article.getByLabel('姓名或称呼').fill('测试居民')
      await article.getByLabel('联系电话').fill('13912345678')
      await article.getByLabel('所在街道').selectOption({ label: '奎山街道' })
      // The browser's own check (required, minlength) is not what is tested: the server's is.
      await page.evaluate(() => document.querySelectorAll('form').forEach((f) => (f.noValidate = true)))
      await article.getByRole('button', { name: '提交意见' }).click()
      await page.waitForURL(`${cmsServer.url}/api/opinions/submit`)
      await expect(page.locator('#o-art-3-body-error').textContent()).resolves.toContain('至少 10 个字')
      await expect(page.locator('#o-art-3-name').inputValue()).resolves.toBe('测试居民')
      await expect(page.locator('#o-art-3-street').inputValue()).resolves.toBe('kuishan')
      await page.locator('#o-art-3-body').fill(body)
      await page.getByRole('button', { name: '提交意见' }).click()
      const code = (await page.locator('.receipt .code').textContent({ timeout: 15_000 }))!.trim()
      expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/)
      await expect(page.locator('.receipt').textContent()).resolves.toContain('第三条')

      await page.getByRole('link', { name: '查询意见处理结果' }).click()
      await page.waitForURL(/\/consultations\/receipt\/\?code=/)
      const receipt = page.locator('#receipt-result .tracking')
      await receipt.waitFor({ timeout: 15_000 })
      await expect(receipt.textContent()).resolves.toContain('意见正在研究中')
      for (const secret of ['测试居民', '13912345678', body])
        expect(await receipt.textContent()).not.toContain(secret)

      // The editor decides the opinion in the admin.
      const admin = await chromium.browser.newPage({ viewport: { width: 1280, height: 900 } })
      await admin.goto(`${cmsServer.url}/admin/login`)
      await admin.locator('#field-email').fill(editorLogin.email)
      await admin.locator('#field-password').fill(editorLogin.password)
      await admin.locator('button[type="submit"]').click()
      await admin.waitForURL((url) => !url.pathname.includes('/login'), { timeout: 60_000 })
      // The list shows the new opinion; its edit view is opened by its id (soft navigation has no load).
      await admin.goto(`${cmsServer.url}/admin/collections/opinions`)
      await admin.getByRole('link', { name: code }).waitFor({ timeout: 60_000 })
      const opinionId = (
        await cms.payload.find({
          collection: 'opinions',
          where: { code: { equals: code } },
          overrideAccess: true,
        })
      ).docs[0].id
      await admin.goto(`${cmsServer.url}/admin/collections/opinions/${opinionId}`)
      await admin.locator('#field-outcome .rs__control').click({ timeout: 60_000 })
      await admin
        .locator('.rs__option', { hasText: /^采纳$/ })
        .first()
        .click()
      const reason = '示例测试：已在第三条增加“社区提供临时集中充电点”的规定。'
      await admin.locator('#field-reason').fill(reason)
      await admin.locator('#action-save').click()
      await admin.getByText('更新成功').first().waitFor({ timeout: 30_000 })

      // Time passes: the consultation closes (its closing time moved to a minute ago through the API).
      const login = await fetch(`${cmsServer.url}/api/users/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(editorLogin),
      })
      const token = ((await login.json()) as { token: string }).token
      const found = (await (
        await fetch(`${cmsServer.url}/api/consultations?where[slug][equals]=${SLUG}&depth=0`, {
          headers: { authorization: `JWT ${token}` },
        })
      ).json()) as { docs: { id: number }[] }
      const id = found.docs[0].id
      const closed = await fetch(`${cmsServer.url}/api/consultations/${id}`, {
        method: 'PATCH',
        headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ closesAt: new Date(Date.now() - 60_000).toISOString(), _status: 'published' }),
      })
      expect(closed.status).toBe(200)

      // The editor writes the report and publishes the feedback.
      await admin.goto(`${cmsServer.url}/admin/collections/consultations/${id}`)
      await admin.getByRole('button', { name: '反馈', exact: true }).click({ timeout: 60_000 })
      await expect(
        admin.getByText(/意见汇总：共 \d+ 条/).textContent({ timeout: 30_000 }),
      ).resolves.toContain('共 2 条')
      const report = '示例测试：共收到意见 2 条，采纳 1 条，第三条已增加临时集中充电点的规定。'
      await admin.locator('#field-feedbackReport').fill(report)
      await admin.locator('#field-feedbackPublished').check()
      await admin.locator('#action-save').click()
      await admin.getByText(/成功/).first().waitFor({ timeout: 30_000 })
      await admin.close()

      expect((await rebuildRequests(cms.payload)).map((r) => r.source)).toContain('consultations')
      live = await build()

      await page.goto(`${site.url}/consultations/${SLUG}/`)
      const feedback = page.locator('#art-3 .article-feedback')
      await expect(feedback.textContent()).resolves.toContain('本条收到意见 2 条，采纳 1 条')
      await expect(feedback.textContent()).resolves.toContain(reason)
      await expect(page.locator('#feedback').textContent()).resolves.toContain(report)
      expect(await page.locator('form.opinion-form').count()).toBe(0)
      const pageText = (await page.content())!
      for (const secret of ['测试居民', '13912345678']) expect(pageText).not.toContain(secret)

      await page.goto(`${site.url}/consultations/feedback/`)
      const row = page.locator('table.ledger tbody tr', { hasText: '电动自行车' })
      await expect(row.locator('td').allTextContents()).resolves.toEqual(['立法征集', '2', '1', '0', '50%'])

      await page.goto(`${site.url}/consultations/receipt/?code=${code}`)
      await receipt.waitFor({ timeout: 15_000 })
      await expect(receipt.locator('.outcome').textContent()).resolves.toBe('采纳')
      await expect(receipt.textContent()).resolves.toContain(reason)
      await page.close()
    },
  )
})
