import fs from 'node:fs'
import path from 'node:path'

import { afterAll, describe, expect, it } from 'vitest'

import { scratchDir } from '../../cms/index.ts'
import {
  INDEX_CHUNK_SIZE,
  PAGEFIND_DEFAULT_CHUNK_SIZE,
  PAGEFIND_ENV,
} from '../../site/build/pagefind-settings.ts'
import { startIndexWorker } from '../../site/build/search-index.ts'
import type { SearchRecord } from '../../site/lib/search-records.ts'

/**
 * The chunk size of Pagefind's word index is set through an environment variable Pagefind marks
 * unstable (site/build/pagefind-settings.ts). This fails when a Pagefind version stops reading it or
 * counts differently: a known corpus must be written in exactly the chunks the pinned size gives.
 *
 * The corpus: WORDS different words (one Han character each, so no stemming or segmenting merges two),
 * each on one page once. Pagefind 1.6 counts 3 postings for such a word (per page: one, plus its
 * location with its weight marker), so a chunk closes after INDEX_CHUNK_SIZE / 3 words.
 */
const WORDS = 3000
const PER_PAGE = 100
const POSTINGS = 3
const records: SearchRecord[] = Array.from({ length: WORDS / PER_PAGE }, (_, page) => ({
  url: `/news/${page + 1}/`,
  title: `第${page + 1}篇`,
  type: '新闻',
  text: Array.from({ length: PER_PAGE }, (_, i) => String.fromCodePoint(0x4e00 + page * PER_PAGE + i)).join(
    ' ',
  ),
})) as SearchRecord[]

const dirs: string[] = []
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true })
})

const chunksIn = (dir: string) =>
  fs.readdirSync(path.join(dir, 'index')).filter((f) => f.endsWith('.pf_index'))

describe('Pagefind index chunk size', () => {
  it('is what the index worker writes with, and changes the written index', async () => {
    expect(PAGEFIND_ENV.PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE).toBe(String(INDEX_CHUNK_SIZE))
    const build = scratchDir('minhu-chunks-')
    dirs.push(build)
    const running = startIndexWorker(records, build)
    running.write() // the worker adds the records, then writes when told (as the build tells it)
    const result = await running.done
    expect(result.pages).toBe(records.length)
    expect(chunksIn(running.dir)).toHaveLength(Math.ceil((WORDS * POSTINGS) / INDEX_CHUNK_SIZE))
    // Pagefind's default would have put the whole corpus in one chunk: the setting is what split it.
    expect(Math.ceil((WORDS * POSTINGS) / PAGEFIND_DEFAULT_CHUNK_SIZE)).toBe(1)
  })
})
