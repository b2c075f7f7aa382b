import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { AstroIntegration } from 'astro'

import { previewTarget } from '../lib/build-plan.ts'
import { mediaManifestPath } from '../loaders/cms.ts'

/**
 * Copies the media files that published pages use (listed by the CMS loader) into dist/media, so the
 * site never depends on the CMS being up. Files of drafts are not listed, so they are not copied.
 */
export function mediaFiles(): AstroIntegration {
  return {
    name: 'minhu-media',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        // A draft preview shows its pictures from the CMS, which serves media files itself.
        if (previewTarget()) return
        const manifest = mediaManifestPath()
        // The loader names the CMS's media folder: this hook runs outside Vite and cannot load the CMS.
        const { from: mediaDir, files } = JSON.parse(fs.readFileSync(manifest, 'utf8')) as {
          from: string
          files: string[]
        }
        const out = path.join(fileURLToPath(dir), 'media')
        fs.mkdirSync(out, { recursive: true })
        let bytes = 0
        const missing: string[] = []
        for (const file of files) {
          const from = path.join(mediaDir, path.basename(file))
          if (!fs.existsSync(from)) {
            missing.push(file)
            continue
          }
          fs.copyFileSync(from, path.join(out, path.basename(file)))
          bytes += fs.statSync(from).size
        }
        fs.rmSync(manifest, { force: true })
        logger.info(
          `copied ${files.length - missing.length} media files (${(bytes / 1048576).toFixed(1)} MB) into dist/media`,
        )
        if (missing.length)
          throw new Error(
            `media: ${missing.length} files missing from ${mediaDir}: ${missing.slice(0, 5).join(', ')}`,
          )
      },
    },
  }
}
