import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { AstroIntegration } from 'astro'

import { manifestPathOf, nextManifest, planFilePath, readPlanFile } from '../lib/build-plan.ts'

/** Where the search-index integration leaves the page ids of a full index for the manifest. */
export const indexIdsPath = (pid = process.pid) => path.join(os.tmpdir(), `minhu-site-index-ids-${pid}.json`)

/**
 * Hard-links every file of `from` into `to` (a copy when linking is not possible, e.g. across file
 * systems). Links cost no space and keep the previous build intact: builds never write into a file
 * they linked, they only add new ones.
 */
export function linkTree(from: string, to: string): number {
  let count = 0
  fs.mkdirSync(to, { recursive: true })
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name)
    const target = path.join(to, entry.name)
    if (entry.isDirectory()) count += linkTree(source, target)
    else if (!fs.existsSync(target)) {
      linkFile(source, target)
      count++
    }
  }
  return count
}

function linkFile(source: string, target: string): void {
  try {
    fs.linkSync(source, target)
  } catch {
    fs.copyFileSync(source, target)
  }
}

/**
 * Incremental builds, first half (before the sitemap runs): the article pages the plan skipped are
 * linked from the previous build, and listed for the sitemap, which only knows the pages it rendered.
 */
export function linkUnchangedPages(sitemapPages: string[], site: string): AstroIntegration {
  return {
    name: 'minhu-incremental',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const plan = readPlanFile()?.plan
        if (!plan || plan.mode === 'full' || !plan.base) return
        const out = fileURLToPath(dir)
        const missing: string[] = []
        for (const key of plan.skip) {
          const source = path.join(plan.base, key, 'index.html')
          if (!fs.existsSync(source)) {
            missing.push(key)
            continue
          }
          fs.mkdirSync(path.join(out, key), { recursive: true })
          linkFile(source, path.join(out, key, 'index.html'))
          sitemapPages.push(new URL(`/${key}/`, site).href)
        }
        // Styles and scripts are named by content: the rendered pages reuse the same files.
        const assets = path.join(plan.base, '_astro')
        if (fs.existsSync(assets)) linkTree(assets, path.join(out, '_astro'))
        if (missing.length)
          throw new Error(
            `incremental: ${missing.length} unchanged pages are missing from ${plan.base} (e.g. ${missing[0]}); run a full build (SITE_FULL_BUILD=1)`,
          )
        logger.info(`linked ${plan.skip.length} unchanged article pages from the previous build`)
      },
    },
  }
}

/** Incremental builds, second half (last): the manifest the next build compares with. */
export function writeBuildManifest(): AstroIntegration {
  return {
    name: 'minhu-build-manifest',
    hooks: {
      'astro:build:done': ({ dir }) => {
        const file = readPlanFile()
        if (!file) return
        const idsFile = indexIdsPath()
        const ids = fs.existsSync(idsFile)
          ? (JSON.parse(fs.readFileSync(idsFile, 'utf8')) as Record<string, string>)
          : null
        fs.rmSync(idsFile, { force: true })
        const out = fileURLToPath(dir)
        fs.writeFileSync(
          manifestPathOf(out),
          JSON.stringify(nextManifest(file.state, file.plan, file.previous, ids)),
        )
        fs.rmSync(planFilePath(), { force: true })
      },
    },
  }
}
