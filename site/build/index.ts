/**
 * The site build, as one Astro integration: everything `astro build` does besides rendering pages.
 *
 *   config:setup     make this build's folder (in Astro's cache folder) and its context (./context.ts);
 *                    a build started ahead of its request writes into a stand-in folder there
 *                    (./start-gate.ts)
 *   content read     the loader hands over what it read from the CMS; here the search records are made
 *                    and written to this build's folder (./search-index.ts), the incremental plan
 *                    is decided (./plan.ts) and the index worker starts adding them, so that runs
 *                    while Astro renders; nothing of the read but the media and redirects is kept
 *   build:setup      unchanged article pages start being linked from the previous build, on a worker
 *                    thread beside bundling and rendering (./link-pages.ts)
 *   pages rendered   the worker may write the index (Pagefind's peak, kept off Astro's), the linking
 *                    waited for (and unchanged listing pages linked), redirect pages and redirects.map
 *                    written (./redirects.ts), media files copied, the search index waited for and
 *                    moved into dist/
 *   done             precompressed copies; a stand-in folder moved to the asked one; the manifest for
 *                    the next build; the build folder is removed (also when the build fails: on exit)
 *
 * Run by the builder (scripts/lib/site-build.ts: SITE_INDEX_HANDOVER), a full index is not written here
 * but by the builder after this process has exited, so Pagefind's peak does not stack on what this
 * process holds (./index-handover.ts).
 *
 * Environment: SITE_BASE_DIR (the previous build to reuse, set by the rebuild worker), SITE_FULL_BUILD=1,
 * SITE_PREVIEW=<news|cases|lectures>:<id> (a draft preview: only that document; nothing indexed, copied
 * or planned), SEARCH_RECORDS_OUT (tests and the benchmark: where to also write the search records),
 * SEARCH_MODE=stock (the benchmark's baseline: the pagefind CLI indexes the built pages afterwards),
 * SITE_INDEX_ORDER=after (start the worker only after rendering: for measuring the orders) or
 * =overlap (let it write while the pages render: the two peaks add up).
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

import type { AstroIntegration, AstroIntegrationLogger } from 'astro'

import type { CmsRead, DraftTarget } from '../loaders/cms.ts'
import { searchRecords, type SearchRecord } from '../lib/search-records.ts'
import { READ_CODE_FOLDERS, codeDigest } from './code-digest.ts'
import { setBuildContext, type BuildContext } from './context.ts'
import { linkAssets, linkTree, linkUnchangedPages, readManifest, writeManifest } from './incremental.ts'
import { precompress } from './precompress.ts'
import { ARTICLE_COLLECTIONS, digest, planBuild, type CurrentState, type PlannedBuild } from './plan.ts'
import { handOver, handoverFolder } from './index-handover.ts'
import { startGate } from './start-gate.ts'
import { moveFolder, siteOutDir } from './folders.ts'
import { finishIndex, prepareIndex, type PendingIndex, type RunningIndex } from './search-index.ts'
import { writeRedirects } from './redirects.ts'

/** A draft preview build, from SITE_PREVIEW (set by the CMS's preview endpoint). */
export function draftFromEnv(value = process.env.SITE_PREVIEW ?? ''): DraftTarget | null {
  const match = value.match(/^(news|cases|lectures):(\w+)$/)
  return match ? { collection: match[1] as DraftTarget['collection'], id: match[2] } : null
}

export interface SiteBuild extends AstroIntegration {
  /** Page URLs linked instead of rendered: give them to the sitemap (`customPages`). */
  linkedPages: string[]
}

export function siteBuild({ site }: { site: string }): SiteBuild {
  const linkedPages: string[] = []
  let context: BuildContext | undefined
  let logger: AstroIntegrationLogger
  let root = ''
  /** What the rest of the build needs of the read: not the content (every body of the site). */
  let read: Pick<CmsRead, 'media' | 'mediaFiles' | 'redirects'> | undefined
  let pending: PendingIndex | undefined
  let index: RunningIndex | undefined
  /** Records handed over to the builder, which writes the full index after this process exits. */
  let handedOver: number | undefined
  /**
   * The unchanged article pages, linked from the previous build while Astro renders the others (listing
   * pages join the plan's skipped pages while they render, and are linked after).
   */
  let linking: Promise<string[]> | undefined
  let outDir = ''
  const stock = process.env.SEARCH_MODE === 'stock'
  const order = process.env.SITE_INDEX_ORDER ?? 'add-during-render'

  const cleanUp = () => {
    index?.stop()
    context?.bodies?.close()
    if (context) fs.rmSync(context.dir, { recursive: true, force: true })
    setBuildContext(undefined)
  }

  /** Called by the loader: plan the build and start indexing while the pages render. */
  async function contentRead(result: CmsRead): Promise<void> {
    if (!context || context.draft) return
    read = { media: result.media, mediaFiles: result.mediaFiles, redirects: result.redirects }
    const records = searchRecords(result.snapshot)
    if (process.env.SEARCH_RECORDS_OUT)
      fs.writeFileSync(process.env.SEARCH_RECORDS_OUT, JSON.stringify(records))
    const planned = plan(result, records, root)
    context.planned = planned
    const { plan: p } = planned
    logger.info(
      p.mode === 'full'
        ? `plan: full build (${p.reason})`
        : `plan: incremental, ${p.skip.length} unchanged article pages linked from the previous build; ` +
            (p.index === 'full'
              ? 'search index rebuilt (too many changes for a delta)'
              : `${p.delta.length} changed search records into the delta index`),
    )
    if (stock) return
    const handoverDir = p.index === 'full' ? handoverFolder() : undefined
    if (handoverDir) {
      // The builder finishes the index once this process has exited (./index-handover.ts).
      handedOver = handOver(records, handoverDir)
      return
    }
    if (p.index === 'full') pending = prepareIndex(records, context.dir)
    else if (p.delta.length) {
      const delta = new Set(p.delta)
      pending = prepareIndex(
        records.filter((r) => delta.has(r.url)),
        context.dir,
        'pagefind-delta',
      )
    }
    if (order !== 'after') index = pending?.start()
    if (order === 'overlap') index?.write()
  }

  return {
    name: 'minhu-site-build',
    linkedPages,
    hooks: {
      'astro:config:setup': ({ command, config, logger: log, updateConfig }) => {
        if (command !== 'build') return
        logger = log
        root = fileURLToPath(config.root)
        const cacheDir = fileURLToPath(config.cacheDir)
        fs.mkdirSync(cacheDir, { recursive: true })
        const stale = removeStaleBuildDirs(cacheDir)
        if (stale) logger.info(`removed ${stale} build folders left by builds that were killed`)
        const draft = draftFromEnv()
        const dir = fs.mkdtempSync(path.join(cacheDir, `build-${process.pid}-`))
        // Started ahead of its request (./start-gate.ts): the output folder is asked for later, so the
        // pages go into a stand-in here and are moved there at the end.
        const gate = startGate()
        if (gate) updateConfig({ outDir: pathToFileURL(`${path.join(dir, 'out')}/`) })
        context = {
          dir,
          start: gate && (() => gate.pass()),
          draft,
          readCache:
            draft || stock
              ? undefined
              : { dir: cacheDir, key: readCacheKey(root), reuse: process.env.SITE_FULL_BUILD !== '1' },
          planned: null,
          contentRead,
        }
        setBuildContext(context)
        process.once('exit', cleanUp)
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir)
      },
      // After Astro has emptied the output folder (it does before bundling), before it renders.
      'astro:build:setup': () => {
        const plan = context?.planned?.plan
        if (!plan || context?.draft || linking) return
        linking = linkUnchangedPages(plan, outDir, [...plan.skip])
        linking.catch(() => {}) // awaited when the pages are written; a failed build never gets there
      },
      'astro:build:generated': async ({ dir }) => {
        if (!context || context.draft) return // a draft preview shows its pictures from the CMS
        if (!read || !context.planned) throw new Error('site build: the CMS loader did not run')
        const out = fileURLToPath(dir)
        const { plan } = context.planned
        // The pages are written: Astro's peak is over, Pagefind's may begin (beside the steps below).
        index ??= pending?.start()
        index?.write()

        const early = (await linking) ?? []
        const linked = [...early, ...(await linkUnchangedPages(plan, out, plan.skip.slice(early.length)))]
        linkAssets(plan, out)
        for (const key of linked) linkedPages.push(new URL(`/${key}/`, site).href)
        // @astrojs/sitemap sorts every URL with `localeCompare(…, { numeric: true })`, a collator per
        // comparison: 1.1–1.5 s for 13,000 at 10k. Already in its order (one collator), the linked pages
        // are one run its sort only merges (~0.2 s). The sitemap is the same either way.
        linkedPages.sort(new Intl.Collator('en', { numeric: true }).compare)
        if (linked.length)
          logger.info(`linked ${linked.length} unchanged article pages from the previous build`)

        // Old addresses: a forwarding page where no page is, and the map for nginx and the site server.
        const redirects = writeRedirects(out, read.redirects, site, (line) => logger.warn(line))
        if (read.redirects.length)
          logger.info(
            `wrote ${redirects.pages} redirect pages and redirects.map (${read.redirects.length - redirects.skipped.length} entries)`,
          )

        const media = await read.media.copy(read.mediaFiles, path.join(out, 'media'), plan.base)
        logger.info(
          `copied ${media.files} media files (${(media.bytes / 1048576).toFixed(1)} MB) from ${read.media.kind === 's3' ? read.media.where : 'the data folder'} into ${path.basename(askedOutDir(out))}/media (${media.linked} linked from the previous build)`,
        )

        if (stock) {
          logger.info('SEARCH_MODE=stock: the pagefind CLI indexes the pages next')
          return
        }
        if (plan.index === 'delta' && plan.base) {
          // The main index is unchanged: linked from the previous build; changes go into the delta.
          linkTree(path.join(plan.base, 'pagefind'), path.join(out, 'pagefind'))
          if (!index) {
            const hidden = Object.keys(plan.stale).length
            logger.info(`search index linked from the previous build (${hidden} entries hidden)`)
            return
          }
          const { pages, ms } = await finishIndex(index, path.join(out, 'pagefind-delta'))
          logger.info(
            `indexed ${pages} changed pages into the delta index in ${ms} ms; main index linked from the previous build`,
          )
          return
        }
        if (handedOver !== undefined) {
          logger.info(
            `search index: ${handedOver} records handed over, written by the builder once this process has exited`,
          )
          return
        }
        const waited = Date.now()
        const result = await finishIndex(index!, path.join(out, 'pagefind'))
        context.planned = { ...context.planned, indexIds: result.ids }
        logger.info(
          `indexed ${result.pages} pages for search in ${result.ms} ms (${order === 'after' ? 'after page rendering' : order === 'overlap' ? 'alongside page rendering' : 'records added alongside page rendering, written after it'}; waited ${Date.now() - waited} ms at the end)`,
        )
      },
      'astro:build:done': async ({ dir }) => {
        if (context && !context.draft && context.planned) {
          const out = fileURLToPath(dir)
          const gz = await precompress(out, context.planned.plan.base)
          logger.info(
            `precompressed ${gz.files} files (${(gz.bytes / 1048576).toFixed(1)} MB → ${(gz.gzipBytes / 1048576).toFixed(1)} MB gzip; ${gz.reused} linked from the previous build) in ${gz.ms} ms`,
          )
          const target = askedOutDir(out)
          if (target !== out) moveFolder(out, target)
          writeManifest(target, context.planned)
        }
        cleanUp()
        process.removeListener('exit', cleanUp)
      },
    },
  }

  /** Where the pages were asked to go: `out` itself, unless the build was started ahead (./start-gate.ts). */
  function askedOutDir(out: string): string {
    return context?.start ? siteOutDir(root) : path.resolve(out)
  }
}

/**
 * Build folders are named `build-<pid>-…`. A build killed outright (SIGKILL, power cut) cannot remove its
 * own; the next build removes every one whose process is gone.
 */
function removeStaleBuildDirs(cacheDir: string): number {
  let removed = 0
  for (const name of fs.readdirSync(cacheDir)) {
    const pid = Number(/^build-(\d+)-/.exec(name)?.[1])
    if (!pid || pid === process.pid || isAlive(pid)) continue
    fs.rmSync(path.join(cacheDir, name), { recursive: true, force: true })
    removed++
  }
  return removed
}

/**
 * What the loader's kept read is valid for: the code that reads and maps documents (the site's and the
 * CMS's: field configs, hooks, migrations) and the database it was read from.
 */
function readCacheKey(root: string): string {
  // The database as configured (the CMS itself is loaded only when the loader runs). A SQLite file by
  // its place in the data folder, where the cache is too: a copy of the folder (a backup restored, the
  // benchmark's scratch copy) is the same database, and its documents' stamps say so one by one.
  const uri = process.env.DATABASE_URI ?? ''
  const dataDir = path.resolve(root, process.env.DATA_DIR ?? 'data')
  const database = uri.startsWith('file:') ? path.relative(dataDir, path.resolve(root, uri.slice(5))) : uri
  return digest({ code: codeDigest(root, READ_CODE_FOLDERS), database })
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Compares what the pages and search records are made of with the previous build's manifest
 * (SITE_BASE_DIR) and decides what to render and index.
 */
function plan(read: CmsRead, records: SearchRecord[], root: string): PlannedBuild {
  const pages: Record<string, string> = {}
  for (const collection of ARTICLE_COLLECTIONS) {
    for (const item of read.snapshot[collection]) pages[`${collection}/${item.slug}`] = digest(item)
  }
  const state: CurrentState = {
    code: codeDigest(root),
    site: digest(read.snapshot.site),
    pages,
    records: Object.fromEntries(records.map((r) => [r.url, { digest: digest(r), type: r.type }])),
  }
  const baseDir = process.env.SITE_BASE_DIR ? path.resolve(process.env.SITE_BASE_DIR) : undefined
  const previous = baseDir ? readManifest(baseDir) : null
  const base = baseDir && fs.existsSync(baseDir) ? { dir: baseDir, manifest: previous } : undefined
  const plan =
    process.env.SITE_FULL_BUILD === '1'
      ? { ...planBuild(state), reason: 'SITE_FULL_BUILD=1' }
      : planBuild(state, base)
  return { plan, state, previous }
}
