import { execFileSync } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import type { TestProject } from 'vitest/node'

import { ROOT, scratchDir } from '../../cms/paths.ts'
import { buildAdminIfNeeded } from '../../scripts/lib/admin-build.ts'
import { buildSite } from '../../scripts/lib/site-build.ts'
import { manifestPathOf } from '../../site/index.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The built site of the test CMS (seeded content/ + canaries). */
    siteDir: string
    /** Its CMS data folder (holds published.json). */
    siteDataDir: string
    /** The search records the index was built from (JSON). */
    siteSearchRecords: string
  }
}

/**
 * Once per test run: a throwaway CMS seeded from content/ plus canaries, and the site built from it with
 * the real `astro build`. Build tests read the folder; browser tests serve it.
 */
export default async function setup(project: TestProject) {
  const dataDir = scratchDir('minhu-site-cms-')
  const outDir = scratchDir('minhu-site-dist-')
  const env = {
    DATA_DIR: dataDir,
    DATABASE_URI: `file:${path.join(dataDir, 'cms.db')}`,
    PAYLOAD_SECRET: crypto.randomBytes(16).toString('hex'),
  }
  // Specs that run the real CMS server (`next start`) need the admin build; make it once, here, rather
  // than in two test processes at the same time.
  await buildAdminIfNeeded((line) => console.log(line))
  const started = Date.now()
  execFileSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['tests/helpers/site-fixture.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const records = path.join(dataDir, 'search-records.json')
  await buildSite({ outDir, env: { ...env, SEARCH_RECORDS_OUT: records } })
  console.log(
    `site fixture: seeded and built into ${outDir} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  )
  project.provide('siteDir', outDir)
  project.provide('siteDataDir', dataDir)
  project.provide('siteSearchRecords', records)
  return () => {
    for (const p of [outDir, manifestPathOf(outDir), dataDir]) fs.rmSync(p, { recursive: true, force: true })
  }
}
