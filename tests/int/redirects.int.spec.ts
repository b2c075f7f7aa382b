import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import * as content from '../../content/index.ts'
import { scratchDir } from '../../cms/paths.ts'
import { seed } from '../../cms/seed/index.ts'
import { buildSite } from '../../scripts/lib/site-build.ts'
import { checkLinks } from '../../scripts/lib/link-check.ts'
import {
  allowSelfPublishing,
  fieldErrors,
  makeUser,
  openThrowawayCms,
  type ThrowawayCms,
} from '../helpers/cms.ts'

/**
 * 回收站 and 重定向 (issue 19): a throwaway CMS seeded with a few news items, cases and the deputies and
 * stations they name; editors trash and restore through the Local API with access checks on; renames and
 * removals leave redirect rows, and the built site answers the old addresses with forwarding pages and
 * `redirects.map`, with no broken internal link.
 */
let cms: ThrowawayCms
let payload: Payload
let editor: Awaited<ReturnType<typeof makeUser>>['user']
let admin: Awaited<ReturnType<typeof makeUser>>['user']
const asEditor = () => ({ overrideAccess: false as const, user: editor })
const asAdmin = () => ({ overrideAccess: false as const, user: admin })
const anonymous = { overrideAccess: false as const, user: null }
const scratch = scratchDir('minhu-redirects-')

const NEWS = content.news[0].slug
const CASE = content.cases[0].slug
const NEW_SLUG = 'renamed-kickoff-news'

beforeAll(async () => {
  cms = await openThrowawayCms()
  payload = cms.payload
  await seed(payload, {
    data: {
      ...content,
      news: content.news.slice(0, 3),
      lectures: [],
      cases: content.cases.slice(0, 2),
      messages: [],
      consultations: [],
      opinions: [],
      activities: [],
    },
  })
  // Staff who publish and take pages down: a reviewer, with 双人审核 off (who may is review.int's subject).
  editor = (await makeUser(payload, 'reviewer')).user
  await allowSelfPublishing(payload)
  admin = (await makeUser(payload, 'admin')).user
})

afterAll(async () => {
  await cms?.close()
  fs.rmSync(scratch, { recursive: true, force: true })
})

const idOf = async (collection: 'news' | 'cases', slug: string) =>
  (await payload.find({ collection, where: { slug: { equals: slug } }, trash: true, overrideAccess: true }))
    .docs[0].id

const redirects = async () =>
  (
    await payload.find({ collection: 'redirects', limit: 0, pagination: false, overrideAccess: true })
  ).docs.map((r) => ({ from: r.from, to: r.to, kind: r.kind }))

const lastRebuild = async (source: string) =>
  (
    await payload.find({
      collection: 'rebuild-requests',
      where: { source: { equals: source } },
      sort: '-id',
      limit: 1,
      overrideAccess: true,
    })
  ).docs[0]

const build = async (name: string) => {
  const out = path.join(scratch, name)
  const lines: string[] = []
  await buildSite({
    outDir: out,
    env: { DATA_DIR: cms.dataDir, DATABASE_URI: cms.databaseUri, PAYLOAD_SECRET: process.env.PAYLOAD_SECRET },
    log: (line) => lines.push(line),
  })
  return { out, log: lines.join('\n') }
}

describe('回收站', () => {
  it('a reviewer moves a published case to the trash: anonymous readers no longer find it', async () => {
    const id = await idOf('cases', CASE)
    await payload.update({
      collection: 'cases',
      id,
      data: { deletedAt: new Date().toISOString() },
      ...asEditor(),
    })
    const found = await payload.find({ collection: 'cases', where: { slug: { equals: CASE } }, ...anonymous })
    expect(found.docs).toEqual([])
    // Even asking for the trash, an anonymous reader gets nothing: published-only access still applies.
    const asked = await payload.find({
      collection: 'cases',
      trash: true,
      where: { deletedAt: { exists: true } },
      ...anonymous,
    })
    expect(asked.docs.map((d) => d.slug)).not.toContain(CASE)
    // Staff see it in the trash.
    const trashed = await payload.find({
      collection: 'cases',
      trash: true,
      where: { deletedAt: { exists: true } },
      ...asEditor(),
    })
    expect(trashed.docs.map((d) => d.slug)).toEqual([CASE])
    // What the admin's relationship pickers list (a find without the trash) leaves it out, for staff too.
    const picker = await payload.find({ collection: 'cases', limit: 0, pagination: false, ...asEditor() })
    expect(picker.docs.map((d) => d.slug)).not.toContain(CASE)
    // Its address now leads to the case list.
    expect(await redirects()).toContainEqual({ from: `/cases/${CASE}/`, to: '/cases/', kind: 'auto' })
    // The site is asked to rebuild, as for a delete.
    expect(await lastRebuild('cases')).toMatchObject({ operation: 'delete', docId: String(id) })
  })

  it('a reviewer cannot delete for good; an admin can, from the trash', async () => {
    const other = content.cases[1].slug
    const id = await idOf('cases', other)
    await expect(payload.delete({ collection: 'cases', id, ...asEditor() })).rejects.toThrow()
    await payload.update({
      collection: 'cases',
      id,
      data: { deletedAt: new Date().toISOString() },
      ...asEditor(),
    })
    await expect(payload.delete({ collection: 'cases', id, trash: true, ...asEditor() })).rejects.toThrow()
    await payload.delete({ collection: 'cases', id, trash: true, ...asAdmin() })
    const left = await payload.find({
      collection: 'cases',
      trash: true,
      where: { slug: { equals: other } },
      overrideAccess: true,
    })
    expect(left.docs).toEqual([])
  })
})

describe('重定向', () => {
  it('renaming a published news item records old → new', async () => {
    const id = await idOf('news', NEWS)
    await payload.update({
      collection: 'news',
      id,
      data: { slug: NEW_SLUG, _status: 'published' },
      ...asEditor(),
    })
    expect(await redirects()).toContainEqual({
      from: `/news/${NEWS}/`,
      to: `/news/${NEW_SLUG}/`,
      kind: 'auto',
    })
  })

  it('an editor adds a manual redirect; paths are normalised and loops refused', async () => {
    const made = await payload.create({
      collection: 'redirects',
      data: {
        from: '/old-notice',
        to: `/news/${content.news[1].slug}`,
        kind: 'manual',
        reason: '印刷材料上的旧网址',
      },
      ...asEditor(),
    })
    expect(made.from).toBe('/old-notice/')
    expect(made.to).toBe(`/news/${content.news[1].slug}/`)
    expect(
      await fieldErrors(
        payload.create({
          collection: 'redirects',
          data: { from: '/a/', to: '/a', kind: 'manual' },
          ...asEditor(),
        }),
      ),
    ).toEqual({ to: '跳转到的网址不能与旧网址相同。' })
    expect(
      await fieldErrors(
        payload.create({
          collection: 'redirects',
          data: { from: 'news/x', to: '/a/', kind: 'manual' },
          ...asEditor(),
        }),
      ),
    ).toEqual({ from: '请填写以 / 开头的站内路径，例如 /news/old-title/。' })
    expect(
      await fieldErrors(
        payload.create({
          collection: 'redirects',
          data: { from: '/x/', to: 'javascript:alert(1)', kind: 'manual' },
          ...asEditor(),
        }),
      ),
    ).toEqual({ to: '只能跳转到站内路径（以 / 开头）或 https:// 开头的网址。' })
    // No chains: a redirect to an address that is then redirected itself is re-pointed.
    await payload.create({
      collection: 'redirects',
      data: { from: '/p/', to: '/q/', kind: 'manual' },
      ...asEditor(),
    })
    await payload.create({
      collection: 'redirects',
      data: { from: '/q/', to: '/news/', kind: 'manual' },
      ...asEditor(),
    })
    expect(await redirects()).toContainEqual({ from: '/p/', to: '/news/', kind: 'manual' })
    expect(
      await fieldErrors(
        payload.create({
          collection: 'redirects',
          data: { from: '/news/', to: '/p/', kind: 'manual' },
          ...asEditor(),
        }),
      ),
    ).toEqual({ to: '/p/ 已经跳转回 /news/，这样会形成循环。' })
    // Anonymous visitors may read redirects (public addresses) but not who made them, nor write.
    const read = await payload.findByID({ collection: 'redirects', id: made.id, ...anonymous })
    expect(read.from).toBe('/old-notice/')
    expect(read.createdBy).toBeUndefined()
    await expect(
      payload.create({
        collection: 'redirects',
        data: { from: '/y/', to: '/news/', kind: 'manual' },
        ...anonymous,
      }),
    ).rejects.toThrow()
  })
})

describe('网站', () => {
  const SITE = 'http://127.0.0.1:4321'
  let first: { out: string; log: string }
  const read = (out: string, rel: string) => fs.readFileSync(path.join(out, rel), 'utf8')

  beforeAll(async () => {
    first = await build('first')
  })

  it('the old address of a renamed news item forwards to the new one; the new page exists', () => {
    const page = read(first.out, `news/${NEWS}/index.html`)
    expect(page).toContain(`<meta http-equiv="refresh" content="0; url=/news/${NEW_SLUG}/">`)
    expect(page).toContain(`<link rel="canonical" href="${SITE}/news/${NEW_SLUG}/">`)
    expect(page).toContain('<meta name="robots" content="noindex">')
    expect(page).toContain('页面已迁移')
    expect(page).not.toContain('<script')
    expect(read(first.out, `news/${NEW_SLUG}/index.html`)).toContain(content.news[0].title)
    const map = read(first.out, 'redirects.map')
    expect(map).toContain(`/news/${NEWS}/ /news/${NEW_SLUG}/;\n`)
    expect(map).toContain(`/old-notice/ /news/${content.news[1].slug}/;\n`)
    const sitemap = read(first.out, 'sitemap-0.xml')
    expect(sitemap).toContain(`/news/${NEW_SLUG}/`)
    expect(sitemap).not.toContain(`/news/${NEWS}/`)
    expect(first.log).toMatch(/wrote \d+ redirect pages and redirects\.map/)
  })

  it('a trashed case is gone from the site: its address forwards to the case list', () => {
    const page = read(first.out, `cases/${CASE}/index.html`)
    expect(page).toContain('<meta http-equiv="refresh" content="0; url=/cases/">')
    expect(page).not.toContain(content.cases[0].title)
    expect(read(first.out, 'cases/index.html')).not.toContain(`href="/cases/${CASE}/"`)
    expect(read(first.out, 'redirects.map')).toContain(`/cases/${CASE}/ /cases/;\n`)
    expect(read(first.out, 'sitemap-0.xml')).not.toContain(`/cases/${CASE}/`)
  })

  it('no internal link is broken after the renames, and the check fails on a planted one', () => {
    expect(checkLinks(first.out).broken).toEqual([])
    const planted = path.join(scratch, 'planted')
    fs.cpSync(first.out, planted, { recursive: true })
    const about = path.join(planted, 'about', 'index.html')
    fs.writeFileSync(
      about,
      fs.readFileSync(about, 'utf8').replace('</main>', '<a href="/news/no-such-page/">x</a></main>'),
    )
    expect(checkLinks(planted).broken).toEqual([{ page: 'about/index.html', url: '/news/no-such-page/' }])
  })

  it('the site server answers an old address with a 301 from the map', async () => {
    const { serveSite } = await import('../../scripts/lib/site-server.ts')
    const server = await serveSite({ root: () => first.out, port: 0 })
    try {
      const res = await fetch(`${server.url}/news/${NEWS}/`, { redirect: 'manual' })
      expect(res.status).toBe(301)
      expect(res.headers.get('location')).toBe(`/news/${NEW_SLUG}/`)
      const bare = await fetch(`${server.url}/old-notice?from=poster`, { redirect: 'manual' })
      expect(bare.headers.get('location')).toBe(`/news/${content.news[1].slug}/?from=poster`)
      expect((await fetch(`${server.url}/news/${NEW_SLUG}/`, { redirect: 'manual' })).status).toBe(200)
    } finally {
      await server.close()
    }
  })

  it('restored, the case is back at its address and the redirect is gone; a redirect from a real page is skipped', async () => {
    const id = await idOf('cases', CASE)
    // Restored from the trash and published again (an unpublished restore comes back as a draft).
    await payload.update({
      collection: 'cases',
      id,
      data: { deletedAt: null, _status: 'published' },
      trash: true,
      ...asEditor(),
    })
    expect((await redirects()).map((r) => r.from)).not.toContain(`/cases/${CASE}/`)
    expect(await lastRebuild('cases')).toMatchObject({ operation: 'publish', docId: String(id) })
    const found = await payload.find({ collection: 'cases', where: { slug: { equals: CASE } }, ...anonymous })
    expect(found.docs).toHaveLength(1)
    await payload.create({
      collection: 'redirects',
      data: { from: '/about/', to: '/', kind: 'manual' },
      ...asEditor(),
    })
    const second = await build('second')
    const page = read(second.out, `cases/${CASE}/index.html`)
    expect(page).toContain(content.cases[0].title)
    expect(page).not.toContain('http-equiv="refresh"')
    const map = read(second.out, 'redirects.map')
    expect(map).not.toContain(`/cases/${CASE}/`)
    expect(map).not.toContain('/about/ ')
    expect(second.log).toContain('redirect /about/ → / skipped: /about/ is a page of this build')
    expect(read(second.out, 'about/index.html')).not.toContain('页面已迁移')
    expect(checkLinks(second.out).broken).toEqual([])
  })
})
