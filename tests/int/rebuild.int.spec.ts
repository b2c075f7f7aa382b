import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { rebuildRequestsFile } from '../../cms/hooks/requestRebuild.ts'
import { seed } from '../../cms/seed/index.ts'
import { toLexical } from '../../cms/seed/lexical.ts'
import { RebuildWorker, readStatus } from '../../scripts/lib/rebuild-worker.ts'
import { buildSite } from '../../scripts/lib/site-build.ts'
import { serveSite, type SiteServer } from '../../scripts/lib/site-server.ts'
import { useThrowawayCms } from '../helpers/cms.ts'
import { freePort } from '../helpers/ports.ts'

/** Publish → rebuild: the CMS hooks ask, the worker coalesces, builds into a fresh folder, swaps. */

const local = useThrowawayCms()
const { asEditor } = local

const requests = () =>
  fs.existsSync(rebuildRequestsFile())
    ? fs
        .readFileSync(rebuildRequestsFile(), 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { collection: string; operation: string })
    : []
const news = (title: string) => ({
  title,
  category: 'news',
  body: toLexical(['正文']),
  publishedAt: '2026-11-20',
})

// These seed a database and build sites for real: minutes on a busy 2-core machine.
describe('what asks for a rebuild', { timeout: 180_000 }, () => {
  it('publishing, editing a published document and unpublishing do; drafts do not', async () => {
    const before = requests().length
    const draft = await local.payload.create({
      collection: 'news',
      data: news('只是草稿') as never,
      draft: true,
      ...asEditor(),
    })
    expect(requests().length).toBe(before)

    await local.payload.update({
      collection: 'news',
      id: draft.id,
      data: { _status: 'published' },
      ...asEditor(),
    })
    expect(requests().at(-1)).toMatchObject({ collection: 'news', operation: 'update' })
    const published = requests().length

    await local.payload.update({
      collection: 'news',
      id: draft.id,
      data: { title: '新草稿' },
      draft: true,
      ...asEditor(),
    })
    expect(requests().length).toBe(published)

    await local.payload.update({
      collection: 'news',
      id: draft.id,
      data: { _status: 'draft' },
      ...asEditor(),
    })
    expect(requests().at(-1)).toMatchObject({ collection: 'news', operation: 'unpublish' })
  })

  it('deputies, stations, media and site settings always do; the seed does not', async () => {
    const before = requests().length
    await seed(local.payload, { data: undefined })
    expect(requests().length).toBe(before)
    const [deputy] = (await local.payload.find({ collection: 'deputies', limit: 1 })).docs
    await local.payload.update({
      collection: 'deputies',
      id: deputy.id,
      data: { occupation: '新职业' },
      ...asEditor(),
    })
    await local.payload.updateGlobal({ slug: 'site', data: { tagline: '新标语' }, ...asEditor() })
    expect(
      requests()
        .slice(-2)
        .map((r) => r.collection),
    ).toEqual(['deputies', 'site'])
  })
})

describe('the rebuild worker', { timeout: 180_000 }, () => {
  let server: SiteServer
  let worker: RebuildWorker
  const builds: string[] = []
  let failNext = false
  const dataDir = () => local.cms.dataDir

  beforeAll(async () => {
    const dist = path.join(dataDir(), 'dist')
    const env = {
      DATA_DIR: local.cms.dataDir,
      DATABASE_URI: local.cms.databaseUri,
      PAYLOAD_SECRET: process.env.PAYLOAD_SECRET,
    }
    await buildSite({ outDir: dist, env })
    worker = new RebuildWorker({
      requestsFile: rebuildRequestsFile(),
      statusFile: path.join(dataDir(), 'site-builds.json'),
      buildsDir: path.join(dataDir(), 'site-builds'),
      initialLive: dist,
      debounceMs: 800,
      // A real `astro build`; "failing" points it at a database URI it cannot use.
      build: (outDir) => {
        builds.push(outDir)
        return buildSite({ outDir, env: failNext ? { ...env, DATABASE_URI: 'mysql://nowhere/db' } : env })
      },
      log: () => {},
    })
    worker.start()
    server = await serveSite({ root: () => worker.live, port: await freePort() })
  })

  afterAll(async () => {
    worker?.stop()
    await server?.close()
  })

  it('a burst of ten publishes makes at most two builds, and the new pages go live', async () => {
    const slugs: string[] = []
    for (let i = 0; i < 10; i++) {
      const doc = await local.payload.create({
        collection: 'news',
        data: { ...news(`连续发布第${i + 1}条`), _status: 'published' } as never,
        ...asEditor(),
      })
      slugs.push(doc.slug!)
    }
    await new Promise((r) => setTimeout(r, 1200))
    await worker.idle()
    expect(builds.length).toBeGreaterThanOrEqual(1)
    expect(builds.length).toBeLessThanOrEqual(2)
    for (const slug of slugs) {
      const res = await fetch(`${server.url}/news/${slug}/`)
      expect(res.status, slug).toBe(200)
    }
    const status = readStatus(path.join(dataDir(), 'site-builds.json'))!
    expect(status.builds[0]).toMatchObject({ ok: true })
    expect(status.builds[0].trigger).toMatch(/^新闻公告 #\d+ 新建（.+）等 \d+ 项$/)
  })

  it('a failed build leaves the last good site serving and records the error', async () => {
    const live = worker.live
    failNext = true
    const doc = await local.payload.create({
      collection: 'news',
      data: { ...news('构建失败时发布的'), _status: 'published' } as never,
      ...asEditor(),
    })
    await new Promise((r) => setTimeout(r, 1200))
    await worker.idle()
    failNext = false
    expect(worker.live).toBe(live)
    expect((await fetch(`${server.url}/`)).status).toBe(200)
    expect((await fetch(`${server.url}/news/${doc.slug}/`)).status).toBe(404)
    const status = readStatus(path.join(dataDir(), 'site-builds.json'))!
    expect(status.builds[0].ok).toBe(false)
    expect(status.builds[0].error).toContain('DATABASE_URI')
  })
})
