import type { Page } from 'playwright-core'
import { describe, expect, inject, it } from 'vitest'

import { trackingHtml, type TrackingView } from '../../vocabulary/messages/form.ts'
import { listFiles } from '../helpers/dist.ts'
import { useBuiltSite } from '../helpers/browser-site.ts'

/**
 * Two lists of steps on a phone (375 px): a case page's 群众诉求 → 代表履职 → 办理结果 and the tracking
 * view's 已受理 → … → 已回访. They once shared the class `steps`, and the tracking view's global rules
 * broke the case page's steps into grey columns seven characters wide, laid out 2 + 1. Each must look
 * as designed, measured as the browser lays them out with the built site's CSS.
 */

const dist = inject('siteDir')
const site = useBuiltSite()

async function open(url: string): Promise<Page> {
  const page = await site.browser.newPage({ viewport: { width: 375, height: 800 } })
  await page.goto(`${site.url}${url}`)
  return page
}

/** The computed colour of a design token (e.g. `--app-ink`) on this page, as getComputedStyle writes it. */
const token = (page: Page, name: string) =>
  page.evaluate((name) => {
    const probe = document.createElement('span')
    probe.style.color = `var(${name})`
    document.body.append(probe)
    const colour = getComputedStyle(probe).color
    probe.remove()
    return colour
  }, name)

describe('steps at 375 px', () => {
  it('a case page: the three steps one below the other, full width, in ink', async () => {
    const slug = listFiles(dist)
      .map((f) => f.match(/^cases\/([^/]+)\/index\.html$/)?.[1])
      .find((s) => s && s !== 'category' && s !== 'street')
    const page = await open(`/cases/${slug}/`)
    const list = page.locator('article ol').filter({ has: page.getByRole('heading', { name: '群众诉求' }) })
    const layout = await list.evaluate((ol) => {
      const box = ol.getBoundingClientRect()
      return {
        display: getComputedStyle(ol).display,
        width: box.width,
        steps: [...ol.children].map((li) => {
          const r = li.getBoundingClientRect()
          const style = getComputedStyle(li)
          return {
            left: r.left - box.left,
            top: r.top,
            width: r.width,
            line: style.borderInlineStartWidth,
            heading: li.querySelector('h2')!.textContent!.replace(/\s|\d/g, ''),
            headingColour: getComputedStyle(li.querySelector('h2')!).color,
            textColours: [...li.querySelectorAll('p')].map((p) => getComputedStyle(p).color),
          }
        }),
      }
    })
    expect(layout.steps.map((s) => s.heading)).toEqual(['群众诉求', '代表履职', '办理结果'])
    expect(layout.display).toBe('block')
    for (const step of layout.steps) {
      expect(step.left).toBe(0)
      expect(step.width).toBeCloseTo(layout.width, 0)
      expect(step.line).toBe('3px')
    }
    // Stacked: each step starts below the one before.
    expect(layout.steps[1].top).toBeGreaterThan(layout.steps[0].top)
    expect(layout.steps[2].top).toBeGreaterThan(layout.steps[1].top)
    const ink = await token(page, '--app-ink')
    expect(ink).not.toBe(await token(page, '--app-muted'))
    for (const step of layout.steps) {
      expect(step.headingColour).toBe(ink)
      expect(step.textColours.length).toBeGreaterThan(0)
      for (const colour of step.textColours) expect(colour).toBe(ink)
    }
    await page.close()
  })

  it('the tracking view: a grid of steps, done ones in ink under a red bar, the current one bold red', async () => {
    const page = await open('/track/')
    // What the tracking page's script shows for the CMS's answer: the same function renders it.
    const view: TrackingView = {
      code: 'ABCDEFGHJK',
      category: 'other',
      categoryLabel: '其他',
      streetLabel: '奎山街道',
      community: '',
      status: 'assigned',
      statusLabel: '已分派',
      receivedAt: '2026-11-02T08:00:00.000Z',
      deadline: '2026-11-17T08:00:00.000Z',
      closedAt: null,
      handler: '',
      steps: [
        { status: 'received', label: '已受理', state: 'done', date: '2026-11-02T08:00:00.000Z' },
        { status: 'assigned', label: '已分派', state: 'done', date: '2026-11-03T08:00:00.000Z' },
        { status: 'processing', label: '办理中', state: 'pending', date: null },
        { status: 'closed', label: '已办结', state: 'pending', date: null },
        { status: 'revisited', label: '已回访', state: 'pending', date: null },
      ],
      replies: [],
      rating: null,
      ratingLabel: '',
      canRate: false,
    }
    await page.locator('#track-result').evaluate((el, html) => (el.innerHTML = html), trackingHtml(view, '#'))
    const list = page.locator('#track-result ol').filter({ hasText: '已受理' })
    const layout = await list.evaluate((ol) => {
      const box = ol.getBoundingClientRect()
      const style = getComputedStyle(ol)
      return {
        display: style.display,
        columns: style.gridTemplateColumns.split(' ').map(parseFloat),
        rem: parseFloat(getComputedStyle(document.documentElement).fontSize),
        width: box.width,
        steps: [...ol.children].map((li) => {
          const s = getComputedStyle(li)
          const label = getComputedStyle(li.querySelector('[class*="label"]')!)
          return {
            width: li.getBoundingClientRect().width,
            bar: s.borderTopWidth,
            barColour: s.borderTopColor,
            colour: s.color,
            labelWeight: label.fontWeight,
            labelColour: label.color,
          }
        }),
      }
    })
    expect(layout.display).toBe('grid')
    // auto-fit columns of at least 7.5rem: two side by side in a phone's 343 px.
    expect(layout.columns).toHaveLength(2)
    for (const column of layout.columns) expect(column).toBeGreaterThanOrEqual(7.5 * layout.rem)
    for (const step of layout.steps) expect(step.width).toBeLessThan(layout.width / 2)
    const [red, ink, muted, line] = await Promise.all(
      ['--app-red', '--app-ink', '--app-muted', '--app-line'].map((t) => token(page, t)),
    )
    const [received, assigned, processing] = layout.steps
    for (const done of [received, assigned]) {
      expect(done).toMatchObject({ bar: '4px', barColour: red, colour: ink })
    }
    expect(processing).toMatchObject({ bar: '4px', barColour: line, colour: muted })
    expect(assigned).toMatchObject({ labelWeight: '700', labelColour: red })
    expect(received.labelWeight).not.toBe('700')
    await page.close()
  })
})
