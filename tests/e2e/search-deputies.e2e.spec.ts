import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, it } from 'vitest'

import { useBuiltSite } from '../helpers/browser-site.ts'

/**
 * Two deputies share a name in the seed (张伟 in 奎山街道 and 张伟 in 金山街道). Search on the built test
 * site must tell them apart in the result titles, and show a line of each one's profile beneath it,
 * not their name and pinyin run together (issue 14: "张伟zhang weizhangwei区人大代表…").
 */

const site = useBuiltSite()
let page: Page

beforeAll(async () => {
  page = await site.browser.newPage()
  await page.goto(`${site.url}/search/?q=${encodeURIComponent('张伟')}`)
  await page.waitForFunction(() => {
    const status = document.getElementById('search-status')?.textContent ?? ''
    return status !== '' && !status.includes('正在搜索')
  })
})

describe('searching for 张伟', () => {
  it('two results, titled 姓名（街道 · 层级）, that read differently', async () => {
    const titles = await page.locator('#search-results .result-link').allTextContents()
    const zhangWei = titles.filter((t) => t.startsWith('张伟'))
    expect(zhangWei).toEqual(
      expect.arrayContaining(['张伟（奎山街道 · 区人大代表）', '张伟（金山街道 · 区人大代表）']),
    )
    expect(new Set(zhangWei).size).toBe(zhangWei.length)
  })

  it('each excerpt is the profile’s own text, without the pinyin', async () => {
    const items = await page.locator('#search-results li').evaluateAll((lis) =>
      lis.map((li) => ({
        title: li.querySelector('.result-link')?.textContent ?? '',
        excerpt: li.querySelector('.excerpt')?.textContent ?? '',
      })),
    )
    const kuishan = items.find((i) => i.title === '张伟（奎山街道 · 区人大代表）')!
    const jinshan = items.find((i) => i.title === '张伟（金山街道 · 区人大代表）')!
    for (const { excerpt } of [kuishan, jinshan]) expect(excerpt).not.toMatch(/zhang/i)
    expect(kuishan.excerpt).toContain('物业')
    expect(jinshan.excerpt).toContain('物理老师')
  })
})
