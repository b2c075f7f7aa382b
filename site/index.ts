/**
 * The site's entry for the tools around it (scripts/, bench/): what they may know of the site without
 * reaching into its folders (lint enforces it). astro.config.mjs loads the build integration itself.
 */
export { astroCacheDir } from './build/cache-dir.ts'
export { siteOutDir } from './build/folders.ts'
export { manifestPathOf } from './build/plan.ts'
export { indexHandover } from './build/index-handover.ts'
export { preloadReadCache } from './loaders/read-cache.ts'
export { installStartGate } from './build/start-gate.ts'
export { cmsUrl } from './lib/config.ts'
export { HASHED_INDEX_PATTERN, IMMUTABLE, isHashedIndexFile } from './build/pagefind-settings.ts'
export type { SearchRecord } from './lib/search-records.ts'
export {
  BACK_PATTERN,
  CARE_COOKIE,
  PREFS_FILES,
  PREFS_MAX_AGE,
  SIZE_COOKIE,
  prefsCookies,
  prefsFile,
  safeBack,
} from './lib/prefs.ts'
