import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { AstroIntegration } from 'astro'

import { previewTarget, readPlanFile } from '../lib/build-plan.ts'
import { indexIdsPath, linkTree } from './incremental.ts'

/**
 * The search index. Chinese is segmented with Intl.Segmenter and indexed as space-separated words
 * (`forceLanguage: 'en'`), and the search box splits queries with the same segmenter, so index and
 * query agree (Pagefind's own Chinese mode splits the two differently). Pages keep `lang="zh-CN"`.
 *
 * The work happens in site/integrations/index-worker.ts, started by `startSearchIndex()` from the CMS
 * loader the moment the records exist, so it overlaps with page rendering; `astro:build:done` waits
 * for it and moves the index into dist/pagefind.
 */

const indexDir = (pid = process.pid) => path.join(os.tmpdir(), `minhu-site-index-${pid}`)

/** Starts indexing `recordsFile` in a separate process (called by the loader). */
export function startSearchIndex(recordsFile: string): void {
  const out = indexDir()
  for (const p of [out, `${out}.done`, `${out}.error`]) fs.rmSync(p, { recursive: true, force: true })
  fs.writeFileSync(`${out}.started`, String(Date.now()))
  // Benchmark baseline: the stock `pagefind` CLI indexes the built pages afterwards instead.
  if (process.env.SEARCH_MODE === 'stock') {
    fs.rmSync(recordsFile, { force: true })
    return
  }
  const worker = fileURLToPath(new URL('./index-worker.ts', import.meta.url))
  const child = spawn(process.execPath, [worker, recordsFile, out], { stdio: 'inherit' })
  child.unref()
}

/** Waits for the index worker and moves its output to `target`. */
async function finishedIndex(target: string) {
  const out = indexDir()
  if (!fs.existsSync(`${out}.started`)) throw new Error('search: the CMS loader did not start the index')
  while (!fs.existsSync(`${out}.done`) && !fs.existsSync(`${out}.error`)) {
    await new Promise((r) => setTimeout(r, 50))
  }
  if (fs.existsSync(`${out}.error`)) throw new Error(`search: ${fs.readFileSync(`${out}.error`, 'utf8')}`)
  const done = JSON.parse(fs.readFileSync(`${out}.done`, 'utf8')) as {
    pages: number
    ms: number
    ids: Record<string, string>
  }
  fs.rmSync(target, { recursive: true, force: true })
  fs.cpSync(out, target, { recursive: true })
  for (const p of [out, `${out}.done`, `${out}.started`]) fs.rmSync(p, { recursive: true, force: true })
  return done
}

export function searchIndex(): AstroIntegration {
  return {
    name: 'minhu-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env.SEARCH_MODE === 'stock') {
          logger.info('SEARCH_MODE=stock: the pagefind CLI indexes the pages next')
          return
        }
        if (previewTarget()) return // a draft preview is never indexed
        const plan = readPlanFile()?.plan
        const target = path.join(fileURLToPath(dir), 'pagefind')
        if (plan?.index === 'delta' && plan.base) {
          // The main index is unchanged: linked from the previous build; changes go into the delta.
          linkTree(path.join(plan.base, 'pagefind'), target)
          if (!plan.delta.length) {
            logger.info(
              `search index linked from the previous build (${Object.keys(plan.stale).length} entries hidden)`,
            )
            return
          }
          const { pages, ms } = await finishedIndex(path.join(fileURLToPath(dir), 'pagefind-delta'))
          logger.info(
            `indexed ${pages} changed pages into the delta index in ${ms} ms; main index linked from the previous build`,
          )
          return
        }
        const waited = Date.now()
        const { pages, ms, ids } = await finishedIndex(target)
        fs.writeFileSync(indexIdsPath(), JSON.stringify(ids))
        logger.info(
          `indexed ${pages} pages for search in ${ms} ms (alongside page rendering; waited ${Date.now() - waited} ms at the end)`,
        )
      },
    },
  }
}
