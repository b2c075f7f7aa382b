/**
 * `npm run build`: the site into dist/ (or SITE_OUT_DIR) from the CMS database, as the builder builds it
 * (scripts/lib/site-build.ts: the full search index written after Astro's process has exited, so the
 * two memory peaks do not add up). Prints Astro's output; exits 1 with the reason when it fails.
 */
import { buildSite } from './lib/site-build.ts'

try {
  await buildSite({ allLines: true, log: (line) => line.trim() && console.log(line) })
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error))
  process.exit(1)
}
