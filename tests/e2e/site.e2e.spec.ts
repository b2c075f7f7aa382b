import fs from 'node:fs'
import path from 'node:path'

import type { Page } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'

import { useBuiltSite } from '../helpers/browser-site.ts'

/** The built test site (tests/helpers/global-setup.ts) served on 127.0.0.1, driven by Chromium. */

const dist = inject('siteDir')
const site = useBuiltSite()

async function open(url: string, width = 375): Promise<Page> {
  const page = await site.browser.newPage({ viewport: { width, height: 800 } })
  await page.goto(`${site.url}${url}`)
  return page
}

const resultTitles = (page: Page) =>
  page.locator('.result-link').evaluateAll((links) => links.map((a) => a.textContent?.trim() ?? ''))
const resultPaths = (page: Page) =>
  page.locator('.result-link').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname))

/** Runs in the page: results are shown (not the moment between two renders) and all are deputies. */
const onlyDeputiesShown = () => {
  const links = [...document.querySelectorAll<HTMLAnchorElement>('.result-link')]
  return links.length > 0 && links.every((a) => a.pathname.startsWith('/deputies/'))
}

describe('search', () => {
  it('home → search "加装电梯" → the elevator case', async () => {
    const page = await open('/')
    await page.getByRole('searchbox', { name: '搜索本站' }).fill('加装电梯')
    await page.getByRole('button', { name: '搜索', exact: true }).click()
    await page.waitForURL(/\/search\/\?q=/)
    await page.locator('.result-link').first().waitFor({ timeout: 15_000 })
    const titles = await resultTitles(page)
    expect(titles.some((t) => t.includes('加装电梯'))).toBe(true)
    // The elevator case is on the first page of results.
    const elevator = page.locator('.result-link[href^="/cases/"]', { hasText: '加装电梯' }).first()
    await elevator.click()
    await page.waitForURL(/\/cases\/[^/]+\/$/)
    await expect(page.locator('h1').textContent()).resolves.toContain('电梯')
    await page.close()
  })

  it('the 类型 filter keeps only that type, with counts, and the URL follows', async () => {
    const page = await open('/search/?q=%E5%A5%8E%E5%B1%B1', 1280) // 奎山
    await page.locator('.result-link').first().waitFor({ timeout: 15_000 })
    const all = await resultPaths(page)
    expect(new Set(all.map((p) => p.split('/')[1])).size).toBeGreaterThan(1)
    const label = page.locator('fieldset.types label', { hasText: '代表' })
    await expect(label.textContent()).resolves.toMatch(/代表\s*（[1-9]\d*）/)
    await label.click()
    await page.waitForFunction(() => new URL(location.href).searchParams.get('type') === '代表')
    await page.waitForFunction(onlyDeputiesShown)
    await page.close()
  })

  it('?type= in a shared link opens the search with the filter on', async () => {
    const page = await open(`/search/?q=${encodeURIComponent('医疗')}&type=${encodeURIComponent('代表')}`)
    await page.locator('.result-link').first().waitFor({ timeout: 15_000 })
    await expect(page.getByRole('radio', { name: /代表/ }).isChecked()).resolves.toBe(true)
    await page.waitForFunction(onlyDeputiesShown)
    await page.close()
  })
})

describe('lectures', () => {
  it('a lecture page plays its video', async () => {
    const lecture = fs.readdirSync(path.join(dist, 'lectures')).find((d) => d !== 'index.html')!
    const page = await open(`/lectures/${lecture}/`, 1280)
    const video = page.locator('video')
    await expect(video.getAttribute('poster')).resolves.toMatch(/^\/media\//)
    const played = await video.evaluate(async (el: HTMLVideoElement) => {
      el.muted = true
      await el.play()
      await new Promise((r) => setTimeout(r, 1500))
      return { time: el.currentTime, error: el.error?.message ?? null }
    })
    expect(played.error).toBeNull()
    expect(played.time).toBeGreaterThan(0.3)
    await page.close()
  })
})

describe('keyboard and layout', () => {
  it('the first Tab reaches the skip link, which moves focus to the main content', async () => {
    const page = await open('/news/')
    await page.keyboard.press('Tab')
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim())
    expect(focused).toBe('跳到正文')
    await page.keyboard.press('Enter')
    await expect(page.evaluate(() => location.hash)).resolves.toBe('#main')
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('main')
    await page.close()
  })

  it.each([320, 375, 1280, 1440])('no horizontal scrolling at %i px', async (width) => {
    for (const url of ['/', '/cases/', '/deputies/', `/stations/`]) {
      const page = await open(url, width)
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
      expect(overflow, `${url} at ${width}px`).toBeLessThanOrEqual(0)
      await page.close()
    }
  })

  it('unknown addresses get the Chinese 404 page with status 404', async () => {
    const page = await site.browser.newPage()
    const response = await page.goto(`${site.url}/no/such/page/`)
    expect(response?.status()).toBe(404)
    await expect(page.locator('h1').textContent()).resolves.toContain('页面不存在')
    await page.close()
  })
})
