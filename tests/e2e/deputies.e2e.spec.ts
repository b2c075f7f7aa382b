import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'

import { deputies as seedDeputies } from '../../content/deputies.ts'
import { useBuiltSite } from '../helpers/browser-site.ts'

/** The deputy directory as a visitor uses it, on the built test site (seeded from content/). */

const site = useBuiltSite()

async function directory(query = '', javaScript = true): Promise<Page> {
  const context = await site.browser.newContext({
    javaScriptEnabled: javaScript,
    viewport: { width: 375, height: 800 },
  })
  const page = await context.newPage()
  await page.goto(`${site.url}/deputies/${query}`)
  return page
}

/** Names on the visible cards, in page order. */
const visibleNames = (page: Page) =>
  page
    .locator('#deputy-groups [data-slug]:visible h3 a')
    .evaluateAll((links) => links.map((a) => a.textContent?.trim() ?? ''))

const status = (page: Page) => page.locator('#deputy-count').textContent()

describe('finding a deputy as you type', () => {
  it('"zhang" finds both 张伟 and only people with a zhang syllable', async () => {
    const page = await directory()
    await page.getByLabel('姓名或拼音').fill('zhang')
    const names = await visibleNames(page)
    expect(names.filter((n) => n === '张伟').length).toBe(2)
    expect(names.length).toBeLessThan(seedDeputies.length)
    await expect(status(page)).resolves.toBe(`找到 ${names.length} 位代表`)
    await page.context().close()
  })

  it('"zw" (initials) finds 张伟; "shanxiaoming" finds 单晓明 by the surname reading', async () => {
    const page = await directory()
    await page.getByLabel('姓名或拼音').fill('zw')
    expect(await visibleNames(page)).toContain('张伟')
    await page.getByLabel('姓名或拼音').fill('shanxiaoming')
    expect(await visibleNames(page)).toEqual(['单晓明'])
    await page.getByLabel('姓名或拼音').fill('danxiaoming')
    expect(await visibleNames(page)).toEqual([])
    await page.locator('#no-deputy').waitFor({ state: 'visible', timeout: 5000 })
    await page.context().close()
  })

  it('a street filter combines with the text and is kept in the URL; Back undoes it', async () => {
    const page = await directory()
    await page.locator('#f-street').selectOption({ label: '奎山街道' })
    const kuishan = await visibleNames(page)
    expect(kuishan.length).toBe(seedDeputies.filter((d) => d.street === 'kuishan').length)
    expect(new URL(page.url()).searchParams.get('street')).toBe('kuishan')
    await page.getByLabel('姓名或拼音').fill('zw')
    expect(await visibleNames(page)).toEqual(['张伟'])
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'zw')

    // Shared link: a fresh visitor opening the URL sees the same result.
    const shared = await directory('?q=zw&street=kuishan')
    expect(await visibleNames(shared)).toEqual(['张伟'])
    await expect(shared.getByLabel('姓名或拼音').inputValue()).resolves.toBe('zw')
    await shared.context().close()

    await page.goBack()
    await page.waitForFunction(() => !new URL(location.href).searchParams.get('street'))
    expect((await visibleNames(page)).length).toBeGreaterThan(1)
    await page.context().close()
  })

  it('announces the result count to screen readers', async () => {
    const page = await directory()
    const live = page.locator('#deputy-count')
    await expect(live.getAttribute('role')).resolves.toBe('status')
    await page.getByLabel('专业领域').selectOption({ label: '法律' })
    await expect(live.textContent()).resolves.toMatch(/^找到 \d+ 位代表$/)
    await page.context().close()
  })
})

describe('找我的代表', () => {
  it('street and community lead to the deputies there and where to meet them', async () => {
    const deputy = seedDeputies.find((d) => d.street === 'kuishan')!
    const page = await directory()
    await page.locator('#my-street').selectOption('kuishan')
    await page.locator('#my-community').selectOption(deputy.communities[0])
    const result = page.locator('#my-result')
    await expect(result.textContent()).resolves.toContain(deputy.name)
    await expect(result.textContent()).resolves.toContain('开放时间')
    await expect(result.textContent()).resolves.toContain('接待地点')
    await page.context().close()
  })
})

describe('without JavaScript', () => {
  it('lists every deputy grouped by street, with no dead controls', async () => {
    const page = await directory('', false)
    const names = await page.locator('#deputy-groups [data-slug] h3 a').count()
    expect(names).toBe(seedDeputies.length)
    const streets = await page.locator('#deputy-groups section h2').allTextContents()
    expect(streets).toContain('奎山街道')
    await expect(page.locator('#deputy-filters').isVisible()).resolves.toBe(false)
    await expect(page.locator('#my-deputy').isVisible()).resolves.toBe(false)
    await page.context().close()
  })
})
