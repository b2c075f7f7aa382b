// @ts-check
import sitemap from '@astrojs/sitemap'
import { defineConfig } from 'astro/config'

import { linkUnchangedPages, writeBuildManifest } from './site/integrations/incremental.ts'
import { mediaFiles } from './site/integrations/media.ts'
import { searchIndex } from './site/integrations/search-index.ts'

const site = process.env.SITE_URL ?? 'http://127.0.0.1:4321'
/** Pages an incremental build linked instead of rendering: the sitemap lists them too. */
const linkedPages = /** @type {string[]} */ ([])

export default defineConfig({
  srcDir: './site',
  publicDir: './public',
  outDir: process.env.SITE_OUT_DIR ?? './dist',
  // Draft previews build beside the rebuild worker: their own cache keeps the two from meeting.
  ...(process.env.SITE_CACHE_DIR ? { cacheDir: process.env.SITE_CACHE_DIR } : {}),
  // The public address, used for the sitemap, RSS and Open Graph links.
  site,
  trailingSlash: 'always',
  build: { format: 'directory' },
  compressHTML: true,
  devToolbar: { enabled: false },
  // Order matters: linked pages must exist before the sitemap lists them; the manifest comes last.
  integrations: [
    linkUnchangedPages(linkedPages, site),
    sitemap({ filter: (page) => !page.includes('/search/'), customPages: linkedPages }),
    mediaFiles(),
    searchIndex(),
    writeBuildManifest(),
  ],
})
