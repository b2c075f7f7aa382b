/**
 * The full search index, finished by the process that started the build rather than by Astro's.
 *
 * Pagefind's write is the build's memory peak (~2 GB at 10k items), and Astro's process still holds
 * ~1.6–1.8 GB when its pages are written, most of it native memory it does not give back (its V8 heap is
 * ~350 MB after a collection). Written inside that process, the two add up; written after it has exited,
 * the peak is the larger of the two. So the builder (scripts/lib/site-build.ts) makes a folder and
 * passes it as `SITE_INDEX_HANDOVER`: the build writes the records of a full index there and marks them
 * complete; the builder starts the index worker on them at once (the records are still added while Astro
 * renders) and, once Astro's process has exited, lets it write, moves the index into the build,
 * precompresses Pagefind's text files and puts the page ids into the manifest. A delta index (small) and
 * a plain `astro build` stay inside Astro's process.
 */
import fs from 'node:fs'
import path from 'node:path'

import type { SearchRecord } from '../lib/search-records.ts'
import { astroCacheDir } from './cache-dir.ts'
import { readManifest } from './incremental.ts'
import { manifestPathOf } from './plan.ts'
import { precompress } from './precompress.ts'
import { finishIndex, prepareIndex, recordsFileOf, startWorker, type RunningIndex } from './search-index.ts'

const HANDOVER_ENV = 'SITE_INDEX_HANDOVER'
/** Made once the records file is complete. */
const READY = 'records-ready'

/** The build's side: the folder to write the records of a full index into, if the builder asked. */
export const handoverFolder = (): string | undefined => process.env[HANDOVER_ENV] || undefined

/** The build's side: writes the records into `dir`, then marks them complete; returns how many. */
export function handOver(records: Iterable<SearchRecord>, dir: string): number {
  const count = prepareIndex(records, dir).records
  fs.writeFileSync(path.join(dir, READY), '')
  return count
}

export interface IndexHandover {
  /** Added to the build's environment. */
  env: Record<string, string>
  /**
   * After the build process exited successfully: the index written, moved into `outDir`, its text files
   * precompressed, the page ids in the manifest; returns the line to log, or nothing when the build did
   * not hand a full index over (an incremental build's delta, a draft preview).
   */
  finish(outDir: string): Promise<string | undefined>
  /** After a failed build: the worker stopped, the folder removed. */
  abort(): void
}

/**
 * The builder's side, for one build with `env` (its DATA_DIR decides Astro's cache folder, where the
 * folder is made: named by this process's pid, a killed builder's folder is removed by the next build).
 */
export function indexHandover(root: string, env: Record<string, string | undefined>): IndexHandover {
  const cacheDir = astroCacheDir(root, { ...process.env, ...env })
  fs.mkdirSync(cacheDir, { recursive: true })
  const dir = fs.mkdtempSync(path.join(cacheDir, `build-${process.pid}-index-`))
  let running: RunningIndex | undefined
  // The records are added while Astro renders: the worker starts as soon as they are complete.
  const start = () => {
    if (!running && fs.existsSync(path.join(dir, READY)))
      running = startWorker(recordsFileOf(dir), dir, 'pagefind')
  }
  const poll = setInterval(start, 100)
  const end = () => {
    clearInterval(poll)
    fs.rmSync(dir, { recursive: true, force: true })
  }
  return {
    env: { [HANDOVER_ENV]: dir },
    async finish(outDir) {
      clearInterval(poll)
      start()
      try {
        if (!running) return undefined
        const waited = Date.now()
        const result = await finishIndex(running, path.join(outDir, 'pagefind'))
        const gz = await precompress(path.join(outDir, 'pagefind'))
        const manifest = readManifest(outDir)
        if (!manifest) throw new Error(`search index: the build left no readable ${manifestPathOf(outDir)}`)
        for (const [url, entry] of Object.entries(manifest.mainIndex)) entry.id = result.ids[url] ?? ''
        fs.writeFileSync(manifestPathOf(outDir), JSON.stringify(manifest))
        return `[minhu-site-build] indexed ${result.pages} pages for search in ${result.ms} ms (records added alongside page rendering, written after the build process had exited; waited ${Date.now() - waited} ms at the end; ${gz.files} files precompressed)`
      } finally {
        end()
      }
    },
    abort() {
      running?.stop()
      end()
    },
  }
}
