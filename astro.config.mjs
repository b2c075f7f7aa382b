// @ts-check
import sitemap from '@astrojs/sitemap'
import { defineConfig } from 'astro/config'

import { mediaFiles } from './site/integrations/media.ts'
import { searchIndex } from './site/integrations/search-index.ts'

export default defineConfig({
  srcDir: './site',
  publicDir: './public',
  outDir: process.env.SITE_OUT_DIR ?? './dist',
  // The public address, used for the sitemap, RSS and Open Graph links.
  site: process.env.SITE_URL ?? 'http://127.0.0.1:4321',
  trailingSlash: 'always',
  build: { format: 'directory' },
  compressHTML: true,
  devToolbar: { enabled: false },
  integrations: [sitemap({ filter: (page) => !page.includes('/search/') }), mediaFiles(), searchIndex()],
})
