import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seed } from '../../cms/seed/index.ts'
import { toLexical } from '../../cms/seed/lexical.ts'
import { buildSite, siteBuilder, type SiteBuilder } from '../../scripts/lib/site-build.ts'
import { listFiles, localLinks, resolves } from '../helpers/dist.ts'
import { openThrowawayCms, type ThrowawayCms } from '../helpers/cms.ts'

/**
 * The news listings as an incremental build renders them: archive pages numbered from the oldest, only
 * the pages whose items changed rendered, the rest linked from the previous build, and the result the
 * same as a full build's, on a seeded CMS with 50 more news items (66 in all: archive pages of 20, 20,
 * 20 and 6). The incremental builds run as the site builder runs them, in a build process started
 * ahead (`siteBuilder`); the full builds they are compared with run cold (`astro build`).
 */

let cms: ThrowawayCms
let builder: SiteBuilder
const editor = { overrideAccess: true, context: {} } as const
const builds: string[] = []
let n = 0

/** Builds into a fresh folder: incremental on `base` (in the builder's spare process), or full. */
async function build(base?: string, full = false): Promise<string> {
  const out = path.join(cms.dataDir, `build-${++n}`)
  if (base && !full) await builder.build({ outDir: out, base })
  else await buildSite({ outDir: out, env: full ? { SITE_FULL_BUILD: '1' } : {} })
  builds.push(out)
  return out
}

const LISTINGS = /^news\/(index\.html$|page\/|category\/)/
const listingFiles = (dir: string) => listFiles(dir).filter((f) => LISTINGS.test(f) && f.endsWith('.html'))
const read = (dir: string, rel: string) => fs.readFileSync(path.join(dir, rel), 'utf8')
/** The listing pages of `dir` that are the same file as in `base` (hard-linked, not rendered). */
const linked = (dir: string, base: string) =>
  listingFiles(dir).filter((f) => {
    const other = path.join(base, f)
    return fs.existsSync(other) && fs.statSync(other).ino === fs.statSync(path.join(dir, f)).ino
  })
/** The slugs a listing page links to, in order. */
const listed = (html: string) => [...html.matchAll(/href="\/news\/([^/"]+)\/"/g)].map((m) => m[1])

function sameListings(incremental: string, full: string) {
  expect(listingFiles(incremental)).toEqual(listingFiles(full))
  for (const f of listingFiles(full)) expect(read(incremental, f), f).toBe(read(full, f))
}

function noBrokenLinks(dir: string) {
  const broken: string[] = []
  for (const f of listingFiles(dir)) {
    for (const url of localLinks(read(dir, f))) {
      if (url.startsWith('/') && !url.startsWith('/prefs/') && !resolves(dir, url))
        broken.push(`${f} → ${url}`)
    }
  }
  expect(broken).toEqual([])
}

async function addNews(title: string, publishedAt: string) {
  return cms.payload.create({
    collection: 'news',
    data: {
      title,
      category: 'news',
      body: toLexical([`${title}的正文。`]),
      publishedAt,
      _status: 'published',
    },
    draft: false,
    ...editor,
  })
}

let first: string
let oldest: { id: number | string; slug: string; title: string }

beforeAll(async () => {
  cms = await openThrowawayCms()
  await seed(cms.payload)
  // 50 more, older than the seed's: the oldest archive pages hold these.
  for (let i = 0; i < 50; i++) {
    const doc = await addNews(`往期社区通讯第 ${i + 1} 期`, new Date(Date.UTC(2020, 0, 1 + i)).toISOString())
    if (i === 0) oldest = doc as typeof oldest
  }
  first = await build()
  builder = siteBuilder()
}, 600_000)

afterAll(async () => {
  builder?.close()
  await cms?.close()
})

describe('news archive pages', { timeout: 600_000 }, () => {
  it('are numbered from the oldest; /news/ shows the newest and links on to the older ones', () => {
    expect(listingFiles(first)).toEqual(
      expect.arrayContaining([
        'news/index.html',
        'news/page/1/index.html',
        'news/page/4/index.html',
        'news/category/news/page/1/index.html',
      ]),
    )
    expect(fs.existsSync(path.join(first, 'news/page/5/index.html'))).toBe(false)
    const pageOne = listed(read(first, 'news/page/1/index.html'))
    expect(pageOne).toHaveLength(20)
    // Newest first on every page, the very oldest item last on page 1.
    expect(pageOne.at(-1)).toBe(oldest.slug)
    expect(listed(read(first, 'news/page/4/index.html'))).toHaveLength(6)
    const latest = read(first, 'news/index.html')
    expect(listed(latest)).toHaveLength(20)
    expect(latest).toContain('href="/news/page/3/" rel="next"')
    noBrokenLinks(first)
  })

  it('an edit and a new item re-render only the pages they are on, the same as a full build', async () => {
    await cms.payload.update({
      collection: 'news',
      id: oldest.id,
      data: { title: '往期社区通讯第 1 期（更正）' },
      ...editor,
    })
    const fresh = await addNews('社区议事厅今起开放预约', new Date().toISOString())
    const next = await build(first)
    const full = await build(undefined, true)
    sameListings(next, full)
    noBrokenLinks(next)
    // Linked pages are in the sitemap too, in the same order as a full build lists them.
    expect(read(next, 'sitemap-0.xml')).toBe(read(full, 'sitemap-0.xml'))

    // Rendered: /news/ and the category first pages (always), page 1 of each archive (the edit) and
    // page 4, the newest (the new item); every other archive page is the previous build's file.
    const rendered = listingFiles(next).filter((f) => !linked(next, first).includes(f))
    expect(rendered.sort()).toEqual(
      [
        'news/index.html',
        'news/page/1/index.html',
        'news/page/4/index.html',
        'news/category/news/index.html',
        'news/category/notice/index.html',
        'news/category/news/page/1/index.html',
        'news/category/news/page/4/index.html',
      ].sort(),
    )
    expect(listed(read(next, 'news/index.html'))[0]).toBe(fresh.slug)
    expect(listed(read(next, 'news/page/4/index.html'))[0]).toBe(fresh.slug)
    expect(read(next, 'news/page/1/index.html')).toContain('往期社区通讯第 1 期（更正）')
  })

  it('a deleted item leaves every listing, and the pages after it move up, the same as a full build', async () => {
    const base = builds.at(-2)!
    await cms.payload.delete({ collection: 'news', id: oldest.id, ...editor })
    const next = await build(base)
    const full = await build(undefined, true)
    sameListings(next, full)
    noBrokenLinks(next)
    for (const f of listingFiles(next)) expect(listed(read(next, f)), f).not.toContain(oldest.slug)
    // Its own page is gone: what answers there now is the forwarding page to the list (site/build/redirects.ts).
    const left = path.join(next, 'news', oldest.slug, 'index.html')
    if (fs.existsSync(left)) {
      expect(read(next, `news/${oldest.slug}/index.html`)).toContain('http-equiv="refresh"')
      expect(read(next, `news/${oldest.slug}/index.html`)).not.toContain('往期社区通讯第 1 期')
    }
  })
})

describe('deputy pages and posters', { timeout: 600_000 }, () => {
  const deputyFiles = (dir: string) =>
    // Each deputy's page and poster (the 履职统计 page, deputies/duty/, lists them all and always renders).
    listFiles(dir).filter((f) => /^deputies\/(?!duty\/)[^/]+\/(poster\/)?index\.html$/.test(f))
  const same = (a: string, b: string, f: string) =>
    fs.existsSync(path.join(b, f)) && fs.statSync(path.join(a, f)).ino === fs.statSync(path.join(b, f)).ino

  it('a case edit re-renders the pages of the deputies it shows, the others are linked; the same as a full build', async () => {
    const base = builds.at(-2)!
    const { docs } = await cms.payload.find({
      collection: 'cases',
      where: { deputies: { exists: true } },
      depth: 1,
      limit: 1,
      ...editor,
    })
    const shown = (docs[0].deputies as { slug: string }[]).map((d) => d.slug)
    await cms.payload.update({
      collection: 'cases',
      id: docs[0].id,
      data: { title: '加装电梯案例（标题更正）' },
      ...editor,
    })
    const next = await build(base)
    const full = await build(undefined, true)
    expect(deputyFiles(next)).toEqual(deputyFiles(full))
    for (const f of deputyFiles(full)) expect(read(next, f), f).toBe(read(full, f))
    const rendered = deputyFiles(next).filter((f) => !same(next, base, f))
    expect(rendered.sort()).toEqual(shown.map((slug) => `deputies/${slug}/index.html`).sort())
    for (const slug of shown)
      expect(read(next, `deputies/${slug}/index.html`)).toContain('加装电梯案例（标题更正）')
  })
})
