import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, inject, it } from 'vitest'

import { CANARIES, PUBLIC_OPINION_SUMMARY } from '../helpers/canaries.ts'
import { listFiles, readForScan } from '../helpers/dist.ts'

/**
 * 意见征集 in the built site (tests/helpers/global-setup.ts builds it from the seed plus the opinion
 * canaries of tests/helpers/site-fixture.ts): pages, forms while open, feedback once published, the
 * ledger, feeds, search and share cards, and no personal data of any opinion anywhere in dist/.
 */
const dist = inject('siteDir')
const html = (rel: string) => fs.readFileSync(path.join(dist, rel), 'utf8')
const OPEN = 'consultations/ebike-charging-regulation-draft/index.html'
const ANSWERED = 'consultations/livelihood-projects-2027/index.html'

describe('意见征集 pages', () => {
  it('the list shows the open consultation first with its days left, then the answered one', () => {
    const page = html('consultations/index.html')
    const open = page.indexOf('电动自行车停放充电管理条例')
    const closed = page.indexOf('民生实事项目征集')
    expect(open).toBeGreaterThan(0)
    expect(closed).toBeGreaterThan(open)
    expect(page).toMatch(/还剩 \d+ 天/)
    expect(page).toContain('采纳率')
  })

  it('an open consultation has its draft part by part, a form under every article and one general form', () => {
    const page = html(OPEN)
    expect(page).toContain('第一章 总则')
    expect(page).toContain('id="art-3-1"')
    const articles = page.match(/class="draft-article"/g) ?? []
    expect(articles).toHaveLength(7)
    const forms =
      page.match(
        /<form class="opinion-form" method="post" action="http:\/\/127\.0\.0\.1:3000\/api\/opinions\/submit"/g,
      ) ?? []
    expect(forms).toHaveLength(8)
    expect(page.match(/<summary[^>]*>对本条提意见<\/summary>/g)).toHaveLength(7)
    expect(page).toContain('name="article" value="art-3"')
    expect(page).toContain('name="article" value="general"')
    expect(page).toContain('截止')
    expect(page).toContain('奎山街道实践站')
    const pdf = /<a href="(\/media\/[^"]+\.pdf)" download/.exec(page)?.[1]
    expect(pdf, 'the PDF link').toBeTruthy()
    expect(fs.readFileSync(path.join(dist, pdf!)).subarray(0, 5).toString()).toBe('%PDF-')
    // No script: the forms work without JavaScript.
    expect(page.match(/<script\b(?![^>]*ld\+json)/g) ?? []).toEqual([])
    // Its pending and unpublished outcome stays off the page.
    expect(page).not.toContain('意见采纳情况')
  })

  it('an answered consultation has no form, and shows per article the counts, the anonymised opinions and the report', () => {
    const page = html(ANSWERED)
    expect(page).not.toContain('opinion-form')
    expect(page).toContain('不再接收意见')
    expect(page).toContain('本条收到意见 2 条，采纳 1 条，部分采纳 1 条')
    expect(page).toContain(PUBLIC_OPINION_SUMMARY)
    expect(page).toContain('理由：已将错时共享泊位纳入停车治理项目')
    expect(page).toContain('反馈报告')
    expect(page).toContain('共收到意见 6 条：采纳 2 条，部分采纳 2 条，未采纳 1 条，已转交 1 条')
  })

  it('the ledger totals the answered consultations by kind and by street, as SVG with tables', () => {
    const page = html('consultations/feedback/index.html')
    expect(page).toContain('立法意见采纳公告榜')
    expect(page.match(/<svg[^>]*class="chart-svg"/g)?.length).toBeGreaterThanOrEqual(4)
    expect(page.match(/<table/g)?.length).toBeGreaterThanOrEqual(5)
    expect(page).toContain('民生实事项目征集')
    expect(page).toContain('湖滨街道')
    expect(page).toContain('66.7%')
  })

  it('has a share card, an RSS feed of open consultations, sitemap and search entries', () => {
    const page = html(OPEN)
    const image = /<meta property="og:image" content="([^"]+)"/.exec(page)?.[1]
    expect(image).toMatch(/\/share-consultations\.png$/)
    const png = fs.readFileSync(path.join(dist, 'share-consultations.png'))
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(300)
    expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(300)
    expect(page).toMatch(/<meta property="og:description" content="[^"]+"/)
    const rss = html('consultations/rss.xml')
    expect(rss).toContain('/consultations/ebike-charging-regulation-draft/')
    expect(rss).not.toContain('livelihood-projects-2027')
    const sitemap = listFiles(dist)
      .filter((f) => f.startsWith('sitemap') && f.endsWith('.xml'))
      .map(html)
      .join('')
    expect(sitemap).toContain('/consultations/ebike-charging-regulation-draft/')
    expect(sitemap).toContain('/consultations/feedback/')
    // In the search index (Pagefind's fragments, unpacked), with its own type filter.
    const fragments = listFiles(dist)
      .filter((f) => f.endsWith('.pf_fragment'))
      .map((f) => readForScan(path.join(dist, f)))
    const entry = fragments.find((text) => text.includes('/consultations/ebike-charging-regulation-draft/'))
    expect(entry).toContain('电动自行车')
    expect(entry).toContain('意见征集')
  })

  it('no name, phone, original text, unpublished outcome or receipt code of any opinion is in dist/', () => {
    const phones = JSON.parse(
      fs.readFileSync(path.join(inject('siteDataDir'), 'message-phones.json'), 'utf8'),
    ) as string[]
    expect(phones).toContain('13512340011')
    const secrets = [
      CANARIES.opinionName,
      CANARIES.opinionBody,
      CANARIES.opinionReason,
      CANARIES.opinionSummary,
      CANARIES.opinionCode,
      '示例居民甲',
      '0516-00000011',
      'SAMPC-',
      ...phones,
    ]
    const leaks: string[] = []
    for (const rel of listFiles(dist)) {
      const text = readForScan(path.join(dist, rel))
      for (const s of secrets) if (text.includes(s)) leaks.push(`${s} in ${rel}`)
    }
    expect(leaks).toEqual([])
  })
})
