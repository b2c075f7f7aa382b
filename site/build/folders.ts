import fs from 'node:fs'
import path from 'node:path'

/**
 * Where a build writes the site unless told otherwise: `SITE_OUT_DIR`, else `dist/` under `root` (the
 * repository). astro.config.mjs, the build integration and the tools around the build all ask here.
 */
export function siteOutDir(root: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(root, env.SITE_OUT_DIR || 'dist')
}

/**
 * Renames `from` to `to` (an empty `to` is replaced); copies across file systems. The twin of
 * cms/backup/files.ts `move`: the site's code may import only what its code digest covers
 * (tests/unit/code-digest.test.ts), so the CMS's helper is not reachable from here.
 */
export function moveFolder(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true })
  try {
    fs.renameSync(from, to)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error
    fs.cpSync(from, to, { recursive: true })
    fs.rmSync(from, { recursive: true, force: true })
  }
}
