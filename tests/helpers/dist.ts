import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

/** Every file under `dir`, as paths relative to it (forward slashes). */
export function listFiles(dir: string): string[] {
  const out: string[] = []
  const walk = (sub: string) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name
      if (entry.isDirectory()) walk(rel)
      else out.push(rel)
    }
  }
  walk('')
  return out.sort()
}

/**
 * A file's bytes as text, with Pagefind's gzipped index files unpacked, so a scan sees what a browser
 * could decode. Binary files (images, video) come back as latin1 text, good enough for substring checks.
 */
export function readForScan(file: string): string {
  const data = fs.readFileSync(file)
  if (data[0] === 0x1f && data[1] === 0x8b) return zlib.gunzipSync(data).toString('utf8')
  return data.toString('utf8')
}

// The link check is the site's own (npm run check:links); the tests use the same two functions.
export { localLinks, resolves } from '../../scripts/lib/link-check.ts'
