import fs from 'node:fs'
import path from 'node:path'

import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { axeViolations } from '../helpers/axe.ts'
import { useBuiltSite } from '../helpers/browser-site.ts'

/**
 * 长者模式 (关怀版) and the 标准/大/特大 text size on the built test site, served by the site server (the
 * `/prefs/` link sets a cookie and comes back; `/prefs/*.css` follow it). Mostly without JavaScript:
 * the mode needs none. On every sitemap URL (and a page of each kind at phone width): body text ≥ 24 px,
 * line height ≥ 1.5, controls ≥ 60 px, and axe with 7:1 contrast (color-contrast-enhanced) finds nothing.
 */
const site = useBuiltSite()
let noJs: BrowserContext
let page: Page

beforeAll(async () => {
  noJs = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } })
  page = await noJs.newPage()
})
afterAll(async () => {
  await noJs?.close()
})

const sitemapPaths = () =>
  fs
    .readdirSync(site.dist)
    .filter((f) => /^sitemap-\d+\.xml$/.test(f))
    .flatMap((f) => [...fs.readFileSync(path.join(site.dist, f), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)])
    .map((m) => new URL(m[1]).pathname)

/** What 长者模式 promises, measured on what the page shows now; each problem as one line. */
const careProblems = (p: Page) =>
  p.evaluate(() => {
    const shown = (el: Element) =>
      el.getClientRects().length > 0 &&
      !el.closest('.visually-hidden, .hp, [hidden]') &&
      getComputedStyle(el).visibility !== 'hidden'
    const name = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''} "${(el.textContent ?? '').trim().slice(0, 12)}"`
    const problems: string[] = []
    const body = parseFloat(getComputedStyle(document.body).fontSize)
    if (body < 24) problems.push(`body text ${body}px`)
    const texts = [...document.querySelectorAll('main :is(p, li, dd, dt, td, th, label, a, span)')].filter(
      (el) => shown(el) && [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim()),
    )
    for (const el of texts) {
      const style = getComputedStyle(el)
      const size = parseFloat(style.fontSize)
      const line = parseFloat(style.lineHeight)
      if (size < 23.5) problems.push(`${name(el)}: ${size}px text`)
      if (!(line / size >= 1.5)) problems.push(`${name(el)}: line height ${style.lineHeight}`)
    }
    for (const h of document.querySelectorAll('main :is(h1, h2)')) {
      if (shown(h) && parseFloat(getComputedStyle(h).fontSize) <= body)
        problems.push(`${name(h)}: heading not larger than the text`)
    }
    const controls = [
      ...document.querySelectorAll(
        'button, select, textarea, summary, a.button, nav a, input:not([type="hidden"], [type="checkbox"], [type="radio"])',
      ),
    ].filter(shown)
    for (const el of controls) {
      const height = el.getBoundingClientRect().height
      if (height < 59.5) problems.push(`${name(el)}: ${Math.round(height)}px tall`)
    }
    return problems.slice(0, 20)
  })

const careOn = () => page.locator('.prefs-bar .care-exit')

describe('长者模式 (关怀版)', () => {
  it('is one click from the header, without JavaScript, and survives navigation and reload', async () => {
    await page.goto(`${site.url}/news/`)
    await expect(careOn().isVisible()).resolves.toBe(false)
    await expect(page.locator('.care-tasks').isVisible()).resolves.toBe(false)
    await page.locator('.prefs-bar').getByRole('link', { name: '长者模式', exact: true }).click()
    await page.waitForURL(`${site.url}/news/`)
    await expect(careOn().isVisible()).resolves.toBe(true)
    const tasks = page.getByRole('navigation', { name: '长者常用服务' }).getByRole('link')
    await expect(tasks.allTextContents()).resolves.toEqual([
      '找代表',
      '写信给代表',
      '查询办理进度',
      '站内搜索',
    ])
    await expect(careProblems(page)).resolves.toEqual([])

    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '民生案例' }).click()
    await page.waitForURL(/\/cases\/$/)
    await expect(careOn().isVisible()).resolves.toBe(true)
    await page.reload()
    await expect(careOn().isVisible()).resolves.toBe(true)
    const cookie = (await noJs.cookies()).find((c) => c.name === 'minhu_care')
    // Remembered across visits: a persistent cookie, not one for this browser session.
    expect(cookie!.expires).toBeGreaterThan(Date.now() / 1000 + 300 * 86_400)

    await careOn().click()
    await page.waitForURL(/\/cases\/$/)
    await expect(careOn().isVisible()).resolves.toBe(false)
    expect(parseFloat(await page.evaluate(() => getComputedStyle(document.body).fontSize))).toBeLessThan(20)
  })

  it('the /prefs/ link goes back to a page of this site only', async () => {
    for (const back of [
      '//evil.example/',
      'https://evil.example/',
      '/\\evil.example',
      'javascript:alert(1)',
    ]) {
      const res = await fetch(`${site.url}/prefs/?care=on&back=${encodeURIComponent(back)}`, {
        redirect: 'manual',
      })
      expect(res.status, back).toBe(303)
      expect(res.headers.get('location'), back).toBe('/')
    }
  })

  it(
    'on every sitemap page: text ≥ 24 px, line height ≥ 1.5, controls ≥ 60 px, axe with 7:1 contrast finds nothing',
    { timeout: 900_000 },
    async () => {
      const all = sitemapPaths()
      expect(all.length).toBeGreaterThan(100)
      // With JavaScript for axe (the pages' own scripts run too, as for most visitors); one page for the
      // whole walk, as a resident moving through the site.
      const withJs = await site.browser.newContext({ viewport: { width: 1280, height: 900 } })
      await withJs.addCookies([{ name: 'minhu_care', value: 'on', url: site.url }])
      const p = await withJs.newPage()
      const problems: string[] = []
      const started = Date.now()
      for (const url of all) {
        await p.goto(`${site.url}${url}`)
        problems.push(...(await careProblems(p)).map((line) => `${url}: ${line}`))
        problems.push(...(await axeViolations(p, url, ['color-contrast-enhanced'])))
      }
      // At phone width too: the home page, the form and one page of each kind.
      await p.setViewportSize({ width: 375, height: 800 })
      const kinds = ['news', 'cases', 'lectures', 'deputies', 'stations', 'consultations']
      const phone = [
        '/',
        '/contact/',
        '/track/',
        ...kinds.map((k) => all.find((u) => new RegExp(`^/${k}/[^/]+/$`).test(u))!),
      ]
      for (const url of phone) {
        await p.goto(`${site.url}${url}`)
        problems.push(...(await careProblems(p)).map((line) => `${url} (375 px): ${line}`))
        problems.push(...(await axeViolations(p, `${url} (375 px)`, ['color-contrast-enhanced'])))
      }
      await withJs.close()
      console.log(
        `长者模式 sweep: ${all.length} sitemap pages + ${phone.length} at 375 px in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      )
      expect(problems).toEqual([])
    },
  )

  it('the 7:1 check does run: the standard site (AA, gold on red at 5.4:1) does not pass it', async () => {
    const std = await site.browser.newPage()
    await std.goto(`${site.url}/`)
    const found = await axeViolations(std, '/', ['color-contrast-enhanced'])
    await std.close()
    expect(found.some((line) => line.includes('color-contrast-enhanced'))).toBe(true)
  })
})

describe('字号 标准 / 大 / 特大', () => {
  it('scales the text without JavaScript, says which is current, and is remembered', async () => {
    await noJs.clearCookies()
    const bodySize = () => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize))
    await page.goto(`${site.url}/about/`)
    const standard = await bodySize()
    const choice = (label: string) =>
      page.locator('.text-size').getByRole('link', { name: new RegExp(`^${label}`) })
    await expect(choice('标准').locator('.size-current').isVisible()).resolves.toBe(true)
    await choice('特大').click()
    await page.waitForURL(`${site.url}/about/`)
    await expect.poll(bodySize).toBeCloseTo(standard * 1.5, 0)
    await expect.poll(() => choice('特大').locator('.size-current').isVisible()).toBe(true)
    await expect(page.locator('.text-size .size-current:visible').count()).resolves.toBe(1)
    await expect(choice('标准').locator('.size-current').isVisible()).resolves.toBe(false)
    await page.goto(`${site.url}/news/`)
    await expect.poll(bodySize).toBeCloseTo(standard * 1.5, 0)
    await choice('大').click()
    await expect.poll(bodySize).toBeCloseTo(standard * 1.25, 0)
    await choice('标准').click()
    await expect.poll(bodySize).toBeCloseTo(standard, 0)
  })
})

describe('form errors in Chinese from the page, never the browser’s bubble', () => {
  it('with JavaScript: an empty message form shows the error summary, focused, and names each field', async () => {
    const p = await site.browser.newPage()
    await p.goto(`${site.url}/contact/`)
    await expect(p.locator('#message-form').getAttribute('novalidate')).resolves.not.toBeNull()
    await p.getByRole('button', { name: '提交' }).click()
    const summary = p.locator('.error-summary')
    await summary.waitFor()
    await expect(summary.evaluate((el) => el === document.activeElement)).resolves.toBe(true)
    const text = (await summary.textContent())!
    for (const field of ['问题类别', '所在街道', '问题或心愿', '姓名或称呼', '联系电话', '隐私说明'])
      expect(text).toContain(field)
    await expect(p.locator('#f-body-error').textContent()).resolves.toContain('请写下')
    await p.close()
  })

  it('without JavaScript: the empty form is sent to the CMS (no bubble stops it), which answers with the summary', async () => {
    await page.goto(`${site.url}/contact/`)
    const action = (await page.locator('#message-form').getAttribute('action'))!
    // The fixture has no CMS running: catch the request the browser makes instead of showing a bubble.
    await page.route(`${action}*`, (route) => route.fulfill({ status: 204 }))
    const sent = page.waitForRequest((req) => req.url().startsWith(action) && req.method() === 'POST')
    await page.getByRole('button', { name: '提交' }).click()
    await expect(sent).resolves.toBeTruthy()
    await page.unroute(`${action}*`)
    for (const form of ['#track-form']) {
      await page.goto(`${site.url}/track/`)
      await expect(page.locator(form).getAttribute('novalidate')).resolves.not.toBeNull()
    }
  })
})
