import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, inject, it } from 'vitest'

import { axeViolations } from '../helpers/axe.ts'
import { useBuiltSite } from '../helpers/browser-site.ts'

/** axe-core (WCAG 2.1 A and AA rules) on every URL of the built sitemap, plus the search page with results. */

const dist = inject('siteDir')
const site = useBuiltSite()

const sitemapPaths = () =>
  fs
    .readdirSync(dist)
    .filter((f) => /^sitemap-\d+\.xml$/.test(f))
    .flatMap((f) => [...fs.readFileSync(path.join(dist, f), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)])
    .map((m) => new URL(m[1]).pathname)

async function audit(url: string, prepare?: (page: import('playwright-core').Page) => Promise<void>) {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } })
  await page.goto(`${site.url}${url}`)
  if (prepare) await prepare(page)
  const problems = await axeViolations(page, url)
  await page.close()
  return problems
}

describe('accessibility (axe, WCAG 2.1 AA)', () => {
  it('finds no violations on any page of the sitemap', { timeout: 600_000 }, async () => {
    const paths = sitemapPaths()
    expect(paths.length).toBeGreaterThan(100)
    // One tab walks the whole sitemap, as a visitor would: a fresh tab per page costs more than axe.
    const page = await site.browser.newPage({ viewport: { width: 1280, height: 900 } })
    const problems: string[] = []
    for (const p of paths) {
      await page.goto(`${site.url}${p}`)
      problems.push(...(await axeViolations(page, p)))
    }
    await page.close()
    expect(problems).toEqual([])
  })

  it('finds no violations on the search page showing results', async () => {
    const problems = await audit('/search/?q=%E5%81%9C%E8%BD%A6', async (page) => {
      await page.locator('.result-link').first().waitFor({ timeout: 15_000 })
    })
    expect(problems).toEqual([])
  })

  it('finds no violations on the 404 page', async () => {
    expect(await audit('/404.html')).toEqual([])
  })
})
