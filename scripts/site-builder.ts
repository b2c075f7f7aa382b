/**
 * The site builder: rebuilds the static site when the CMS asks (publish, unpublish, edit of a published
 * page), from the rebuild queue in the database (cms/builds/queue.ts). `npm start` runs it as its own
 * process and restarts it when it dies (scripts/lib/supervisor.ts); in production it is a systemd unit
 * of its own (docs/deploy.md). Several may run against one database: the `site-builder` lease elects one
 * to build, the others stand by.
 *
 * Environment: DATABASE_URI and DATA_DIR (which CMS), SITE_OUT_DIR (the first build, default dist/),
 * REBUILD_DEBOUNCE_MS (quiet time before a build, default 500), SITE_INITIAL_BUILD (set by npm start:
 * the build it made before starting this process, as JSON { startedAt, ms, trigger }).
 */
import path from 'node:path'

import { dataDir, debounceMs as configuredDebounce, openPayload, ROOT } from '../cms/index.ts'
import { RebuildWorker } from './lib/rebuild-worker.ts'
import { siteBuilder } from './lib/site-build.ts'
import { siteOutDir } from '../site/index.ts'

const log = (line: string) => console.log(line)

function initialBuild(): { startedAt: Date; ms: number; trigger: string } | undefined {
  const text = process.env.SITE_INITIAL_BUILD
  if (!text) return undefined
  const value = JSON.parse(text) as { startedAt: string; ms: number; trigger: string }
  return { startedAt: new Date(value.startedAt), ms: value.ms, trigger: value.trigger }
}

const debounceMs = configuredDebounce()
if (!Number.isFinite(debounceMs) || debounceMs < 0) {
  console.error(`builder: REBUILD_DEBOUNCE_MS: "${process.env.REBUILD_DEBOUNCE_MS}" is not a number of ms`)
  process.exit(1)
}

const payload = await openPayload()
// Each build's process is started ahead, while the builder waits for publishes (lib/site-build.ts).
const builder = siteBuilder()
const worker = new RebuildWorker({
  payload,
  buildsDir: path.join(dataDir(), 'site-builds'),
  initialLive: siteOutDir(ROOT),
  liveLink: path.join(dataDir(), 'site-live'),
  debounceMs,
  initialBuild: initialBuild(),
  build: (outDir, base) =>
    builder.build({
      outDir,
      base,
      // The plan (incremental or full, and why) and the index and page counts; not every Astro step.
      log: (line) => /plan:|linked|indexed|page\(s\) built/.test(line) && log(`rebuild: ${line}`),
    }),
  log,
})
worker.start()

let stopping = false
const stop = async () => {
  if (stopping) return
  stopping = true
  await worker.stop()
  builder.close()
  await payload.destroy().catch(() => {})
  process.exit(0)
}
process.on('SIGTERM', () => void stop())
process.on('SIGINT', () => void stop())
