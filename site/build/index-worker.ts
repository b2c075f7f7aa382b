/**
 * Builds the Pagefind index in its own process, started by the build (./search-index.ts).
 * Usage: node index-worker.ts <records.ndjson> <out folder> <result.json>. The records file holds one
 * JSON record a line; they are read and handed to Pagefind one at a time, so this process never holds
 * them all. The index is written when the build says so on stdin (a line, or stdin closed: after the
 * pages are rendered, so Pagefind's write does not stack on Astro's peak). On success it writes the result (pages, time, page ids) and exits 0; on failure it prints
 * the reason on stderr (naming the record, or the line that is not one) and exits 1.
 */
import fs from 'node:fs'
import path from 'node:path'
import readline from 'node:readline'
import { gunzipSync } from 'node:zlib'

import type { SearchRecord } from '../lib/search-records.ts'
import { toIndexText } from '../lib/segment.ts'
import { PAGEFIND_ENV } from './pagefind-settings.ts'
import { FAILURE_PREFIX } from './search-index.ts'

/**
 * url → Pagefind's id of that page (what a search result carries as `id`), read back from the written
 * fragments: the next incremental build uses it to drop this index's stale entries from results.
 */
function pageIds(dir: string): Record<string, string> {
  const ids: Record<string, string> = {}
  const fragments = path.join(dir, 'fragment')
  if (!fs.existsSync(fragments)) return ids // nothing published yet
  for (const name of fs.readdirSync(fragments)) {
    const data = gunzipSync(fs.readFileSync(path.join(fragments, name))).toString('utf8')
    const { url } = JSON.parse(data.slice(data.indexOf('{'))) as { url: string }
    ids[url] = name.replace(/\.pf_fragment$/, '')
  }
  return ids
}

const [recordsFile, outDir, resultFile] = process.argv.slice(2)
const started = Date.now()
/** The records of an NDJSON file, one at a time; a line that is not a JSON object is named by number. */
async function* readRecords(file: string): AsyncGenerator<SearchRecord> {
  const lines = readline.createInterface({ input: fs.createReadStream(file, 'utf8'), crlfDelay: Infinity })
  let n = 0
  for await (const line of lines) {
    n++
    if (!line.trim()) continue
    let record: unknown
    try {
      record = JSON.parse(line)
    } catch (error) {
      throw new Error(`line ${n} of the records is not JSON: ${(error as Error).message}`, {
        cause: error,
      })
    }
    if (!record || typeof record !== 'object' || Array.isArray(record))
      throw new Error(`line ${n} of the records is not a record`)
    yield record as SearchRecord
  }
}

/** Resolves when the build says "write" (a line on stdin, or stdin closed). */
function writeSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.stdin.once('data', () => resolve())
    process.stdin.once('end', () => resolve())
    process.stdin.resume()
  })
}

try {
  Object.assign(process.env, PAGEFIND_ENV) // the pinned Pagefind settings (./pagefind-settings.ts)
  const pagefind = await import('pagefind')
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' })
  if (!index) throw new Error(`pagefind could not start: ${errors.join('; ')}`)
  let pages = 0
  for await (const record of readRecords(recordsFile)) {
    pages++
    const meta: Record<string, string> = { title: record.title, 类型: record.type }
    if (record.date) meta.日期 = record.date
    if (record.image) meta.image = record.image
    const added = await index
      .addCustomRecord({
        url: record.url,
        content: toIndexText(record.text),
        language: 'en',
        meta,
        filters: { 类型: [record.type] },
        sort: record.date ? { date: record.date } : undefined,
      })
      .catch((error: unknown) => ({ errors: [error instanceof Error ? error.message : String(error)] }))
    if (added.errors.length)
      throw new Error(`record ${record.url ?? `"${record.title}" without a url`}: ${added.errors.join('; ')}`)
  }
  fs.rmSync(recordsFile, { force: true })
  await writeSignal()
  const written = await index.writeFiles({ outputPath: outDir })
  if (written.errors.length) throw new Error(written.errors.join('; '))
  await pagefind.close()
  fs.writeFileSync(resultFile, JSON.stringify({ pages, ms: Date.now() - started, ids: pageIds(outDir) }))
  process.exit(0)
} catch (error) {
  // The build quotes the line after this prefix as the reason (Pagefind prints its own lines too).
  process.stderr.write(`${FAILURE_PREFIX}${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
}
