import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { BuildQueue } from '../../cms/builds/queue.ts'
import { seed } from '../../cms/seed/index.ts'
import { toLexical } from '../../cms/seed/lexical.ts'
import { RebuildWorker } from '../../scripts/lib/rebuild-worker.ts'
import { buildSite } from '../../scripts/lib/site-build.ts'
import { serveSite, type SiteServer } from '../../scripts/lib/site-server.ts'
import { allowSelfPublishing, useThrowawayCms } from '../helpers/cms.ts'
import { freePort } from '../helpers/ports.ts'
import { rebuildRequests } from '../helpers/rebuild.ts'

/**
 * Publish → rebuild: the CMS hooks write requests to the database, the builder holding the lease
 * coalesces them, builds into a fresh folder and swaps; a second builder stands by.
 */

const local = useThrowawayCms()
const { asEditor, asReviewer } = local

const requests = () => rebuildRequests(local.payload)
const news = (title: string) => ({
  title,
  category: 'news',
  body: toLexical(['正文']),
  publishedAt: '2026-11-20',
})

// These seed a database and build sites for real: minutes on a busy 2-core machine.
describe('what asks for a rebuild', { timeout: 180_000 }, () => {
  it('publishing, editing a published document and unpublishing do; drafts do not', async () => {
    const before = (await requests()).length
    const draft = await local.payload.create({
      collection: 'news',
      data: news('只是草稿') as never,
      draft: true,
      ...asEditor(),
    })
    expect((await requests()).length).toBe(before)

    await local.payload.update({
      collection: 'news',
      id: draft.id,
      data: { _status: 'published' },
      ...asReviewer(),
    })
    expect((await requests()).at(-1)).toMatchObject({
      source: 'news',
      operation: 'publish',
      title: '只是草稿',
      build: 'waiting',
    })
    const published = (await requests()).length

    await local.payload.update({
      collection: 'news',
      id: draft.id,
      data: { title: '新草稿' },
      draft: true,
      ...asEditor(),
    })
    expect((await requests()).length).toBe(published)

    await local.payload.update({
      collection: 'news',
      id: draft.id,
      data: { _status: 'draft' },
      ...asReviewer(),
    })
    expect((await requests()).at(-1)).toMatchObject({ source: 'news', operation: 'unpublish' })
  })

  it('deputies, stations, media and site settings always do; the seed does not', async () => {
    const before = (await requests()).length
    await seed(local.payload, { data: undefined })
    expect((await requests()).length).toBe(before)
    // Who may publish is review.int's subject: here a reviewer edits in place.
    await allowSelfPublishing(local.payload)
    const [deputy] = (await local.payload.find({ collection: 'deputies', limit: 1 })).docs
    await local.payload.update({
      collection: 'deputies',
      id: deputy.id,
      data: { occupation: '新职业' },
      ...asReviewer(),
    })
    await local.payload.updateGlobal({ slug: 'site', data: { tagline: '新标语' }, ...asEditor() })
    expect((await requests()).slice(-2).map((r) => [r.source, r.operation])).toEqual([
      ['deputies', 'update'],
      ['site', 'update'],
    ])
  })
})

describe('the rebuild worker', { timeout: 240_000 }, () => {
  let server: SiteServer
  let worker: RebuildWorker
  let standby: RebuildWorker
  const builds: string[] = []
  const standbyBuilds: string[] = []
  const lines: string[] = []
  let failNext = false
  const dataDir = () => local.cms.dataDir
  const env = () => ({
    DATA_DIR: local.cms.dataDir,
    DATABASE_URI: local.cms.databaseUri,
    PAYLOAD_SECRET: process.env.PAYLOAD_SECRET,
  })
  const liveLink = () => path.join(dataDir(), 'site-live')

  beforeAll(async () => {
    await allowSelfPublishing(local.payload)
    const dist = path.join(dataDir(), 'dist')
    await buildSite({ outDir: dist, env: env() })
    const options = {
      payload: local.payload,
      buildsDir: path.join(dataDir(), 'site-builds'),
      initialLive: dist,
      liveLink: liveLink(),
      debounceMs: 800,
      pollMs: 200,
      leaseMs: 3000,
    }
    worker = new RebuildWorker({
      ...options,
      holder: 'builder-a',
      initialBuild: { startedAt: new Date(), ms: 0, trigger: '启动时检查：网站已是最新' },
      // A real `astro build`; "failing" points it at a database URI it cannot use.
      // As npm start's builder does: incremental on top of the live build.
      build: (outDir, base) => {
        builds.push(outDir)
        return buildSite({
          outDir,
          base,
          env: failNext ? { ...env(), DATABASE_URI: 'mysql://nowhere/db' } : env(),
        })
      },
      log: (line) => lines.push(line),
    })
    worker.start()
    while (!worker.isBuilder) await new Promise((r) => setTimeout(r, 100))
    // A second builder on the same database, as on a second machine: it must stand by.
    standby = new RebuildWorker({
      ...options,
      holder: 'builder-b',
      build: async (outDir) => {
        standbyBuilds.push(outDir)
        await buildSite({ outDir, env: env() })
      },
      log: (line) => lines.push(line),
    })
    standby.start()
    server = await serveSite({ root: () => fs.realpathSync(liveLink()), port: await freePort() })
  })

  afterAll(async () => {
    await standby?.stop()
    await worker?.stop()
    await server?.close()
  })

  it('a burst of ten publishes makes at most two builds by one builder, and the new pages go live', async () => {
    const slugs: string[] = []
    for (let i = 0; i < 10; i++) {
      const doc = await local.payload.create({
        collection: 'news',
        data: { ...news(`连续发布第${i + 1}条`), _status: 'published' } as never,
        ...asReviewer(),
      })
      slugs.push(doc.slug!)
    }
    await worker.idle()
    expect(builds.length).toBeGreaterThanOrEqual(1)
    expect(builds.length).toBeLessThanOrEqual(2)
    expect(standbyBuilds).toEqual([])
    expect(lines).toContain('rebuild: standing by (builder-a builds)')
    expect(fs.realpathSync(liveLink())).toBe(worker.live)
    for (const slug of slugs) {
      const res = await fetch(`${server.url}/news/${slug}/`)
      expect(res.status, slug).toBe(200)
    }
    const status = await new BuildQueue(local.payload).status()
    expect(status).toMatchObject({ running: null, queued: false })
    expect(status.builds[0]).toMatchObject({ ok: true })
    // Named by the first article's title, as editors know it.
    expect(status.builds.at(-1)).toMatchObject({ ok: true, trigger: '启动时检查：网站已是最新' })
    expect(status.builds.map((b) => b.trigger)).toContainEqual(
      expect.stringMatching(/^新闻公告《连续发布第1条》发布（.+）等 \d+ 项$/),
    )
    expect((await rebuildRequests(local.payload)).filter((r) => r.build === 'waiting')).toEqual([])
    // Precompressed copies: a new page's is made; a page linked unchanged from the previous build has that
    // build's own .gz linked with it.
    const page = path.join(worker.live, 'news', slugs[0], 'index.html')
    expect(zlib.gunzipSync(fs.readFileSync(`${page}.gz`)).equals(fs.readFileSync(page))).toBe(true)
    const dist = path.join(dataDir(), 'dist')
    const ino = (file: string) => fs.statSync(file, { throwIfNoEntry: false })?.ino
    const at = (dir: string, d: string, file: string) => path.join(dir, 'news', d, file)
    const linked = fs
      .readdirSync(path.join(dist, 'news'))
      .filter((d) => ino(at(dist, d, 'index.html.gz')) !== undefined)
      .filter((d) => ino(at(dist, d, 'index.html')) === ino(at(worker.live, d, 'index.html')))
    if (builds.length === 1) expect(linked.length).toBeGreaterThan(0)
    for (const d of linked)
      expect(ino(at(worker.live, d, 'index.html.gz')), d).toBe(ino(at(dist, d, 'index.html.gz')))
  })

  it('a failed build leaves the last good site serving and records the error', async () => {
    const live = worker.live
    failNext = true
    const doc = await local.payload.create({
      collection: 'news',
      data: { ...news('构建失败时发布的'), _status: 'published' } as never,
      ...asReviewer(),
    })
    await worker.idle()
    failNext = false
    expect(worker.live).toBe(live)
    expect(fs.realpathSync(liveLink())).toBe(live)
    expect((await fetch(`${server.url}/`)).status).toBe(200)
    expect((await fetch(`${server.url}/news/${doc.slug}/`)).status).toBe(404)
    const [last] = (await new BuildQueue(local.payload).status()).builds
    expect(last.ok).toBe(false)
    expect(last.error).toContain('DATABASE_URI')
    expect(last.trigger).toContain('《构建失败时发布的》')
  })

  it('when the builder stops, the standby takes over, rebuilds what a killed build left and serves the newest build', async () => {
    const live = worker.live
    await worker.stop()
    await expect.poll(() => standby.isBuilder, { timeout: 10_000 }).toBe(true)
    expect(standby.live).toBe(live)

    // What a builder killed mid-build leaves: its record "running", its requests taken.
    await standby.stop()
    const doc = await local.payload.create({
      collection: 'news',
      data: { ...news('构建中途被终止时发布的'), _status: 'published' } as never,
      ...asReviewer(),
    })
    const queue = new BuildQueue(local.payload)
    const [request] = (await queue.pending()).filter((r) => r.title === '构建中途被终止时发布的')
    await queue.startBuild({
      buildId: 'killed-build',
      trigger: '被终止的构建',
      builder: 'builder-killed',
      folder: path.join(dataDir(), 'site-builds', 'killed-build'),
      startedAt: new Date(),
    })
    await queue.claim([request.id], 'killed-build')
    expect(await queue.pending()).toEqual([])

    standby.start()
    await expect.poll(() => standby.isBuilder, { timeout: 10_000 }).toBe(true)
    await standby.idle()
    const status = await queue.status()
    expect(status.builds.find((b) => b.id === 'killed-build')).toMatchObject({
      ok: false,
      error: expect.stringContaining('构建进程中途停止'),
    })
    expect(status.builds[0]).toMatchObject({
      ok: true,
      trigger: expect.stringContaining('《构建中途被终止时发布的》'),
    })
    expect(standbyBuilds).toHaveLength(1)
    expect((await fetch(`${server.url}/news/${doc.slug}/`)).status).toBe(200)
    expect(lines.some((l) => l.includes('1 interrupted build(s) queued again'))).toBe(true)
    // The builds folder keeps the live build and the one before it, nothing else.
    expect(
      fs.readdirSync(path.join(dataDir(), 'site-builds')).filter((f) => !f.endsWith('.json')).length,
    ).toBeLessThanOrEqual(2)
  })
})

describe('the builder lease', () => {
  it('one of two claimants at the same moment gets it, and it passes on only when it expires', async () => {
    const queue = new BuildQueue(local.payload)
    const a = queue.builderLease('lease-a', 1000)
    const b = queue.builderLease('lease-b', 1000)
    await a.release()
    await b.release()
    const now = Date.now()
    const results = await Promise.all([a.hold(now), b.hold(now)])
    expect(results.filter(Boolean)).toHaveLength(1)
    const [holder, other] = results[0] ? [a, b] : [b, a]
    expect(await other.hold(now + 500)).toBe(false)
    expect(await holder.hold(now + 500)).toBe(true)
    // Not renewed for longer than the lease: the other takes it, and the first learns it lost it.
    expect(await other.hold(now + 2000)).toBe(true)
    expect(await holder.hold(now + 2100)).toBe(false)
    await other.release()
  })
})
