/**
 * One `astro build`, started before it is asked for: a spare build process (./site-build.ts,
 * `siteBuilder`). It loads Node, Astro and the CMS, opens the CMS's Local API (Payload keeps the opened
 * instance, so the build's content loader gets it at once) and starts the build at once: Astro's config,
 * Vite and the content store are made ahead too, and the build waits where it would read the CMS
 * (site/build/start-gate.ts). It prints `astro-build: ready` there, then waits for one line on stdin,
 * `{"env": {…}}`: the build's own variables (SITE_OUT_DIR, SITE_BASE_DIR, …), read by the build only
 * after that point. It runs that one build and exits (0 when it succeeded), so nothing of a build is
 * carried into the next: each build has a process of its own, only started earlier.
 */
import readline from 'node:readline'

import { ROOT, openPayload } from '../../cms/index.ts'
import { astroCacheDir, installStartGate, preloadReadCache } from '../../site/index.ts'

const [{ build }] = await Promise.all([import('astro'), openPayload()])
// The last build's read of the CMS, parsed now rather than during the build.
preloadReadCache(astroCacheDir(ROOT))
const open = installStartGate(() => console.log('astro-build: ready'))

let asked = false
const lines = readline.createInterface({ input: process.stdin })
lines.once('line', (line) => {
  asked = true
  lines.close()
  const { env } = JSON.parse(line) as { env: Record<string, string> }
  Object.assign(process.env, env)
  open()
})
// The builder went away without asking for a build.
lines.once('close', () => asked || process.exit(0))

try {
  await build({ root: ROOT })
  process.exit(0)
} catch (error) {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error))
  process.exit(1)
}
