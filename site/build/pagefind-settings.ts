/**
 * The Pagefind settings the index worker (./index-worker.ts) runs with, in one place.
 *
 * Pagefind splits its word index into chunks of about `PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE` postings
 * (pages plus locations, summed over the chunk's words; default 20000), read by the pagefind binary
 * from its environment and marked unstable there. A search fetches the chunks that hold its words, so
 * smaller chunks mean fewer bytes of other words per search, at the cost of one small entry per chunk in
 * the meta file every first search loads. Measured on the bench corpus (first search 加装电梯 / later
 * 停车难, gzip bytes of the chunks fetched): 1k items 95 kB → 17 kB and 56 kB → 20 kB, meta 12.3 kB →
 * 14.9 kB; 10k items 140 kB → 113 kB and 183 kB → 175 kB, meta 89 kB → 93 kB. At 10k the chunk of a
 * common word is its own posting list, which no chunk size makes smaller.
 * tests/int/pagefind-settings.int.spec.ts fails when Pagefind stops honouring the setting.
 */
export const INDEX_CHUNK_SIZE = 2000

/** Pagefind's own default, for the test that checks the setting still changes the written index. */
export const PAGEFIND_DEFAULT_CHUNK_SIZE = 20000

/** Environment for the pagefind binary (the Node API passes its process environment on). */
export const PAGEFIND_ENV: Record<string, string> = {
  PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: String(INDEX_CHUNK_SIZE),
}

/**
 * Pagefind's files whose names carry a hash of their content (meta, word-index chunks, filters,
 * fragments): a new index writes new names, so browsers may keep them for a year. pagefind.js,
 * pagefind-entry.json, the wasm files and the UI files keep their names across builds: they revalidate.
 * Pagefind names a fragment by the first 7 hex digits of its hash and lengthens the name on a clash;
 * the same short name could hold another page only if two clashing pages swapped places in a later
 * build, which a stable record order rules out.
 */
/** How the site server and nginx serve those files. */
export const IMMUTABLE = 'public, max-age=31536000, immutable'

export const HASHED_INDEX_PATTERN =
  '^/pagefind(-delta)?/(pagefind\\.[a-z-]+_[0-9a-f]{7,}\\.pf_meta|(index|fragment|filter)/[a-z-]+_[0-9a-f]{7,}\\.pf_(index|fragment|filter))$'

const HASHED_INDEX_FILE = new RegExp(HASHED_INDEX_PATTERN)

/** `pathname` as decoded from the request (no query). */
export function isHashedIndexFile(pathname: string): boolean {
  return HASHED_INDEX_FILE.test(pathname)
}
