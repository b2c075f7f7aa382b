import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { VERIFIED_NOTE } from '../../cms/collections/Messages/hooks.ts'
import { buildAdminIfNeeded } from '../../scripts/lib/admin-build.ts'
import { startCmsServer, type CmsServer } from '../../scripts/lib/cms-server.ts'
import { useBrowser } from '../helpers/browser-site.ts'
import { makeUser, openThrowawayCms, type ThrowawayCms } from '../helpers/cms.ts'
import { freePort } from '../helpers/ports.ts'

/**
 * Security issue 11, finding 4, as an editor meets it in the built admin: messages held as 待核实 after a
 * flood are counted apart above the list, badged in it, and confirmed with one button and 保存.
 */

let cms: ThrowawayCms
let server: CmsServer
const chromium = useBrowser()
let page: Page
let editor: Awaited<ReturnType<typeof makeUser>>
const ids: number[] = []

beforeAll(async () => {
  cms = await openThrowawayCms()
  editor = await makeUser(cms.payload, 'editor')
  // As the submit endpoint stores them beyond MESSAGE_LIMIT_ALL (the endpoint itself is covered by
  // backstop.int.spec.ts): three held, one normal.
  for (const [i, held] of [true, true, true, false].entries()) {
    const doc = await cms.payload.create({
      collection: 'messages',
      data: {
        category: 'other',
        street: 'kuishan',
        body: `第${i + 1}件：小区门口的路灯坏了很久，希望尽快修好。`,
        name: '李先生',
        phone: `1370000000${i}`,
        status: 'received',
        grade: 'normal',
        needsVerification: held,
      },
      overrideAccess: true,
    })
    ids.push(doc.id)
  }
  await buildAdminIfNeeded(() => {})
  server = await startCmsServer({
    port: await freePort(),
    env: { DATA_DIR: cms.dataDir, DATABASE_URI: cms.databaseUri, PAYLOAD_SECRET: process.env.PAYLOAD_SECRET },
  })
  page = await chromium.browser.newPage()
})

afterAll(async () => {
  await server?.stop()
  await cms?.close()
})

describe('the messages queue in the admin', () => {
  it('shows the 待核实 count apart; confirming one moves it into the queue and the timeline', async () => {
    await page.goto(`${server.url}/admin/login`)
    await page.fill('#field-email', editor.email)
    await page.fill('#field-password', editor.password)
    await page.click('button[type="submit"]')
    await page.waitForURL(/\/admin\/?$/)

    await page.goto(`${server.url}/admin/collections/messages`)
    await expect
      .poll(() => page.getByText('待核实（来信过多时收到）：3 件').count(), { timeout: 30_000 })
      .toBe(1)
    await expect.poll(() => page.getByText('待处理新来信：1 件').count(), { timeout: 30_000 }).toBe(1)
    expect(await page.locator('tbody').getByText('待核实', { exact: true }).count()).toBe(3)

    await page.getByText('待核实（来信过多时收到）：3 件').click()
    await expect.poll(() => page.locator('tbody tr').count(), { timeout: 30_000 }).toBe(3)

    await page.goto(`${server.url}/admin/collections/messages/${ids[0]}`)
    await page.getByRole('button', { name: '确认是真实来信' }).click()
    await page.getByRole('button', { name: '保存', exact: true }).click()
    await page.getByText('更新成功').first().waitFor({ timeout: 30_000 })
    // One read for both: the SQLite adapter writes a document's row and then its arrays (the timeline)
    // without a transaction, so a read between the two sees the flag cleared and the old timeline.
    const confirmed = async () => {
      const doc = await cms.payload.findByID({ collection: 'messages', id: ids[0], overrideAccess: true })
      return { needsVerification: doc.needsVerification, lastNote: doc.timeline?.at(-1)?.note }
    }
    await expect
      .poll(confirmed, { timeout: 15_000 })
      .toEqual({ needsVerification: false, lastNote: VERIFIED_NOTE })

    await page.goto(`${server.url}/admin/collections/messages`)
    await expect
      .poll(() => page.getByText('待核实（来信过多时收到）：2 件').count(), { timeout: 30_000 })
      .toBe(1)
    await expect.poll(() => page.getByText('待处理新来信：2 件').count(), { timeout: 30_000 }).toBe(1)

    // Other messages are not touched by saving them from the admin.
    await page.goto(`${server.url}/admin/collections/messages/${ids[3]}`)
    expect(await page.getByRole('button', { name: '确认是真实来信' }).count()).toBe(0)
  })
})
