/**
 * What the pages are rendered with besides their data: a digest of every file a page can import, plus
 * the config and the installed packages. A change makes the next build a full one. Pages, components,
 * layouts and browser scripts may import only site/ and vocabulary/ (lint's import rules, and
 * tests/unit/code-digest.test.ts checks every import of site/ lands inside these folders), so whole
 * folders are hashed instead of a list someone must keep.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

export const CODE_FOLDERS = ['site', 'public', 'vocabulary'] as const
export const CODE_FILES = ['astro.config.mjs', 'package-lock.json'] as const

/** Also what the CMS's documents are read and mapped with (the loader's read cache, ../loaders/read-cache.ts). */
export const READ_CODE_FOLDERS = [...CODE_FOLDERS, 'cms'] as const

export function codeDigest(root: string, folders: readonly string[] = CODE_FOLDERS): string {
  const files: string[] = [...CODE_FILES]
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
      // Not code: build output (cms/.next) and editors' leftovers.
      if (entry.name.startsWith('.')) continue
      const rel = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(rel)
      else files.push(rel)
    }
  }
  for (const folder of folders) if (fs.existsSync(path.join(root, folder))) walk(folder)
  const hash = createHash('sha1')
  for (const file of files.sort()) {
    hash.update(file)
    if (fs.existsSync(path.join(root, file))) hash.update(fs.readFileSync(path.join(root, file)))
  }
  return hash.digest('base64url').slice(0, 16)
}
