import path from 'node:path'

/**
 * Astro's cache folder (its content store, bundled into the pages, each build's folder and the loader's
 * kept read of the CMS). It belongs to the CMS the site is built from: one per data folder, so builds of
 * two CMSs at once (tests, a second checkout) never read each other's store. Draft previews build beside
 * the rebuild worker: their own cache (SITE_CACHE_DIR) keeps the two from meeting. Without either,
 * Astro's default. Read by astro.config.mjs and by the spare build process that parses the kept read
 * ahead (scripts/lib/astro-build.ts).
 */
export function astroCacheDir(root: string): string {
  if (process.env.SITE_CACHE_DIR) return path.resolve(root, process.env.SITE_CACHE_DIR)
  if (process.env.DATA_DIR) return path.resolve(process.env.DATA_DIR, 'astro-cache')
  return path.join(root, 'node_modules', '.astro')
}
