/**
 * Publish → live, as `npm start` runs it: the rebuild worker (its real debounce) builds incrementally
 * on top of the live build and the site server switches over; the clock runs from the moment the CMS
 * accepted the change (the Local API call returned) until the served page shows it.
 *
 * Usage (from bench/run.ts, in its own process because Payload reads DATABASE_URI once per process):
 *   tsx bench/publish.ts <live build folder> [--rounds N]   DATA_DIR/DATABASE_URI: a scratch copy of the corpus
 *   tsx bench/publish.ts --seed [--rounds N]                DATA_DIR: an empty folder; seeds and builds first
 * Each round edits a published news item, then publishes a new one (N rounds, default 3: the figures are
 * medians). Prints progress lines with the time per stage of each build, then one JSON line with the
 * figures: `editMs`/`createMs` (p50), every round's figures and the p50 per stage.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { RebuildWorker } from '../scripts/lib/rebuild-worker.ts'
import { buildSite, siteBuilder } from '../scripts/lib/site-build.ts'
import { serveSite } from '../scripts/lib/site-server.ts'
import { dataDir, debounceMs, openPayload, seed, toLexical } from '../cms/index.ts'

const log = (line: string) => console.log(`publish: ${line}`)
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { seed: { type: 'boolean' }, rounds: { type: 'string', default: '3' } },
})
const rounds = Number(values.rounds)
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error('publish: --rounds must be a whole number ≥ 1')
  process.exit(1)
}
const payload = await openPayload()
let live = positionals[0]
if (values.seed) {
  log('seeding a fresh CMS from content/ and building it…')
  await seed(payload)
  live = path.join(dataDir(), 'dist')
  await buildSite({ outDir: live })
} else if (!live) {
  console.error('publish: give the live build folder, or --seed')
  process.exit(1)
}

/**
 * The stages of one publish → live, from the timestamps of the worker's and Astro's lines:
 *   debounce   accepted → the worker starts the build (quiet time and queue polling)
 *   startup    → Astro's first line (with the build's process started ahead, Astro's own start-up is
 *                done before the change: only the request reaching the waiting build; cold, all of it)
 *   content    → the plan is known (the CMS read, the content store, the plan)
 *   bundle     → Astro starts rendering (Vite bundles the pages)
 *   render     → Astro's pages are written (rendering; the search delta runs alongside)
 *   finish     → the build returned (linking unchanged pages, media, index, precompression, manifest)
 *   switch     → the served page shows it (the live switch and the poll of the page)
 */
const STAGES = ['debounce', 'startup', 'content', 'bundle', 'render', 'finish', 'switch'] as const
type Stage = (typeof STAGES)[number]
interface Round {
  kind: 'edit' | 'create'
  ms: number
  stages: Record<Stage, number>
  plan: string
}

let marks: Record<string, number> = {}
let plan = ''
const mark = (name: string) => (marks[name] ??= Date.now())
/** PUBLISH_TRACE=<file>: every line of every build with its time since the change was accepted. */
const trace = process.env.PUBLISH_TRACE
let accepted = 0

// As the site builder builds: each build's process started ahead (SITE_WARM_BUILDER=0: cold).
const builder = siteBuilder()
const worker = new RebuildWorker({
  payload,
  buildsDir: path.join(dataDir(), 'site-builds'),
  initialLive: live,
  debounceMs: debounceMs(),
  build: async (outDir, base) => {
    mark('build')
    await builder.build({
      outDir,
      base,
      log: (line) => {
        if (trace) fs.appendFileSync(trace, `${Date.now() - accepted} ${line}\n`)
        mark('astro')
        if (line.includes('plan:')) {
          mark('plan')
          plan = line.replace(/^.*plan: /, '')
        }
        if (/Rendering content|generating static routes/.test(line)) mark('render')
        if (/page\(s\) built/.test(line)) mark('rendered')
      },
    })
    mark('built')
  },
  log: (line) => /FAILED|builds the site/.test(line) && log(line),
})
worker.start()
while (!worker.isBuilder) await new Promise((r) => setTimeout(r, 50))
const server = await serveSite({ root: () => worker.live, port: 0 })

/** Milliseconds until `url` answers 200 with `text` in it. */
async function untilServed(url: string, text: string): Promise<void> {
  for (;;) {
    const res = await fetch(url).catch(() => null)
    if (res?.status === 200 && (await res.text()).includes(text)) return
    await new Promise((r) => setTimeout(r, 50))
  }
}

async function measure(kind: Round['kind'], change: () => Promise<string>, text: string): Promise<Round> {
  // As an editor's next publish finds it: the last build done and the next build's process started
  // (~5 s after a build; a publish sooner than that waits for it, which the figures would then mix in).
  await worker.idle()
  await builder.ready()
  marks = {}
  plan = ''
  const pathname = await change()
  const started = (accepted = Date.now())
  await untilServed(`${server.url}${pathname}`, text)
  const served = Date.now()
  await worker.idle()
  const order = [
    started,
    marks.build,
    marks.astro,
    marks.plan,
    marks.render,
    marks.rendered,
    marks.built,
    served,
  ]
  // A mark that did not come (a line Astro no longer prints) counts as no time in its stage.
  for (let i = 1; i < order.length; i++) order[i] = Math.max(order[i] ?? order[i - 1], order[i - 1])
  const stages = Object.fromEntries(STAGES.map((s, i) => [s, order[i + 1] - order[i]])) as Round['stages']
  const round = { kind, ms: served - started, stages, plan }
  log(
    `${kind === 'edit' ? 'edit of a published news item' : 'new news item'} live after ${(round.ms / 1000).toFixed(1)} s (` +
      STAGES.map((s) => `${s} ${(stages[s] / 1000).toFixed(1)}`).join(', ') +
      `; ${plan})`,
  )
  return round
}

const editor = { overrideAccess: true, context: {} }
const { docs } = await payload.find({
  collection: 'news',
  where: { _status: { equals: 'published' } },
  sort: '-publishedAt',
  limit: rounds,
})
const results: Round[] = []
for (let i = 0; i < rounds; i++) {
  const doc = docs[i % docs.length]
  const title = `${doc.title}（第 ${i + 1} 次更新）`
  results.push(
    await measure(
      'edit',
      async () => {
        await payload.update({
          collection: 'news',
          id: doc.id,
          data: { title, _status: 'published' },
          ...editor,
        })
        return `/news/${doc.slug}/`
      },
      title,
    ),
  )
  await new Promise((r) => setTimeout(r, 500))
  const fresh = `新发布的通知：社区议事厅开放预约（${i + 1}）`
  results.push(
    await measure(
      'create',
      async () => {
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
        return `/news/${created.slug}/`
      },
      fresh,
    ),
  )
  await new Promise((r) => setTimeout(r, 500))
}

await worker.stop()
builder.close()
await server.close()
await payload.destroy()
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]
const p50 = (kind: Round['kind']) => median(results.filter((r) => r.kind === kind).map((r) => r.ms))
const stagesP50 = (kind: Round['kind']) =>
  Object.fromEntries(
    STAGES.map((s) => [s, median(results.filter((r) => r.kind === kind).map((r) => r.stages[s]))]),
  )
console.log(
  JSON.stringify({
    editMs: p50('edit'),
    createMs: p50('create'),
    // The worker's build time (start → built) of each round, in order.
    buildMs: results.map((r) => r.ms - r.stages.debounce - r.stages.switch),
    debounceMs: debounceMs(),
    plans: results.map((r) => r.plan),
    rounds: results,
    stages: { edit: stagesP50('edit'), create: stagesP50('create') },
  }),
)
process.exit(0)
