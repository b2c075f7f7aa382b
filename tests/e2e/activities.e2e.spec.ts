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
 * 活动预约 in Chromium: a resident finds the coming reception day on a station page, books a place,
 * gets a code and cancels it; the editor marks another resident's attendance and publishes the record
 * in the admin; after the rebuild the activity page shows the record and the deputy's page lists the
 * activity. The real CMS server and a site built to post to it, on a throwaway database.
 */

let cms: ThrowawayCms
let cmsServer: CmsServer
let site: SiteServer
const chromium = useBrowser()
let live = ''
let editorLogin: { email: string; password: string }
let buildEnv: Record<string, string>
const outDirs: string[] = []
const SLUG = 'kuishan-reception-winter'

async function build(): Promise<string> {
  const outDir = scratchDir('minhu-activities-dist-')
  outDirs.push(outDir)
  await buildSite({ outDir, env: buildEnv })
  return outDir
}

beforeAll(async () => {
  cms = await openThrowawayCms()
  await seed(cms.payload, { data: { ...content, news: [], lectures: [], messages: [] } })
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

describe('活动预约 in the browser', () => {
  it(
    'book from a station page → code → cancel; editor marks attendance and publishes the record → pages show it',
    { timeout: 420_000 },
    async () => {
      const page = await chromium.browser.newPage({ viewport: { width: 375, height: 800 } })
      await page.goto(`${site.url}/stations/kuishan-station/`)
      const upcoming = page.locator('.upcoming-activities')
      await expect(upcoming.textContent()).resolves.toContain('剩余名额 12 个')
      await upcoming.getByRole('link', { name: /冬季供暖/ }).click()
      await page.waitForURL(new RegExp(`/activities/${SLUG}/$`))
      // The live number comes from the CMS.
      await page.locator('[data-places]').filter({ hasText: '剩余名额 12 个' }).waitFor({ timeout: 15_000 })

      // A first try with a wrong phone: the error beside the field, what was typed kept.
      await page.getByLabel('姓名或称呼').fill('测试居民')
      await page.getByLabel('手机号').fill('12345')
      await page.getByLabel('想反映的问题').fill('示例测试：小区暖气片不热')
      await page.getByRole('button', { name: '预约' }).click()
      await page.locator('#b-phone-error', { hasText: '11 位手机号' }).waitFor({ timeout: 15_000 })
      await expect(page.locator('#b-name').inputValue()).resolves.toBe('测试居民')
      await page.getByLabel('手机号').fill('13912345678')
      await page.getByRole('button', { name: '预约' }).click()
      const code = (await page.locator('[data-booking-code]').textContent({ timeout: 15_000 }))!.trim()
      expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/)
      const booked = await cms.payload.find({
        collection: 'bookings',
        where: { code: { equals: code } },
        overrideAccess: true,
      })
      expect(booked.docs[0]).toMatchObject({ name: '测试居民', phone: '13912345678', status: 'booked' })

      // The resident cancels with the code and the phone.
      await page.getByRole('link', { name: '取消预约' }).first().click()
      await page.waitForURL(/\/activities\/cancel\/$/)
      await page.getByLabel('预约码').fill(code)
      await page.getByLabel('手机号').fill('13912345678')
      await page.getByRole('button', { name: '取消预约' }).click()
      await page.getByText('预约已取消').waitFor({ timeout: 15_000 })
      const cancelled = await cms.payload.findByID({
        collection: 'bookings',
        id: booked.docs[0].id,
        overrideAccess: true,
      })
      expect(cancelled.status).toBe('cancelled')

      // Another resident books (without the page's script: the CMS answers with its page).
      const other = await fetch(`${cmsServer.url}/api/bookings/submit`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ activity: SLUG, name: '另一位居民', phone: '13912345670' }).toString(),
      })
      expect(other.status).toBe(201)
      const otherBooking = (
        await cms.payload.find({
          collection: 'bookings',
          where: { phone: { equals: '13912345670' } },
          overrideAccess: true,
        })
      ).docs[0]

      // A deputy joins the activity (through the API, as another editor would).
      const login = await fetch(`${cmsServer.url}/api/users/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(editorLogin),
      })
      const token = ((await login.json()) as { token: string }).token
      const activity = (
        await cms.payload.find({ collection: 'activities', where: { slug: { equals: SLUG } }, depth: 0 })
      ).docs[0]
      const chenLi = (
        await cms.payload.find({ collection: 'deputies', where: { slug: { equals: 'chen-li' } }, depth: 0 })
      ).docs[0]
      const joined = await fetch(`${cmsServer.url}/api/activities/${activity.id}`, {
        method: 'PATCH',
        headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          deputies: [...(activity.deputies as number[]), chenLi.id],
          _status: 'published',
        }),
      })
      expect(joined.status).toBe(200)

      // The editor marks attendance and publishes the record in the admin.
      const admin = await chromium.browser.newPage({ viewport: { width: 1280, height: 900 } })
      await admin.goto(`${cmsServer.url}/admin/login`)
      await admin.locator('#field-email').fill(editorLogin.email)
      await admin.locator('#field-password').fill(editorLogin.password)
      await admin.locator('button[type="submit"]').click()
      await admin.waitForURL((url) => !url.pathname.includes('/login'), { timeout: 60_000 })
      await admin.goto(`${cmsServer.url}/admin/collections/bookings/${otherBooking.id}`)
      await admin.locator('#field-status .rs__control').click({ timeout: 60_000 })
      await admin
        .locator('.rs__option', { hasText: /^已到场$/ })
        .first()
        .click()
      await admin.locator('#action-save').click()
      await admin.getByText(/成功/).first().waitFor({ timeout: 30_000 })
      expect(
        (await cms.payload.findByID({ collection: 'bookings', id: otherBooking.id, overrideAccess: true }))
          .status,
      ).toBe('attended')

      await admin.goto(`${cmsServer.url}/admin/collections/activities/${activity.id}`)
      await admin.getByRole('button', { name: '活动记录', exact: true }).click({ timeout: 60_000 })
      await admin.locator('#field-attendance').fill('9')
      const agreed = '示例测试：请物业三天内排查暖气管道，代表一周后回访。'
      await admin.locator('#field-agreed').fill(agreed)
      await admin.locator('#action-save').click()
      await admin.getByText(/成功/).first().waitFor({ timeout: 30_000 })
      await admin.close()

      expect((await rebuildRequests(cms.payload)).map((r) => r.source)).toContain('activities')
      live = await build()

      await page.goto(`${site.url}/activities/${SLUG}/`)
      const record = page.locator('#record')
      await expect(record.textContent()).resolves.toContain('到场群众 9 人')
      await expect(record.textContent()).resolves.toContain(agreed)
      await expect(page.locator('[data-places]').textContent()).resolves.toContain('剩余名额 11 个')
      const pageText = await page.content()
      for (const secret of ['测试居民', '另一位居民', '13912345670', '暖气片不热'])
        expect(pageText).not.toContain(secret)

      await page.goto(`${site.url}/deputies/chen-li/`)
      await page
        .locator('.upcoming-activities')
        .getByRole('link', { name: /冬季供暖/ })
        .waitFor({ timeout: 15_000 })
      await page.close()
    },
  )
})
