import fs from 'node:fs'
import path from 'node:path'

/**
 * Copies the media files that published pages use (listed by the CMS read) into `<out>/media`, so the
 * site never depends on the CMS being up. Files of drafts are not listed, so they are not copied.
 * Returns what was copied; a listed file missing from the CMS's media folder fails the build.
 */
export function copyMedia(files: string[], from: string, out: string): { files: number; bytes: number } {
  const target = path.join(out, 'media')
  fs.mkdirSync(target, { recursive: true })
  let bytes = 0
  const missing: string[] = []
  for (const file of files) {
    const source = path.join(from, path.basename(file))
    if (!fs.existsSync(source)) {
      missing.push(file)
      continue
    }
    fs.copyFileSync(source, path.join(target, path.basename(file)))
    bytes += fs.statSync(source).size
  }
  if (missing.length)
    throw new Error(`media: ${missing.length} files missing from ${from}: ${missing.slice(0, 5).join(', ')}`)
  return { files: files.length, bytes }
}
