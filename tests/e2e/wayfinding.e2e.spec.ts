import fs from 'node:fs'
import path from 'node:path'

import type { Page } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'

import { deputies as seedDeputies } from '../../content/deputies.ts'
import { trackingHtml, type TrackingView } from '../../vocabulary/messages/form.ts'
import { axeViolations } from '../helpers/axe.ts'
import { listFiles } from '../helpers/dist.ts'
import { useBuiltSite } from '../helpers/browser-site.ts'

/**
 * Issue 14, as a resident on a phone finds their way: back to 查询办理进度 from anywhere, a header that
 * folds into 菜单, pages that do not scroll sideways with large text, one 找我的代表 that leads to the
 * message form, typos in search that still lead somewhere, dates with the year.
 */

const dist = inject('siteDir')
const site = useBuiltSite()

const sitemapPaths = () =>
  fs
    .readdirSync(dist)
    .filter((f) => /^sitemap-\d+\.xml$/.test(f))
    .flatMap((f) => [...fs.readFileSync(path.join(dist, f), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)])
    .map((m) => new URL(m[1]).pathname)

const htmlPages = () => listFiles(dist).filter((f) => f.endsWith('.html'))

async function open(url: string, options: { width?: number; javaScript?: boolean } = {}): Promise<Page> {
  const context = await site.browser.newContext({
    viewport: { width: options.width ?? 375, height: 800 },
    javaScriptEnabled: options.javaScript ?? true,
  })
  const page = await context.newPage()
  await page.goto(`${site.url}${url}`)
  return page
}

/** What a phone's "large text" setting does to a page: the root font size doubled. */
const doubleText = (page: Page) => page.addStyleTag({ content: 'html { font-size: 200% !important }' })

const sideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)

describe('查询办理进度 can be found from every page', () => {
  it('the main navigation and the footer of every page link /track/', () => {
    const pages = htmlPages()
    expect(pages.length).toBeGreaterThan(100)
    const missing: string[] = []
    for (const file of pages) {
      const html = fs.readFileSync(path.join(dist, file), 'utf8')
      const nav = /<nav class="mainnav"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? ''
      const footer = /<footer[\s\S]*?<\/footer>/.exec(html)?.[0] ?? ''
      if (!/href="\/track\/"[^>]*>\s*查询办理进度/.test(nav)) missing.push(`${file} (navigation)`)
      if (!/href="\/track\/"[^>]*>\s*查询办理进度/.test(footer)) missing.push(`${file} (footer)`)
    }
    expect(missing).toEqual([])
  })

  it('on a phone: home → 菜单 → 查询办理进度 opens the tracking form, marked as the current page', async () => {
    const page = await open('/')
    await page.locator('.mainnav summary', { hasText: '菜单' }).click()
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '查询办理进度' }).click()
    await page.waitForURL(/\/track\/$/)
    await expect(page.getByLabel('跟踪码').isVisible()).resolves.toBe(true)
    const current = page.locator('.mainnav a[aria-current="page"]')
    await expect(current.textContent()).resolves.toContain('查询办理进度')
    await page.context().close()
  })

  it('the home page offers 写信给代表 and 查询办理进度 next to 找我的代表', async () => {
    const page = await open('/')
    const finder = page.locator('section', { has: page.getByRole('heading', { name: '找我的代表' }) })
    await expect(finder.getByRole('link', { name: '查询办理进度' }).getAttribute('href')).resolves.toBe(
      '/track/',
    )
    await expect(
      finder.getByRole('link', { name: '写信给代表', exact: true }).getAttribute('href'),
    ).resolves.toBe('/contact/')
    await page.context().close()
  })
})

describe('the header on a phone', () => {
  it('at 375 px the navigation is folded into 菜单, and opens without JavaScript', async () => {
    for (const javaScript of [true, false]) {
      const page = await open('/news/', { javaScript })
      const links = page.locator('.mainnav a')
      await expect(links.first().isVisible()).resolves.toBe(false)
      const header = await page.locator('.site-header').boundingBox()
      expect(header!.height, 'header height at 375 px').toBeLessThan(200)
      await page.locator('.mainnav summary', { hasText: '菜单' }).click()
      await expect(links.filter({ hasText: '新闻公告' }).isVisible()).resolves.toBe(true)
      await expect(links.count()).resolves.toBe(12)
      await page.context().close()
    }
  })

  it('with the text size doubled the header still leaves most of the first screen to the page', async () => {
    const page = await open('/contact/')
    await doubleText(page)
    const header = await page.locator('.site-header').boundingBox()
    expect(header!.height).toBeLessThan(400)
    await page.context().close()
  })

  it('on a wide screen every entry is shown at once, with no 菜单 button', async () => {
    const page = await open('/', { width: 1280 })
    await expect(page.locator('.mainnav a').filter({ hasText: '查询办理进度' }).isVisible()).resolves.toBe(
      true,
    )
    await expect(page.locator('.mainnav summary', { hasText: '菜单' }).isVisible()).resolves.toBe(false)
    await page.context().close()
  })
})

describe('large text (200 %) on a 375 px phone', () => {
  it('no page of the sitemap scrolls sideways', { timeout: 300_000 }, async () => {
    const paths = sitemapPaths()
    expect(paths.length).toBeGreaterThan(100)
    const context = await site.browser.newContext({ viewport: { width: 375, height: 800 } })
    const page = await context.newPage()
    const wide: string[] = []
    for (const p of paths) {
      await page.goto(`${site.url}${p}`)
      await doubleText(page)
      const overflow = await sideways(page)
      if (overflow > 0) wide.push(`${p}: ${overflow} px`)
    }
    expect(wide).toEqual([])
    await context.close()
  })

  it('nor do the answers shown in place: a tracking view, a search with suggestions, the picker', async () => {
    const view: TrackingView = {
      code: 'ABCDE-FGHJK',
      category: 'elevator',
      categoryLabel: '加装电梯',
      streetLabel: '奎山街道',
      community: '奎河社区',
      status: 'closed',
      statusLabel: '已办结',
      receivedAt: '2026-11-02T08:00:00.000Z',
      deadline: '2026-11-17T08:00:00.000Z',
      closedAt: '2026-11-12T08:00:00.000Z',
      handler: '奎山街道人大代表实践站',
      steps: [
        { status: 'received', label: '已受理', state: 'done', date: '2026-11-02T08:00:00.000Z' },
        { status: 'assigned', label: '已分派', state: 'done', date: '2026-11-03T08:00:00.000Z' },
        { status: 'processing', label: '办理中', state: 'done', date: '2026-11-04T08:00:00.000Z' },
        { status: 'closed', label: '已办结', state: 'done', date: '2026-11-12T08:00:00.000Z' },
        { status: 'revisited', label: '已回访', state: 'pending', date: null },
      ],
      replies: [{ date: '2026-11-12T08:00:00.000Z', by: '奎山街道人大代表实践站', text: '电梯方案已公示。' }],
      rating: null,
      ratingLabel: '',
      canRate: true,
    }
    const track = await open('/track/')
    await doubleText(track)
    await track
      .locator('#track-result')
      .evaluate((el, html) => (el.innerHTML = html), trackingHtml(view, '#'))
    expect(await sideways(track)).toBeLessThanOrEqual(0)
    await track.context().close()

    const search = await open(`/search/?q=${encodeURIComponent('加装电悌')}`)
    await doubleText(search)
    await search.locator('#search-suggest a').first().waitFor({ timeout: 15_000 })
    expect(await sideways(search)).toBeLessThanOrEqual(0)
    await search.context().close()

    const deputy = seedDeputies.find((d) => d.street === 'kuishan')!
    const picker = await open('/deputies/')
    await doubleText(picker)
    await picker.locator('#my-street').selectOption('kuishan')
    await picker.locator('#my-community').selectOption(deputy.communities[0])
    await picker.locator('#my-result a.write').first().waitFor()
    expect(await sideways(picker)).toBeLessThanOrEqual(0)
    await picker.context().close()
  })
})

describe('找我的代表', () => {
  it('is one tool: the home page leads into the street → community picker, not to a search box', async () => {
    const page = await open('/')
    const finder = page.locator('section', { has: page.getByRole('heading', { name: '找我的代表' }) })
    await expect(finder.locator('input').count()).resolves.toBe(0)
    await finder.getByRole('link', { name: '奎山街道', exact: true }).click()
    await page.waitForURL(/\/deputies\/\?street=kuishan#street-kuishan$/)
    await expect(page.locator('#my-street').inputValue()).resolves.toBe('kuishan')
    await page.waitForFunction(() => document.activeElement?.id === 'my-community')
    // Only one thing on the site is called 找我的代表.
    for (const url of ['/', '/deputies/']) {
      const html = fs.readFileSync(path.join(dist, url, 'index.html'), 'utf8')
      expect(html.match(/<h2[^>]*>找我的代表<\/h2>/g), url).toHaveLength(1)
    }
    await page.context().close()
  })

  it('without JavaScript a street on the home page jumps to that street’s deputies', async () => {
    const page = await open('/', { javaScript: false })
    await page.getByRole('link', { name: '奎山街道', exact: true }).click()
    await page.waitForURL(/#street-kuishan$/)
    const heading = page.locator('#street-kuishan h2')
    await expect(heading.textContent()).resolves.toBe('奎山街道')
    const box = await heading.boundingBox()
    expect(box!.y).toBeLessThan(800) // on the screen, not somewhere below
    await page.context().close()
  })

  it('the picker’s result has 写信给这位代表, which opens the form with that deputy chosen', async () => {
    const deputy = seedDeputies.find((d) => d.street === 'kuishan')!
    const page = await open('/deputies/')
    await page.locator('#my-street').selectOption('kuishan')
    await page.locator('#my-community').selectOption(deputy.communities[0])
    const write = page
      .locator('#my-result')
      .getByRole('link', { name: new RegExp(`^写信给\\s*${deputy.name}\\s*这位代表$`) })
    // What the eye reads (the name is there for screen readers, who hear a list of such buttons).
    const visible = await write.evaluate((a) =>
      [...a.childNodes]
        .filter((n) => !(n instanceof Element && n.classList.contains('visually-hidden')))
        .map((n) => n.textContent)
        .join(''),
    )
    expect(visible).toBe('写信给这位代表')
    await write.click()
    await page.waitForURL(/\/contact\/\?to=deputy:/)
    await expect(page.locator('#f-to').inputValue()).resolves.toBe(`deputy:${deputy.slug}`)
    // The street select shows the deputy's street, and the list holds that street's deputies only.
    await expect(page.locator('#f-to-street').inputValue()).resolves.toBe('kuishan')
    const groups = await page
      .locator('#f-to optgroup')
      .evaluateAll((g) => g.map((x) => (x as HTMLOptGroupElement).label))
    expect(groups).toEqual(['实践站点', '奎山街道的代表'])
    await page.context().close()
  })
})

describe('写给: the addressee by street', () => {
  it('without JavaScript the list is grouped by street', async () => {
    const page = await open('/contact/', { javaScript: false })
    const groups = await page
      .locator('#f-to optgroup')
      .evaluateAll((g) => g.map((x) => (x as HTMLOptGroupElement).label))
    const streets = new Set(seedDeputies.map((d) => d.street)).size
    expect(groups[0]).toBe('实践站点')
    expect(groups.slice(1)).toHaveLength(streets)
    for (const label of groups.slice(1)) expect(label).toMatch(/街道的代表$/)
    await expect(page.locator('#f-to-street').isVisible()).resolves.toBe(false)
    await page.context().close()
  })

  it('with JavaScript, choosing a street first leaves only its deputies to choose from', async () => {
    const page = await open('/contact/')
    const all = await page.locator('#f-to option').count()
    await page.getByLabel(/先选街道/).selectOption({ label: '奎山街道' })
    const names = await page.locator('#f-to optgroup[data-street] option').allTextContents()
    const kuishan = seedDeputies.filter((d) => d.street === 'kuishan')
    expect(names).toHaveLength(kuishan.length)
    expect(await page.locator('#f-to option').count()).toBeLessThan(all)
    await page.getByLabel(/先选街道/).selectOption({ label: '全部街道' })
    await expect(page.locator('#f-to option').count()).resolves.toBe(all)
    await page.context().close()
  })
})

describe('search with a typo', () => {
  it.each([
    ['加装电悌', '加装', /电梯/],
    ['停车南', '停车', /停车/],
  ])('“%s” finds nothing, suggests “%s”, and its link leads to the right page', async (typo, part, title) => {
    const page = await open(`/search/?q=${encodeURIComponent(typo)}`)
    const box = page.locator('#search-suggest')
    await box.locator('a').first().waitFor({ timeout: 15_000 })
    await expect(page.locator('#search-status').textContent()).resolves.toContain(`您是不是要找“${part}”`)
    await expect(box.textContent()).resolves.toContain('您是不是要找')
    await expect(box.getByRole('link', { name: '找代表', exact: true }).getAttribute('href')).resolves.toBe(
      '/deputies/',
    )
    await expect(
      box.getByRole('link', { name: '写信给代表', exact: true }).getAttribute('href'),
    ).resolves.toBe('/contact/')
    // A page it found, straight from the suggestion.
    await box.locator('a[href^="/cases/"]').filter({ hasText: title }).first().click()
    await page.waitForURL(/\/cases\/[^/]+\/$/)
    await expect(page.locator('h1').textContent()).resolves.toMatch(title)
    // And the suggested query itself, as a search.
    await page.goBack()
    await box.getByRole('link', { name: `“${part}”`, exact: true }).click()
    await page.locator('.result-link').first().waitFor({ timeout: 15_000 })
    await expect(page.locator('#search-q').inputValue()).resolves.toBe(part)
    await page.context().close()
  })
})

describe('dates and figures', () => {
  it('every date on every page carries the year, written 2026年12月1日', () => {
    const wrong: string[] = []
    let dates = 0
    for (const file of htmlPages()) {
      const html = fs.readFileSync(path.join(dist, file), 'utf8')
      for (const m of html.matchAll(/<time[^>]*>([^<]*)<\/time>/g)) {
        dates++
        if (!/^\d{4}年\d{1,2}月\d{1,2}日$/.test(m[1].trim())) wrong.push(`${file}: ${m[1]}`)
      }
    }
    expect(dates).toBeGreaterThan(100)
    expect(wrong).toEqual([])
  })

  it('the home page’s lists show the year, and the search results too', async () => {
    const page = await open('/')
    const dates = await page.locator('.date-list time').allTextContents()
    expect(dates.length).toBeGreaterThan(5)
    for (const d of dates) expect(d).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/)
    await page.goto(`${site.url}/search/?q=${encodeURIComponent('停车难')}`)
    await page.locator('.result-meta').first().waitFor({ timeout: 15_000 })
    const meta = await page.locator('.result-meta').allTextContents()
    expect(meta.some((m) => /\d{4}年\d{1,2}月\d{1,2}日/.test(m))).toBe(true)
    for (const m of meta) expect(m).not.toMatch(/\d{4}-\d{2}-\d{2}/)
    await page.context().close()
  })

  it('the tracking view writes its dates the same way', async () => {
    const html = trackingHtml(
      {
        code: 'ABCDE-FGHJK',
        category: 'other',
        categoryLabel: '其他',
        streetLabel: '奎山街道',
        community: '',
        status: 'assigned',
        statusLabel: '已分派',
        receivedAt: '2026-11-30T18:00:00.000Z', // 1 December in Beijing
        deadline: '2026-12-15T08:00:00.000Z',
        closedAt: null,
        handler: '',
        steps: [{ status: 'received', label: '已受理', state: 'done', date: '2026-11-30T18:00:00.000Z' }],
        replies: [],
        rating: null,
        ratingLabel: '',
        canRate: false,
      },
      '#',
    )
    expect(html).toContain('2026年12月1日')
    expect(html).toContain('2026年12月15日')
    expect(html).not.toMatch(/>\d{4}-\d{2}-\d{2}</)
  })

  it('the home page counts the deputies it lists, in the figures too', async () => {
    const page = await open('/')
    const figures = await page.locator('ul.stats li').allTextContents()
    const deputies = figures.find((f) => f.includes('名代表'))!
    expect(deputies.replace(/\D/g, '')).toBe(String(seedDeputies.length))
    await expect(page.locator('.finder').textContent()).resolves.toContain(
      `全部 ${seedDeputies.length} 位代表`,
    )
    await page.context().close()
  })
})

describe('the new parts pass axe (WCAG 2.1 AA) on a phone', () => {
  it('the open 菜单, the picker with its result, 写给 by street, the suggestions', async () => {
    const problems: string[] = []
    const home = await open('/')
    await home.locator('.mainnav summary').click()
    problems.push(...(await axeViolations(home, '/ (菜单 open)')))
    await home.context().close()

    const deputy = seedDeputies.find((d) => d.street === 'kuishan')!
    const picker = await open('/deputies/?street=kuishan#street-kuishan')
    await picker.locator('#my-community').selectOption(deputy.communities[0])
    await picker.locator('#my-result a.write').first().waitFor()
    problems.push(...(await axeViolations(picker, '/deputies/ (picker result)')))
    await picker.context().close()

    const contact = await open('/contact/')
    await contact.locator('#f-to-street').selectOption('kuishan')
    problems.push(...(await axeViolations(contact, '/contact/ (street chosen)')))
    await contact.context().close()

    const search = await open(`/search/?q=${encodeURIComponent('停车南')}`)
    await search.locator('#search-suggest a').first().waitFor({ timeout: 15_000 })
    problems.push(...(await axeViolations(search, '/search/ (suggestions)')))
    await search.context().close()
    expect(problems).toEqual([])
  })
})
