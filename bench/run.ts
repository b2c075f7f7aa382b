/**
 * `npm run bench -- [--items N] [--quick] [--baseline] [--fresh]`
 * Builds the site from a synthetic corpus (N news, N/10 cases, N/20 lectures, 262+48 deputies, 12
 * stations) and prints figures: seed rate, build stages, pages/s, peak memory of the process tree,
 * dist and index size, bytes and time of searches in Chromium, search quality, page weight, and
 * publish → live (bench/publish.ts) on the corpus and on the seed site. Figures
 * only: it never fails on time. Writes bench/results/<date>-<N>.json and .md.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs, stripVTControlCharacters } from 'node:util'

import { SingleBar } from 'cli-progress'
import type { Browser, Page } from 'playwright-core'

import { PIPED_PROGRESS } from '../scripts/lib/progress.ts'
import { serveSite } from '../scripts/lib/site-server.ts'
import type { SearchRecord } from '../site/index.ts'
import { launchBrowser } from '../scripts/lib/browser.ts'
import { SEARCH_QUERIES } from './search-queries.ts'
import { folderStats, kb, mb, pageWeight, watchMemory, type StagePeak, type Weight } from './measure.ts'
import { ROOT, scratchDir } from '../cms/index.ts'

const { values } = parseArgs({
  options: {
    items: { type: 'string', default: '10000' },
    quick: { type: 'boolean', default: false },
    baseline: { type: 'boolean', default: false },
    fresh: { type: 'boolean', default: false },
  },
})
const items = Number(values.items)
if (!Number.isInteger(items) || items < 10) {
  console.error('bench: --items must be a whole number ≥ 10')
  process.exit(2)
}
const BIN = path.join(ROOT, 'node_modules', '.bin')
const CACHE = path.join(ROOT, 'bench', '.cache')
const CORPUS_VERSION = 2
const corpusDir = path.join(CACHE, `corpus-v${CORPUS_VERSION}-${items}`)
const log = (line: string) => console.log(`bench: ${line}`)
const env = {
  DATA_DIR: corpusDir,
  DATABASE_URI: `file:${path.join(corpusDir, 'cms.db')}`,
  PAYLOAD_SECRET: 'bench-only-secret',
  ASTRO_TELEMETRY_DISABLED: '1',
  PATH: `${BIN}:${process.env.PATH}`,
}

/**
 * Runs a program and watches its process tree's memory. `stageOf` names the stage a line of its output
 * starts (or undefined), so the figures say which stage reached the peak.
 */
function run(
  cmd: string,
  args: string[],
  extraEnv: Record<string, string>,
  onLine?: (line: string) => void,
  stageOf?: (line: string) => string | undefined,
) {
  return new Promise<{
    ms: number
    peak: number
    peakByProgram: Record<string, number>
    stages: StagePeak[]
    output: string
  }>((resolve, reject) => {
    const started = Date.now()
    const child = spawn(cmd, args, {
      cwd: ROOT,
      env: { ...process.env, ...env, ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const memory = watchMemory(child.pid!, 100, 'start-up')
    let output = ''
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      for (const line of chunk.toString().split('\n')) {
        if (!line.trim()) continue
        const stage = stageOf?.(stripVTControlCharacters(line))
        if (stage) memory.mark(stage)
        onLine?.(line)
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('error', reject)
    child.on('exit', (code) => {
      const peak = memory.stop()
      if (code === 0)
        resolve({
          ms: Date.now() - started,
          peak,
          peakByProgram: memory.byName(),
          stages: memory.byStage(),
          output,
        })
      else reject(new Error(`${cmd} ${args.join(' ')} failed (${code}):\n${output.slice(-3000)}`))
    })
  })
}

// 1. Corpus (cached by size: generating 10k documents through the Local API takes a minute or two).
const corpusMeta = path.join(corpusDir, 'corpus.json')
let seed: { seedMs: number; docs: number; reused: boolean }
if (values.fresh) fs.rmSync(corpusDir, { recursive: true, force: true })
if (fs.existsSync(corpusMeta)) {
  seed = { ...JSON.parse(fs.readFileSync(corpusMeta, 'utf8')), reused: true }
  log(
    `corpus: reusing ${path.relative(ROOT, corpusDir)} (${seed.docs} generated documents; --fresh to regenerate)`,
  )
} else {
  fs.mkdirSync(corpusDir, { recursive: true })
  const progressFile = path.join(corpusDir, 'progress')
  const total = items + Math.round(items / 10) + Math.round(items / 20)
  log(`corpus: generating ${total} documents through the Local API…`)
  const bar = new SingleBar({
    format: 'bench: seeding [{bar}] {value}/{total} docs',
    hideCursor: true,
    ...PIPED_PROGRESS,
  })
  bar.start(total, 0)
  const timer = setInterval(() => {
    const text = fs.existsSync(progressFile) ? fs.readFileSync(progressFile, 'utf8') : '0/0'
    bar.update(Number(text.split('/')[0]))
  }, 500)
  const result = await run(path.join(BIN, 'tsx'), ['bench/generate.ts', String(items), progressFile], {})
  clearInterval(timer)
  bar.update(total)
  bar.stop()
  const last = result.output.trim().split('\n').at(-1)!
  seed = { ...(JSON.parse(last) as { seedMs: number; docs: number }), reused: false }
  fs.writeFileSync(corpusMeta, JSON.stringify(seed))
}
const seedRate = seed.docs / (seed.seedMs / 1000)
log(`corpus: ${seed.docs} documents, seeded at ${seedRate.toFixed(0)} docs/s`)

interface BuildFigures {
  wallMs: number
  peakBytes: number
  cmsReadMs: number
  astroMs: number
  indexMs: number
  /** Part of the index time that the build waited for (the rest overlapped with Astro). */
  waitedMs: number
  pages: number
  /** Peak RSS per program of the build's process tree (each at its own worst moment). */
  peakByProgram: Record<string, number>
  /** Duration and peak memory (total, per program) of each stage of the build. */
  stages: StagePeak[]
  dist: { bytes: number; files: number }
  index: { bytes: number; files: number }
}

/** The build's stages, by the first line of `astro build`'s output each one prints. */
const BUILD_STAGES: [RegExp, string][] = [
  [/\[content\] Syncing content/, 'CMS read'],
  [/\[cms-[\w-]+\] read /, 'content store'],
  [/\[content\] Synced content/, 'bundle'],
  [/generating static routes|^\s*▶ /, 'pages'],
  [/linked \d+ unchanged article pages|copied \d+ media files/, 'linking, media, index wait'],
  [/\[@astrojs\/sitemap\]/, 'sitemap + precompress'],
  // Ours: the builder writes the full index once Astro's process has exited (site/build/index-handover.ts).
  [/\[build\] Complete!/, 'index write (Astro exited)'],
]
const buildStage = (line: string) => BUILD_STAGES.find(([re]) => re.test(line))?.[1]

/** One full build into `outDir`; `stock` = Astro + the pagefind CLI with default settings. */
async function build(outDir: string, stock: boolean): Promise<BuildFigures> {
  fs.rmSync(outDir, { recursive: true, force: true })
  const recordsOut = path.join(CACHE, `records-${items}.json`)
  let cmsReadMs = 0
  let indexMs = 0
  let waitedMs = 0
  let pages = 0
  const bar = new SingleBar({
    format: `bench: ${stock ? 'stock' : 'our'} build {stage}`,
    hideCursor: true,
    ...PIPED_PROGRESS,
  })
  bar.start(1, 0, { stage: 'starting…' })
  // Ours as `npm run build` builds (the full index written after Astro's process exited: the process
  // tree then holds the builder, Astro's process and the index worker); stock as plain `astro build`.
  const astro = await run(
    path.join(BIN, stock ? 'astro' : 'node'),
    stock ? ['build'] : ['--import', 'tsx', 'scripts/build.ts'],
    // SITE_FULL_BUILD: every document read, as on a first build (a read kept from an earlier run is not
    // reused; this build keeps its own for the publish measurement).
    {
      SITE_OUT_DIR: outDir,
      SEARCH_RECORDS_OUT: recordsOut,
      SITE_FULL_BUILD: '1',
      ...(stock ? { SEARCH_MODE: 'stock' } : {}),
    },
    (line) => {
      // The read, and opening the CMS before it (a cold build's cost too).
      const read = line.match(/\[cms-[\w-]+\] read .* in (\d+) ms.*opened in (\d+) ms/)
      if (read) cmsReadMs = Number(read[1]) + Number(read[2])
      const indexed = line.match(/indexed (\d+) pages for search in (\d+) ms(?:.*waited (\d+) ms)?/)
      if (indexed) {
        indexMs = Number(indexed[2])
        waitedMs = Number(indexed[3] ?? indexed[2])
      }
      const built = line.match(/(\d+) page\(s\) built/)
      if (built) pages = Number(built[1])
      const stage = line.match(/\[([\w@/.-]+)\]\s*(.*)$/)
      if (stage) bar.update(0, { stage: `${stage[1]}: ${stage[2].slice(0, 70)}` })
    },
    buildStage,
  )
  bar.stop()
  let wallMs = astro.ms
  let peakBytes = astro.peak
  if (stock) {
    const cli = await run(path.join(BIN, 'pagefind'), ['--site', outDir], {})
    indexMs = cli.ms
    wallMs += cli.ms
    peakBytes = Math.max(peakBytes, cli.peak)
    astro.stages.push(...cli.stages.map((st) => ({ ...st, stage: 'pagefind CLI' })))
    for (const [name, bytes] of Object.entries(cli.peakByProgram))
      astro.peakByProgram[name] = Math.max(astro.peakByProgram[name] ?? 0, bytes)
  }
  return {
    wallMs,
    peakBytes,
    cmsReadMs,
    indexMs,
    // Our index is built alongside page rendering; only the wait at the end adds to the wall time.
    astroMs: astro.ms - (stock ? 0 : waitedMs) - cmsReadMs,
    waitedMs: stock ? indexMs : waitedMs,
    pages,
    peakByProgram: astro.peakByProgram,
    stages: astro.stages,
    dist: folderStats(outDir),
    index: folderStats(path.join(outDir, 'pagefind')),
  }
}

interface SearchFigures {
  firstBytes: number
  /** The first search's bytes by kind of file. */
  firstParts: Record<string, number>
  laterBytes: number
  typingMs: number[]
  searchMs: number[]
  quality: {
    queries: number
    recall: number
    precision: number
    /** Pages that contain a query but were not found, and pages found without it (over all queries). */
    missed: number
    extra: number
    top1: number | null
    rows: string[]
  }
}

async function measureSearch(browser: Browser, dist: string, stock: boolean): Promise<SearchFigures> {
  const server = await serveSite({ root: () => dist, port: 0 })
  const context = await browser.newContext()
  const page = await context.newPage()
  // Every response the page or its workers receive (Pagefind fetches its index from a worker).
  let bytes = 0
  let parts: Record<string, number> = {}
  const kind = (url: string) =>
    /\.pf_index/.test(url)
      ? 'index chunks'
      : /\.pf_fragment/.test(url)
        ? 'fragments'
        : /\.pf_meta/.test(url)
          ? 'meta'
          : /wasm/.test(url)
            ? 'wasm'
            : /pagefind/.test(url)
              ? 'pagefind js'
              : 'page + UI'
  const count = async (request: import('playwright-core').Request) => {
    const sizes = await request.sizes().catch(() => null)
    if (!sizes) return
    const n = sizes.responseBodySize + sizes.responseHeadersSize
    bytes += n
    const k = kind(request.url())
    parts[k] = (parts[k] ?? 0) + n
  }
  page.on('requestfinished', (request) => void count(request))
  const settle = () => new Promise((r) => setTimeout(r, 300))
  const [first, later] = ['加装电梯', '停车难']
  const typingMs: number[] = []
  const searchMs: number[] = []
  let firstBytes: number
  let laterBytes: number
  let firstParts: Record<string, number>
  if (!stock) {
    await page.goto(`${server.url}/search/`)
    await page.waitForSelector('form[data-ready]')
    typingMs.push(await typeAndWait(page, first))
    await settle()
    firstBytes = bytes
    firstParts = parts
    parts = {}
    bytes = 0
    typingMs.push(await typeAndWait(page, later))
    await settle()
    laterBytes = bytes
    for (const q of ['噪声扰民', '梯控', '有事找代表']) typingMs.push(await typeAndWait(page, q))
    for (const q of ['微心愿', '奎声应民声', '管网改造']) {
      searchMs.push(
        await page.evaluate(async (q) => {
          const t = performance.now()
          await (
            window as unknown as { minhuSearch: { findPages: (q: string) => Promise<unknown> } }
          ).minhuSearch.findPages(q)
          return performance.now() - t
        }, q),
      )
    }
  } else {
    // The stock UI: Pagefind's default UI script and styles plus its search.
    await page.goto(`${server.url}/404.html`)
    bytes = 0
    const t = await page.evaluate(
      async ([first, later]) => {
        const css = document.createElement('link')
        css.rel = 'stylesheet'
        css.href = '/pagefind/pagefind-ui.css'
        document.head.append(css)
        await new Promise((r) => {
          const s = document.createElement('script')
          s.src = '/pagefind/pagefind-ui.js'
          s.onload = r
          document.head.append(s)
        })
        const pf = await import('/pagefind/pagefind.js' as string)
        const t0 = performance.now()
        const r = await pf.search(first)
        await Promise.all(r.results.slice(0, 5).map((x: { data: () => Promise<unknown> }) => x.data()))
        const t1 = performance.now()
        ;(window as unknown as { pf: unknown }).pf = pf
        void later
        return t1 - t0
      },
      [first, later],
    )
    searchMs.push(t)
    await settle()
    firstBytes = bytes
    firstParts = parts
    parts = {}
    bytes = 0
    searchMs.push(
      await page.evaluate(async (later) => {
        const pf = (
          window as unknown as {
            pf: { search: (q: string) => Promise<{ results: { data: () => Promise<unknown> }[] }> }
          }
        ).pf
        const t0 = performance.now()
        const r = await pf.search(later)
        await Promise.all(r.results.slice(0, 5).map((x) => x.data()))
        return performance.now() - t0
      }, later),
    )
    await settle()
    laterBytes = bytes
  }
  const quality = await measureQuality(page, stock)
  await context.close()
  await server.close()
  return { firstBytes, firstParts, laterBytes, typingMs, searchMs, quality }
}

/**
 * Chromium DevTools' network presets (front_end/core/sdk/NetworkManager.ts): nominal figures with
 * DevTools' own derating (throughput × 0.9, latency × 2.75 for Fast 4G and × 3.75 for Slow 4G).
 */
const NETWORK_PROFILES = {
  'Fast 4G': { latency: 60 * 2.75, downloadThroughput: (9e6 / 8) * 0.9, uploadThroughput: (1.5e6 / 8) * 0.9 },
  'Slow 4G': {
    latency: 150 * 3.75,
    downloadThroughput: (1.6e6 / 8) * 0.9,
    uploadThroughput: (0.75e6 / 8) * 0.9,
  },
} as const
type NetworkProfile = keyof typeof NETWORK_PROFILES

interface ThrottledFigures {
  /** From navigation to the search form being ready. */
  readyMs: number
  /** Typing the first query on a cold page (scripts, wasm, meta and chunks all over the network). */
  firstMs: number
  /** Typing a second query with a new word (its chunk and fragments only). */
  laterMs: number
}

/** Typing → results on a cold cache under one of Chromium's throttled network profiles. */
async function measureThrottled(
  browser: Browser,
  dist: string,
  profile: NetworkProfile,
): Promise<ThrottledFigures> {
  const server = await serveSite({ root: () => dist, port: 0 })
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...NETWORK_PROFILES[profile] })
    const started = Date.now()
    await page.goto(`${server.url}/search/`)
    await page.waitForSelector('form[data-ready]', { timeout: 120_000 })
    const readyMs = Date.now() - started
    await page.focus('#search-q')
    const firstMs = await typeAndWait(page, '加装电梯')
    const laterMs = await typeAndWait(page, '停车难')
    return { readyMs, firstMs, laterMs }
  } finally {
    await context.close()
    await server.close()
  }
}

/** Types `query` into the search box and waits for the result line: what a visitor waits for. */
async function typeAndWait(page: Page, query: string): Promise<number> {
  return page.evaluate(async (q) => {
    const input = document.getElementById('search-q') as HTMLInputElement
    const status = document.getElementById('search-status')!
    const t0 = performance.now()
    input.value = q
    input.dispatchEvent(new Event('input', { bubbles: true }))
    await new Promise<void>((resolve) => {
      // No named helper functions in here: tsx would wrap them in a __name() the page does not have.
      const obs = new MutationObserver(() => {
        if ((status.textContent ?? '').includes(`“${q}”`) && document.querySelector('.result-link')) {
          obs.disconnect()
          resolve()
        }
      })
      obs.observe(document.body, { childList: true, subtree: true, characterData: true })
    })
    return performance.now() - t0
  }, query)
}

/** Results opened per query to check them (each costs a fragment fetch). */
const OPEN_CAP = 1000

async function measureQuality(page: Page, stock: boolean) {
  const records = JSON.parse(
    fs.readFileSync(path.join(CACHE, `records-${items}.json`), 'utf8'),
  ) as SearchRecord[]
  const queries = values.quick ? SEARCH_QUERIES.slice(0, 12) : SEARCH_QUERIES
  let tp = 0
  let fp = 0
  let fn = 0
  let top1Hits = 0
  let top1Total = 0
  const rows: string[] = []
  for (const q of queries) {
    const truth = new Set(records.filter((r) => r.text.includes(q)).map((r) => r.url))
    const titled = new Set(records.filter((r) => r.title.includes(q)).map((r) => r.url))
    const { urls, total } = await page.evaluate(
      async ([q, stock, cap]) => {
        const w = window as unknown as {
          minhuSearch?: {
            findPages: (q: string) => Promise<{ results: { data: () => Promise<{ url: string }> }[] }>
          }
          pf?: { search: (q: string) => Promise<{ results: { data: () => Promise<{ url: string }> }[] }> }
        }
        const res = stock ? await w.pf!.search(q) : await w.minhuSearch!.findPages(q)
        const list = res?.results ?? []
        const out: string[] = []
        for (let i = 0; i < Math.min(list.length, cap); i += 50) {
          const batch = await Promise.all(list.slice(i, Math.min(i + 50, cap)).map((r) => r.data()))
          out.push(...batch.map((d) => d.url.replace(/index\.html$/, '')))
        }
        return { urls: out, total: list.length }
      },
      [q, stock, OPEN_CAP] as const,
    )
    // Beyond OPEN_CAP hits, precision is measured on the first OPEN_CAP and the rest estimated from it.
    const loaded = new Set(urls)
    const hitLoaded = [...loaded].filter((u) => truth.has(u)).length
    const share = loaded.size ? hitLoaded / loaded.size : 0
    const hit = total > loaded.size ? Math.min(truth.size, Math.round(share * total)) : hitLoaded
    const gotSize = total
    tp += hit
    fp += gotSize - hit
    fn += truth.size - hit
    if (titled.size) {
      top1Total++
      if (urls[0] && titled.has(urls[0])) top1Hits++
    }
    const first = !titled.size
      ? ''
      : titled.has(urls[0])
        ? ', title match first'
        : `, first: ${urls[0] ?? 'none'}`
    rows.push(
      `${q}: ${hit}/${truth.size} found, ${gotSize - hit} without it${total > loaded.size ? ' (estimated)' : ''}${first}`,
    )
  }
  return {
    queries: queries.length,
    recall: tp / Math.max(1, tp + fn),
    missed: fn,
    extra: fp,
    precision: tp / Math.max(1, tp + fp),
    top1: top1Total ? top1Hits / top1Total : null,
    rows,
  }
}

interface PublishFigures {
  editMs: number
  createMs: number
  buildMs: number[]
  debounceMs: number
  plans: string[]
}

/** bench/publish.ts on a scratch copy of `copyFrom` (or an empty folder), so the corpus stays as it was. */
async function measurePublish(args: string[], copyFrom?: string): Promise<PublishFigures> {
  const scratch = scratchDir('minhu-bench-publish-')
  try {
    if (copyFrom) fs.cpSync(copyFrom, scratch, { recursive: true })
    const result = await run(
      path.join(BIN, 'tsx'),
      ['bench/publish.ts', ...args],
      { DATA_DIR: scratch, DATABASE_URI: `file:${path.join(scratch, 'cms.db')}` },
      (line) => line.startsWith('publish:') && log(line),
    )
    return JSON.parse(result.output.trim().split('\n').at(-1)!) as PublishFigures
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true })
  }
}

// 2. Builds and searches.
const browser = await launchBrowser()
const results: Record<
  string,
  {
    build: BuildFigures
    search: SearchFigures
    home: Weight
    article: Weight
    publish?: PublishFigures
    throttled?: Partial<Record<NetworkProfile, ThrottledFigures>>
  }
> = {}
for (const mode of values.baseline ? (['ours', 'stock'] as const) : (['ours'] as const)) {
  const outDir = path.join(CACHE, `dist-${mode}-${items}`)
  log(`${mode}: building ${items} items…`)
  const figures = await build(outDir, mode === 'stock')
  log(
    `${mode}: built ${figures.pages} pages in ${(figures.wallMs / 1000).toFixed(1)} s, peak ${mb(figures.peakBytes)}`,
  )
  log(`${mode}: measuring search in Chromium…`)
  const search = await measureSearch(browser, outDir, mode === 'stock')
  const article = fs.readdirSync(path.join(outDir, 'news')).find((d) => d.startsWith('bench-news-'))!
  results[mode] = {
    build: figures,
    search,
    home: pageWeight(outDir, 'index.html'),
    article: pageWeight(outDir, `news/${article}/index.html`),
  }
  if (mode === 'ours') {
    results[mode].throttled = {}
    for (const profile of Object.keys(NETWORK_PROFILES) as NetworkProfile[]) {
      log(`ours: typing → results on a cold cache under ${profile}…`)
      results[mode].throttled![profile] = await measureThrottled(browser, outDir, profile)
    }
  }
  if (mode === 'ours' && !values.quick) {
    log('ours: publish → live on this corpus (an edit, then a new item)…')
    results[mode].publish = await measurePublish([outDir], corpusDir)
  }
}
await browser.close()
let seedPublish: PublishFigures | undefined
if (!values.quick) {
  log('seed site: publish → live on the seed content alone…')
  seedPublish = await measurePublish(['--seed'])
}

// 3. Report.
const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : NaN)
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`
const row = (label: string, f: (r: (typeof results)['ours']) => string) =>
  `| ${label} | ${Object.values(results).map(f).join(' | ')} |`
const table = [
  `| ${items} news (+${Math.round(items / 10)} cases, ${Math.round(items / 20)} lectures, 310 deputies) | ${Object.keys(results).join(' | ')} |`,
  `|---|${Object.keys(results)
    .map(() => '---')
    .join('|')}|`,
  row('full build (wall)', (r) => s(r.build.wallMs)),
  row('– CMS read (Local API)', (r) => s(r.build.cmsReadMs)),
  row('– Astro pages + media', (r) => s(r.build.astroMs)),
  row('– search index (of which not overlapped)', (r) => `${s(r.build.indexMs)} (${s(r.build.waitedMs)})`),
  row('pages / s end to end', (r) => (r.build.pages / (r.build.wallMs / 1000)).toFixed(0)),
  row('peak memory (process tree)', (r) => mb(r.build.peakBytes)),
  row('– by program (each at its peak)', (r) =>
    Object.entries(r.build.peakByProgram)
      .map(([name, bytes]) => `${name} ${mb(bytes)}`)
      .join(', '),
  ),
  row('dist/ size, files', (r) => `${mb(r.build.dist.bytes)}, ${r.build.dist.files}`),
  row('search index size, files', (r) => `${mb(r.build.index.bytes)}, ${r.build.index.files}`),
  row('first search, bytes (UI included)', (r) => kb(r.search.firstBytes)),
  row('– of which', (r) =>
    Object.entries(r.search.firstParts)
      .map(([k, n]) => `${k} ${kb(n)}`)
      .join(', '),
  ),
  row('later search, bytes', (r) => kb(r.search.laterBytes)),
  row('typing → results (median)', (r) =>
    r.search.typingMs.length ? `${median(r.search.typingMs).toFixed(0)} ms` : '–',
  ),
  ...(Object.keys(NETWORK_PROFILES) as NetworkProfile[]).map((profile) =>
    row(`typing → results, ${profile}, cold cache: first; later (page ready)`, (r) => {
      const t = r.throttled?.[profile]
      return t ? `${t.firstMs.toFixed(0)} ms; ${t.laterMs.toFixed(0)} ms (${s(t.readyMs)})` : '–'
    }),
  ),
  row('search call (median)', (r) => `${median(r.search.searchMs).toFixed(0)} ms`),
  row(
    `recall (${Object.values(results)[0].search.quality.queries} queries)`,
    // Rounded to one decimal, 1 page missed out of thousands would read 100.0%: say the count too.
    (r) => `${(r.search.quality.recall * 100).toFixed(2)}% (${r.search.quality.missed} missed)`,
  ),
  row(
    'precision',
    (r) => `${(r.search.quality.precision * 100).toFixed(2)}% (${r.search.quality.extra} without the query)`,
  ),
  row('top-1 (title match first)', (r) =>
    r.search.quality.top1 === null ? '–' : `${(r.search.quality.top1 * 100).toFixed(0)}%`,
  ),
  row('publish → live: edit of a news item (its build)', (r) =>
    r.publish ? `${s(r.publish.editMs)} (${s(r.publish.buildMs[0])})` : '–',
  ),
  row('publish → live: new news item (its build)', (r) =>
    r.publish ? `${s(r.publish.createMs)} (${s(r.publish.buildMs[1])})` : '–',
  ),
  row('home page: HTML+CSS+JS (gzip)', (r) => `${kb(r.home.total)} (${kb(r.home.gzip)})`),
  row('article page: HTML+CSS+JS (gzip)', (r) => `${kb(r.article.total)} (${kb(r.article.gzip)})`),
]
/** Per mode, the build's stages: how long, the tree's peak, each program's peak. */
const stageTables = Object.entries(results).flatMap(([mode, r]) => {
  const worst = Math.max(...r.build.stages.map((st) => st.peak))
  return [
    `| ${mode} build, by stage | time | peak (tree) | by program |`,
    '|---|---|---|---|',
    ...r.build.stages.map(
      (st) =>
        `| ${st.stage}${st.peak === worst ? ' (peak)' : ''} | ${s(st.ms)} | ${mb(st.peak)} | ${Object.entries(
          st.byProgram,
        )
          .map(([name, bytes]) => `${name} ${mb(bytes)}`)
          .join(', ')} |`,
    ),
    '',
  ]
})
const seedLine = `Seed: ${seed.docs} documents at ${seedRate.toFixed(0)} docs/s through the Local API${seed.reused ? ' (cached corpus, rate from when it was generated)' : ''}.`
const md = [
  `# Benchmark, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
  '',
  seedLine,
  '',
  ...table,
  '',
  ...stageTables,
  ...(seedPublish
    ? [
        `Publish → live on the seed site: edit ${s(seedPublish.editMs)} (build ${s(seedPublish.buildMs[0])}), ` +
          `new item ${s(seedPublish.createMs)} (build ${s(seedPublish.buildMs[1])}); ` +
          `the clock includes the worker's ${s(seedPublish.debounceMs)} debounce. Search follows with the same build.`,
        '',
      ]
    : []),
].join('\n')
console.log('\n' + md)
for (const [mode, r] of Object.entries(results)) {
  console.log(`${mode} search quality by query: ${r.search.quality.rows.join('; ')}`)
}
fs.mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true })
const stem = path.join(
  ROOT,
  'bench',
  'results',
  `${new Date().toISOString().slice(0, 10)}-${items}${values.baseline ? '-baseline' : ''}`,
)
fs.writeFileSync(`${stem}.json`, JSON.stringify({ items, seed, results }, null, 2))
fs.writeFileSync(`${stem}.md`, md)
log(`wrote ${path.relative(ROOT, stem)}.json and .md`)
process.exit(0)
