import fs from 'node:fs'
import path from 'node:path'

/**
 * The internal link check of a built site (`npm run check:links`, the site tests): every href, src and
 * srcset of every HTML page in dist/ that points into the site must name a file there, as a static server
 * would resolve it (a forwarding page of a redirect counts: it is a file).
 */

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
  let clean: string
  try {
    clean = decodeURIComponent(url.split(/[?#]/)[0])
  } catch {
    return false
  }
  const target = path.join(dir, clean)
  if (clean.endsWith('/')) return fs.existsSync(path.join(target, 'index.html'))
  return fs.existsSync(target) && fs.statSync(target).isFile()
}

/**
 * Answered by the servers, not by files: 长者模式 and the text size (`/prefs/?…`, and the two stylesheets
 * the cookie picks); the CMS's routes when nginx proxies them.
 */
const SERVED = /^\/(prefs\/(\?|care\.css$|size\.css$)|api\/|admin(\/|$))/

export interface BrokenLink {
  page: string
  url: string
}

/** Every HTML page under `dir` (relative paths, sorted). */
function htmlPages(dir: string): string[] {
  const out: string[] = []
  const walk = (sub: string) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name
      if (entry.isDirectory()) walk(rel)
      else if (rel.endsWith('.html')) out.push(rel)
    }
  }
  walk('')
  return out.sort()
}

/** The broken internal links of the built site in `dir`: relative links resolve against their page. */
export function checkLinks(dir: string): { pages: number; links: number; broken: BrokenLink[] } {
  const broken: BrokenLink[] = []
  const pages = htmlPages(dir)
  let links = 0
  for (const page of pages) {
    const base = `/${page.replace(/(^|\/)index\.html$/, '$1').replace(/[^/]*$/, '')}`
    for (const link of localLinks(fs.readFileSync(path.join(dir, page), 'utf8'))) {
      links++
      const url = link.startsWith('/') ? link : new URL(link, `http://site${base}`).pathname
      if (SERVED.test(link)) continue
      if (!resolves(dir, url)) broken.push({ page, url: link })
    }
  }
  return { pages: pages.length, links, broken }
}
