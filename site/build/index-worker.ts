/**
 * Builds the Pagefind index in its own process, started by the build (./search-index.ts) as soon as the
 * search records exist, so indexing runs while Astro renders the pages (two cores, two stages at once).
 * Usage: node index-worker.ts <records.json> <out folder> <result.json>. On success it writes the result
 * (pages, time, page ids) and exits 0; on failure it prints the reason on stderr and exits 1.
 */
import fs from 'node:fs'
import path from 'node:path'
import { gunzipSync } from 'node:zlib'

import type { SearchRecord } from '../lib/search-records.ts'
import { toIndexText } from '../lib/segment.ts'
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
try {
  const records = JSON.parse(fs.readFileSync(recordsFile, 'utf8')) as SearchRecord[]
  fs.rmSync(recordsFile, { force: true })
  const pagefind = await import('pagefind')
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' })
  if (!index) throw new Error(`pagefind could not start: ${errors.join('; ')}`)
  for (const record of records) {
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
  const written = await index.writeFiles({ outputPath: outDir })
  if (written.errors.length) throw new Error(written.errors.join('; '))
  await pagefind.close()
  fs.writeFileSync(
    resultFile,
    JSON.stringify({ pages: records.length, ms: Date.now() - started, ids: pageIds(outDir) }),
  )
  process.exit(0)
} catch (error) {
  // The build quotes the line after this prefix as the reason (Pagefind prints its own lines too).
  process.stderr.write(`${FAILURE_PREFIX}${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(1)
}
