/**
 * Builds the Pagefind index in its own process, started by the CMS loader as soon as the search
 * records exist, so indexing runs while Astro renders the pages (two cores, two stages at once).
 * Usage: node index-worker.ts <records.json> <out folder>. Writes <out>/../<name>.done (JSON) or .error.
 */
import fs from 'node:fs'

import type { SearchRecord } from '/work/main/site/lib/search-records.ts'
import { toIndexText } from '/work/main/site/lib/segment.ts'

const [recordsFile, outDir] = process.argv.slice(2)
const started = Date.now()
try {
  const records = JSON.parse(fs.readFileSync(recordsFile, 'utf8')) as SearchRecord[]
  fs.rmSync(recordsFile, { force: true })
  const pagefind = await import('pagefind')
  console.error('start', Date.now() - started)
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' })
  if (!index) throw new Error(`pagefind could not start: ${errors.join('; ')}`)
  const BATCH = Number(process.env.B ?? 1)
  for (let i = 0; i < records.length; i += BATCH)
    await Promise.all(
      records.slice(i, i + BATCH).map(async (record) => {
        const meta: Record<string, string> = { title: record.title, 类型: record.type }
        if (record.date) meta.日期 = record.date
        if (record.image) meta.image = record.image
        const added = await index.addCustomRecord({
          url: record.url,
          content: toIndexText(record.text),
          language: 'en',
          meta,
          filters: { 类型: [record.type] },
          sort: record.date ? { date: record.date } : undefined,
        })
        if (added.errors.length) throw new Error(`${record.url}: ${added.errors.join('; ')}`)
      }),
    )
  console.error('added', Date.now() - started)
  const written = await index.writeFiles({ outputPath: outDir })
  if (written.errors.length) throw new Error(written.errors.join('; '))
  await pagefind.close()
  fs.writeFileSync(`${outDir}.done`, JSON.stringify({ pages: records.length, ms: Date.now() - started }))
} catch (error) {
  fs.writeFileSync(`${outDir}.error`, error instanceof Error ? error.message : String(error))
}
process.exit(0)
