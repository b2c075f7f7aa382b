// @ts-check
import { fileURLToPath } from 'node:url'

import react from '@astrojs/react'
import sitemap from '@astrojs/sitemap'
import { defineConfig } from 'astro/config'

import { astroCacheDir } from './site/build/cache-dir.ts'
import { siteOutDir } from './site/build/folders.ts'
import { siteBuild } from './site/build/index.ts'

const site = process.env.SITE_URL ?? 'http://127.0.0.1:4321'
// Media copy, search index, incremental plan and manifest, previews: site/build/index.ts.
const build = siteBuild({ site })

export default defineConfig({
  srcDir: './site',
  publicDir: './public',
  outDir: siteOutDir(fileURLToPath(new URL('.', import.meta.url))),
  // Astro's cache: one per data folder (site/build/cache-dir.ts).
  cacheDir: astroCacheDir(fileURLToPath(new URL('.', import.meta.url))),
  // The public address, used for the sitemap, RSS and Open Graph links.
  site,
  trailingSlash: 'always',
  build: { format: 'directory' },
  compressHTML: true,
  // Never inline a script into the page (Astro inlines small ones below this limit): the site's CSP
  // allows scripts from the site's own files only (script-src 'self').
  vite: { build: { assetsInlineLimit: 0 } },
  devToolbar: { enabled: false },
  // Pages an incremental build linked instead of rendering are listed by the sitemap too.
  // The sitemap is written first, so the build's last step (precompressed copies) includes it.
  // React renders the article bodies at build time (no JavaScript on those pages); only the live
  // preview page hydrates them (site/pages/preview/).
  integrations: [
    react(),
    sitemap({
      // Posters are for printing (and say what the profile page says): not for search engines.
      filter: (page) =>
        !page.includes('/search/') && !page.includes('/preview/') && !page.includes('/poster/'),
      customPages: build.linkedPages,
    }),
    build,
  ],
})
