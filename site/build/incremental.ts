/** Incremental builds, the file side: linking the previous build's files and the manifest (plan: ./plan.ts). */
import fs from 'node:fs'
import path from 'node:path'

import {
  manifestPathOf,
  nextManifest,
  type BuildManifest,
  type BuildPlan,
  type PlannedBuild,
} from './plan.ts'
import { linkPagesAside } from './link-pages.ts'

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
 * The pages the plan skipped (`keys`: all of them unless given), linked from the previous build into
 * `out`; resolves with their paths (`news/<slug>`) for the sitemap, which only knows the pages Astro
 * rendered. The links are made on a worker thread (./link-pages.ts), so this may run while Astro renders
 * the other pages.
 */
export async function linkUnchangedPages(
  plan: BuildPlan,
  out: string,
  keys: readonly string[] = plan.skip,
): Promise<string[]> {
  if (plan.mode === 'full' || !plan.base) return []
  const { missing } = keys.length ? await linkPagesAside(plan.base, out, keys) : { missing: [] }
  if (missing.length)
    throw new Error(
      `incremental: ${missing.length} unchanged pages are missing from ${plan.base} (e.g. ${missing[0]}); run a full build (SITE_FULL_BUILD=1)`,
    )
  return [...keys]
}

/** Styles and scripts are named by content: the rendered pages reuse the previous build's files. */
export function linkAssets(plan: BuildPlan, out: string): void {
  if (plan.mode === 'full' || !plan.base) return
  const assets = path.join(plan.base, '_astro')
  if (fs.existsSync(assets)) linkTree(assets, path.join(out, '_astro'))
}

/** Reads the manifest a previous build left beside `baseDir` (null when there is none or it is unreadable). */
export function readManifest(baseDir: string): BuildManifest | null {
  try {
    return JSON.parse(fs.readFileSync(manifestPathOf(baseDir), 'utf8')) as BuildManifest
  } catch {
    return null
  }
}

/** The manifest the next build compares with, beside `out`. */
export function writeManifest(out: string, planned: PlannedBuild): void {
  const { state, plan, previous, indexIds } = planned
  fs.writeFileSync(manifestPathOf(out), JSON.stringify(nextManifest(state, plan, previous, indexIds ?? null)))
}
