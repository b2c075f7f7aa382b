import fs from 'node:fs'
import path from 'node:path'

import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { axeViolations } from '../helpers/axe.ts'
import { useBuiltSite } from '../helpers/browser-site.ts'
import { decodeQr, pdfPageCount } from '../helpers/qr.ts'

/**
 * 码上见代表 posters on the built test site: every deputy's and station's poster has a QR code that a
 * camera reads (a screenshot of the rendered SVG decoded by jsQR) as /contact/ with that addressee and
 * that poster as the source; printed, a deputy's poster is one A4 page without the site's chrome, a
 * station's poster page carries the cards of its deputies.
 */
const site = useBuiltSite()
let page: Page

beforeAll(async () => {
  page = await site.browser.newPage({ viewport: { width: 900, height: 1200 } })
})
afterAll(async () => {
  await page?.close()
})

const posters = (kind: 'deputies' | 'stations') =>
  fs
    .readdirSync(path.join(site.dist, kind), { withFileTypes: true })
    .filter(
      (e) => e.isDirectory() && fs.existsSync(path.join(site.dist, kind, e.name, 'poster', 'index.html')),
    )
    .map((e) => e.name)

/** The address the fixture's SITE_URL (the default) gives a poster. */
const contactUrl = (kind: 'deputy' | 'station', slug: string) =>
  `http://127.0.0.1:4321/contact/?to=${kind}:${slug}&from=poster-${kind}-${slug}`

describe('码上见代表 posters', () => {
  it(
    'every deputy and station has a poster whose QR code reads as its /contact/ link',
    { timeout: 300_000 },
    async () => {
      const deputies = posters('deputies')
      const stations = posters('stations')
      expect(deputies.length).toBeGreaterThan(5)
      expect(stations.length).toBeGreaterThan(2)
      for (const [kind, dir, slugs] of [
        ['deputy', 'deputies', deputies],
        ['station', 'stations', stations],
      ] as const) {
        for (const slug of slugs) {
          await page.goto(`${site.url}/${dir}/${slug}/poster/`)
          const qr = page.locator('.poster-sheet .qr')
          await expect(qr.getAttribute('role')).resolves.toBe('img')
          await expect(decodeQr(qr), `${dir}/${slug}`).resolves.toBe(contactUrl(kind, slug))
        }
      }
    },
  )

  it('a deputy poster shows name, photo, station and reception times, and prints on one A4 page without chrome', async () => {
    const slug = posters('deputies')[0]
    await page.goto(`${site.url}/deputies/${slug}/poster/`)
    const sheet = page.locator('.poster-sheet')
    const name = (await page.locator('.poster-name').textContent())!
    expect(name).toMatch(/代表$/)
    await expect(sheet.textContent()).resolves.toMatch(/所在站点|接待时间/)
    // The table card to cut out carries the same code.
    await expect(decodeQr(page.locator('.table-card .qr'))).resolves.toBe(contactUrl('deputy', slug))
    await page.emulateMedia({ media: 'print' })
    for (const chrome of ['.site-header', '.site-footer', '.breadcrumbs', '.poster-help']) {
      await expect(page.locator(chrome).first().isVisible(), chrome).resolves.toBe(false)
    }
    await expect(sheet.isVisible()).resolves.toBe(true)
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
    expect(pdfPageCount(pdf)).toBe(1)
    // Back to what the page would use by itself (screen on screen, print for the PDF).
    await page.emulateMedia({ media: null })
  })

  it('a station poster page prints the poster, then a card with its own QR code for each of its deputies', async () => {
    let found = false
    for (const slug of posters('stations')) {
      await page.goto(`${site.url}/stations/${slug}/poster/`)
      const cards = page.locator('.table-card')
      const count = await cards.count()
      if (count === 0) continue
      found = true
      for (let i = 0; i < count; i++) {
        const url = await decodeQr(cards.nth(i).locator('.qr'))
        expect(url).toMatch(
          /^http:\/\/127\.0\.0\.1:4321\/contact\/\?to=deputy:([a-z0-9-]+)&from=poster-deputy-\1$/,
        )
      }
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true })
      expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(2)
      break
    }
    expect(found).toBe(true)
  })

  it('posters are linked from the profile pages, kept out of the sitemap and search engines, and pass axe', async () => {
    const slug = posters('deputies')[0]
    await page.goto(`${site.url}/deputies/${slug}/`)
    await page.getByRole('link', { name: /打印“码上见代表”海报/ }).click()
    await page.waitForURL(new RegExp(`/deputies/${slug}/poster/$`))
    await expect(page.locator('meta[name="robots"]').getAttribute('content')).resolves.toContain('noindex')
    expect(await axeViolations(page, `/deputies/${slug}/poster/`)).toEqual([])
    const sitemaps = fs.readdirSync(site.dist).filter((f) => /^sitemap-\d+\.xml$/.test(f))
    for (const f of sitemaps)
      expect(fs.readFileSync(path.join(site.dist, f), 'utf8')).not.toContain('/poster/')
  })
})
