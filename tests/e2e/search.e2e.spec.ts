import fs from 'node:fs'

import type { Page } from 'playwright-core'
import { beforeAll, describe, expect, inject, it } from 'vitest'

import type { SearchRecord } from '../../site/lib/search-records.ts'
import { SEARCH_QUERIES } from '../../bench/search-queries.ts'
import { useBuiltSite } from '../helpers/browser-site.ts'

/**
 * Search quality on the built test site: for every query of the fixture, the hits must be exactly the
 * pages whose text contains the query (computed from the records the index was built from).
 */

const records = JSON.parse(fs.readFileSync(inject('siteSearchRecords'), 'utf8')) as SearchRecord[]
const site = useBuiltSite()
let page: Page

beforeAll(async () => {
  page = await site.browser.newPage()
  await page.goto(`${site.url}/search/`)
  await page.waitForSelector('form[data-ready]')
})

/** Every hit for `query`, clicking 显示更多 until the list is complete. */
async function hits(query: string): Promise<string[]> {
  await page.fill('#search-q', query)
  await page.press('#search-q', 'Enter')
  await page.waitForFunction((q) => {
    const text = document.getElementById('search-status')?.textContent ?? ''
    return text.includes(`“${q}”`)
  }, query)
  while (await page.locator('#search-more').isVisible()) {
    const before = await page.locator('.result-link').count()
    await page.click('#search-more')
    await page.waitForFunction((n) => document.querySelectorAll('.result-link').length > n, before)
  }
  return page.$$eval('.result-link', (links) =>
    links.map((a) => new URL((a as HTMLAnchorElement).href).pathname),
  )
}

describe('search finds exactly the pages that contain the query', () => {
  const summary: string[] = []
  let found = 0
  let expected = 0

  it.each(SEARCH_QUERIES)('%s', async (query) => {
    const truth = new Set(records.filter((r) => r.text.includes(query)).map((r) => r.url))
    const got = await hits(query)
    const wrong = got.filter((url) => !truth.has(url))
    expect(wrong, `pages without “${query}”`).toEqual([])
    expect(new Set(got).size).toBe(got.length)
    found += got.length
    expected += truth.size
    summary.push(`${query}: ${got.length}/${truth.size}`)
    // Segmentation can split a phrase differently in a rare context: allow a small miss, never a wrong hit.
    expect(got.length).toBeGreaterThanOrEqual(Math.floor(truth.size * 0.9))
  })

  it('finds at least 97% of all expected hits over the query set', () => {
    console.log(`search recall on the test site: ${found}/${expected} (${summary.join(', ')})`)
    expect(expected).toBeGreaterThan(100)
    expect(found / expected).toBeGreaterThanOrEqual(0.97)
  })
})

describe('results read as normal Chinese', () => {
  it('excerpts have no spaces between Chinese characters and highlight the query', async () => {
    await hits('噪声扰民')
    const excerpts = await page.$$eval('.excerpt', (els) => els.map((e) => e.innerHTML))
    expect(excerpts.length).toBeGreaterThan(0)
    for (const html of excerpts) {
      expect(html).not.toMatch(/\p{Script=Han}\s+\p{Script=Han}/u)
    }
    expect(excerpts.some((html) => /<mark>噪声扰民<\/mark>/.test(html))).toBe(true)
  })

  it('the page language stays zh-CN', async () => {
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('zh-CN')
  })
})

describe('Pagefind loads when it is needed, not with the page', () => {
  it('the box takes a query before Pagefind has arrived, and the search runs once it has', async () => {
    const slow = await site.browser.newPage()
    // A slow connection, for pagefind.js only: the page is ready while it is still on its way.
    let release: () => void = () => {}
    const arrived = new Promise<void>((r) => (release = r))
    let asked = 0
    await slow.route('**/pagefind/pagefind.js', async (route) => {
      asked++
      await arrived
      await route.continue()
    })
    await slow.goto(`${site.url}/search/`)
    await slow.waitForSelector('form[data-ready]')
    await slow.fill('#search-q', '噪声扰民')
    await slow.press('#search-q', 'Enter')
    await slow.waitForFunction(() => document.getElementById('search-status')?.textContent === '正在搜索…')
    release()
    await slow.waitForFunction(() =>
      (document.getElementById('search-status')?.textContent ?? '').includes('找到'),
    )
    expect(await slow.locator('.result-link').count()).toBeGreaterThan(0)
    expect(asked).toBe(1)
    await slow.close()
  })
})
