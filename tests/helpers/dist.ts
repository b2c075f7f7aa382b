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

/** The local targets of href, src and srcset attributes in an HTML page. */
export function localLinks(html: string): string[] {
  const urls: string[] = []
  for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) urls.push(m[1])
  // Attribute names are case-insensitive: React writes `srcSet`.
  for (const m of html.matchAll(/\ssrcset="([^"]*)"/gi)) {
    for (const part of m[1].split(',')) urls.push(part.trim().split(/\s+/)[0])
  }
  return urls
    .map((u) => u.replace(/&amp;/g, '&'))
    .filter((u) => u && !/^(https?:|mailto:|tel:|data:|#|\/\/)/.test(u))
}

/** Whether a site-relative URL path has a file in `dir` (as a static server would resolve it). */
export function resolves(dir: string, url: string): boolean {
  const clean = decodeURIComponent(url.split(/[?#]/)[0])
  const target = path.join(dir, clean)
  if (clean.endsWith('/')) return fs.existsSync(path.join(target, 'index.html'))
  return fs.existsSync(target) && fs.statSync(target).isFile()
}
