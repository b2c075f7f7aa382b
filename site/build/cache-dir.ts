import path from 'node:path'

/**
 * Astro's cache folder (its content store, bundled into the pages, each build's folder and the loader's
 * kept read of the CMS). It belongs to the CMS the site is built from: one per data folder, so builds of
 * two CMSs at once (tests, a second checkout) never read each other's store. Draft previews build beside
 * the rebuild worker: their own cache (SITE_CACHE_DIR) keeps the two from meeting. Without either,
 * Astro's default. Read by astro.config.mjs, by the spare build process that parses the kept read
 * ahead (scripts/lib/astro-build.ts) and by the builder for a build's `env` (./index-handover.ts).
 */
export function astroCacheDir(root: string, env: NodeJS.ProcessEnv = process.env): string {
  if (env.SITE_CACHE_DIR) return path.resolve(root, env.SITE_CACHE_DIR)
  if (env.DATA_DIR) return path.resolve(env.DATA_DIR, 'astro-cache')
  return path.join(root, 'node_modules', '.astro')
}
