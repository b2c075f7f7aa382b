import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { AstroIntegration } from 'astro'

/**
 * Builds the Pagefind index over the finished pages (only what is inside `data-pagefind-body`, i.e. the
 * main content, never headers, footers or navigation).
 */
export function searchIndex(): AstroIntegration {
  return {
    name: 'minhu-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = Date.now()
        const pagefind = await import('pagefind')
        const { index, errors } = await pagefind.createIndex({})
        if (!index) throw new Error(`search: pagefind could not start: ${errors.join('; ')}`)
        const root = fileURLToPath(dir)
        const added = await index.addDirectory({ path: root })
        if (added.errors.length) throw new Error(`search: ${added.errors.join('; ')}`)
        const written = await index.writeFiles({ outputPath: path.join(root, 'pagefind') })
        if (written.errors.length) throw new Error(`search: ${written.errors.join('; ')}`)
        await pagefind.close()
        logger.info(`indexed ${added.page_count} pages for search in ${Date.now() - started} ms`)
      },
    },
  }
}
