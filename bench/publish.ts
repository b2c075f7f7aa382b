/**
 * Publish → live, as `npm start` runs it: the rebuild worker (its real debounce) builds incrementally
 * on top of the live build and the site server switches over; the clock runs from the moment the CMS
 * accepted the change (the Local API call returned) until the served page shows it.
 *
 * Usage (from bench/run.ts, in its own process because Payload reads DATABASE_URI once per process):
 *   tsx bench/publish.ts <live build folder>      DATA_DIR/DATABASE_URI: a scratch copy of the corpus
 *   tsx bench/publish.ts --seed                    DATA_DIR: an empty folder; seeds and builds first
 * Prints progress lines, then one JSON line with the figures.
 */
import path from 'node:path'

import { RebuildWorker } from '../scripts/lib/rebuild-worker.ts'
import { buildSite } from '../scripts/lib/site-build.ts'
import { serveSite } from '../scripts/lib/site-server.ts'
import { BuildQueue, dataDir, openPayload, seed, toLexical } from '../cms/index.ts'

const log = (line: string) => console.log(`publish: ${line}`)
const arg = process.argv[2]
const payload = await openPayload()
let live = arg
if (arg === '--seed') {
  log('seeding a fresh CMS from content/ and building it…')
  await seed(payload)
  live = path.join(dataDir(), 'dist')
  await buildSite({ outDir: live })
}

const planLines: string[] = []
const worker = new RebuildWorker({
  payload,
  buildsDir: path.join(dataDir(), 'site-builds'),
  initialLive: live,
  debounceMs: Number(process.env.REBUILD_DEBOUNCE_MS ?? 1500),
  build: (outDir, base) =>
    buildSite({ outDir, base, log: (line) => /plan:|page\(s\) built/.test(line) && planLines.push(line) }),
  log,
})
worker.start()
while (!worker.isBuilder) await new Promise((r) => setTimeout(r, 50))
const server = await serveSite({ root: () => worker.live, port: 0 })

/** Milliseconds until `url` answers 200 with `text` in it. */
async function untilServed(url: string, text: string, started: number): Promise<number> {
  for (;;) {
    const res = await fetch(url).catch(() => null)
    if (res?.status === 200 && (await res.text()).includes(text)) return Date.now() - started
    await new Promise((r) => setTimeout(r, 100))
  }
}

const editor = { overrideAccess: true, context: {} }
const { docs } = await payload.find({
  collection: 'news',
  where: { _status: { equals: 'published' } },
  sort: '-publishedAt',
  limit: 1,
})
const title = `${docs[0].title}（已更新）`
let started: number
await payload.update({ collection: 'news', id: docs[0].id, data: { title, _status: 'published' }, ...editor })
started = Date.now()
const editMs = await untilServed(`${server.url}/news/${docs[0].slug}/`, title, started)
await worker.idle()
log(`edit of a published news item live after ${(editMs / 1000).toFixed(1)} s`)

const fresh = '新发布的通知：社区议事厅开放预约'
await new Promise((r) => setTimeout(r, 500))
const created = await payload.create({
  collection: 'news',
  data: {
    title: fresh,
    category: 'notice',
    body: toLexical(['社区议事厅每周开放，居民可以预约使用。']),
    publishedAt: new Date().toISOString(),
    _status: 'published',
  },
  draft: false,
  ...editor,
})
started = Date.now()
const createMs = await untilServed(`${server.url}/news/${created.slug}/`, fresh, started)
await worker.idle()
log(`new news item live after ${(createMs / 1000).toFixed(1)} s`)

const builds = (await new BuildQueue(payload).status()).builds.slice(0, 2).reverse()
await worker.stop()
await server.close()
await payload.destroy()
console.log(
  JSON.stringify({
    editMs,
    createMs,
    buildMs: builds.map((b) => b.ms),
    debounceMs: Number(process.env.REBUILD_DEBOUNCE_MS ?? 1500),
    plans: planLines.filter((l) => l.includes('plan:')).map((l) => l.replace(/^.*plan: /, '')),
  }),
)
process.exit(0)
