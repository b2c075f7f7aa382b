import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { useBuiltSite } from '../helpers/browser-site.ts'

/**
 * Keyboard and zoom on the built test site: a keyboard-only walk of the home page reaches every
 * navigation entry, the search and the 长者模式 switch with a visible focus of 3 px or more and comes
 * back to the start (no trap); at 320 px, at 200 % zoom and with WCAG 1.4.12's text spacing nothing
 * is cut off or scrolls sideways.
 */
const site = useBuiltSite()
let page: Page

beforeAll(async () => {
  page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } })
})
afterAll(async () => {
  await page?.close()
})

const PAGES = [
  '/',
  '/news/',
  '/contact/',
  '/track/',
  '/results/',
  '/deputies/',
  '/stations/',
  '/search/',
  '/about/',
]

/** Sideways scrolling, and boxes that clip their own text (overflow hidden with more inside than shown). */
const cutOff = (p: Page) =>
  p.evaluate(() => {
    const problems: string[] = []
    const width = document.documentElement.clientWidth
    if (document.documentElement.scrollWidth > width + 1)
      problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`)
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      if (
        el.closest('.visually-hidden, .hp, .skip-link, svg, video, [hidden]') ||
        !el.getClientRects().length
      )
        continue
      const style = getComputedStyle(el)
      const clips = (v: string) => v === 'hidden' || v === 'clip'
      const text = (el.textContent ?? '').trim()
      if (!text) continue
      if (clips(style.overflowX) && el.scrollWidth > el.clientWidth + 2)
        problems.push(`${el.tagName.toLowerCase()}.${el.className} cuts text sideways`)
      if (clips(style.overflowY) && el.scrollHeight > el.clientHeight + 2)
        problems.push(`${el.tagName.toLowerCase()}.${el.className} cuts text at the bottom`)
      const box = el.getBoundingClientRect()
      if (box.right > width + 1 && style.position !== 'fixed')
        problems.push(`${el.tagName.toLowerCase()}.${el.className} overflows the page`)
    }
    return [...new Set(problems)].slice(0, 10)
  })

/** WCAG 1.4.12: line height 1.5, paragraph spacing 2 em, letter spacing 0.12 em, word spacing 0.16 em. */
const TEXT_SPACING = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-block-end: 2em !important; }`

describe('keyboard', () => {
  it('a keyboard-only walk of the home page reaches every navigation entry and the search, with a 3 px focus, and no trap', async () => {
    await page.goto(`${site.url}/`)
    const seen: { text: string; href: string | null; id: string; outline: number; inNav: string | null }[] =
      []
    for (let i = 0; i < 150; i++) {
      await page.keyboard.press('Tab')
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null
        if (!el || el === document.body) return null
        const style = getComputedStyle(el)
        const outline = style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth)
        return {
          text: (el.textContent ?? '').trim(),
          href: el.getAttribute('href'),
          id: el.id,
          outline,
          inNav: el.closest('nav')?.getAttribute('aria-label') ?? null,
        }
      })
      if (!focused) break
      if (seen.length && focused.href === seen[0].href && focused.text === seen[0].text) break
      seen.push(focused)
    }
    expect(seen[0].text).toBe('跳到正文')
    const main = seen.filter((s) => s.inNav === '主导航').map((s) => s.text)
    for (const entry of [
      '首页',
      '新闻公告',
      '人大微讲堂',
      '民生案例',
      '找代表',
      '写信给代表',
      '查询办理进度',
      '办理结果',
      '实践站点',
      '关于基地',
      '搜索',
    ])
      expect(main, entry).toContain(entry)
    expect(seen.some((s) => s.id === 'site-q')).toBe(true)
    expect(seen.some((s) => s.text === '长者模式')).toBe(true)
    // Every stop shows its focus with an outline of at least 3 px.
    expect(seen.filter((s) => s.outline < 3).map((s) => `${s.text || s.id}: ${s.outline}px`)).toEqual([])
    // The walk got through the page to the footer: nothing held the focus.
    expect(seen.some((s) => s.inNav === '常用服务')).toBe(true)
  })
})

describe('zoom and reflow', () => {
  it('at 320 px width nothing is cut off or scrolls sideways', { timeout: 120_000 }, async () => {
    await page.setViewportSize({ width: 320, height: 640 })
    const problems: string[] = []
    for (const url of PAGES) {
      await page.goto(`${site.url}${url}`)
      problems.push(...(await cutOff(page)).map((p) => `${url}: ${p}`))
    }
    expect(problems).toEqual([])
  })

  it(
    'at 200 % zoom (a 1280 px window shows 640 CSS px) nothing is cut off, in 长者模式 too',
    { timeout: 120_000 },
    async () => {
      const zoomed = await site.browser.newContext({
        viewport: { width: 640, height: 450 },
        deviceScaleFactor: 2,
      })
      const p = await zoomed.newPage()
      const problems: string[] = []
      for (const url of PAGES) {
        await p.goto(`${site.url}${url}`)
        problems.push(...(await cutOff(p)).map((line) => `${url}: ${line}`))
      }
      await zoomed.addCookies([{ name: 'minhu_care', value: 'on', url: site.url }])
      for (const url of ['/', '/contact/', '/news/']) {
        await p.goto(`${site.url}${url}`)
        problems.push(...(await cutOff(p)).map((line) => `${url} (长者模式): ${line}`))
      }
      await zoomed.close()
      expect(problems).toEqual([])
    },
  )

  it('with WCAG 1.4.12 text spacing nothing is lost', { timeout: 120_000 }, async () => {
    await page.setViewportSize({ width: 375, height: 800 })
    const problems: string[] = []
    for (const url of PAGES) {
      await page.goto(`${site.url}${url}`)
      await page.addStyleTag({ content: TEXT_SPACING })
      problems.push(...(await cutOff(page)).map((p) => `${url}: ${p}`))
    }
    expect(problems).toEqual([])
  })
})
