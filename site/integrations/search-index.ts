import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { AstroIntegration } from 'astro'

import { searchRecordsPath } from '../loaders/cms.ts'
import type { SearchRecord } from '../lib/search-records.ts'
import { toIndexText } from '../lib/segment.ts'

/**
 * Builds the Pagefind index from the search records the CMS loader wrote (main text only). Chinese is
 * segmented here with Intl.Segmenter and indexed as space-separated words (`forceLanguage: 'en'`), and
 * the search box splits queries with the same segmenter, so index and query agree (Pagefind's own
 * Chinese mode splits the two differently). Pages keep `lang="zh-CN"`.
 */
export function searchIndex(): AstroIntegration {
  return {
    name: 'minhu-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = Date.now()
        const file = searchRecordsPath()
        const records = JSON.parse(fs.readFileSync(file, 'utf8')) as SearchRecord[]
        // Tests and the benchmark compute the expected search results from the same records.
        if (process.env.SEARCH_RECORDS_OUT) fs.copyFileSync(file, process.env.SEARCH_RECORDS_OUT)
        fs.rmSync(file, { force: true })
        const pagefind = await import('pagefind')
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' })
        if (!index) throw new Error(`search: pagefind could not start: ${errors.join('; ')}`)
        for (const record of records) {
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
          if (added.errors.length) throw new Error(`search: ${record.url}: ${added.errors.join('; ')}`)
        }
        const root = fileURLToPath(dir)
        const written = await index.writeFiles({ outputPath: path.join(root, 'pagefind') })
        if (written.errors.length) throw new Error(`search: ${written.errors.join('; ')}`)
        await pagefind.close()
        logger.info(`indexed ${records.length} pages for search in ${Date.now() - started} ms`)
      },
    },
  }
}
