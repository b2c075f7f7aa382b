import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'

import compression from 'compression'
import sirv from 'sirv'

import { IMMUTABLE, cmsUrl, isHashedIndexFile, prefsCookies, prefsFile, safeBack } from '../../site/index.ts'
import { parseRedirectsMap } from '../../vocabulary/redirects.ts'

export interface SiteServer {
  url: string
  close: () => Promise<void>
}

/**
 * The extensions the media library stores (cms/uploads/media-file.ts), which sirv types by extension
 * (image/jpeg … video/webm): nothing else is served from /media/.
 */
export const MEDIA_EXTENSIONS = new Set(['.jpg', '.png', '.webp', '.avif', '.gif', '.mp4', '.webm', '.pdf'])

/**
 * The headers of every response. Pages load scripts from the site only: there is no inline script or
 * event handler (the browser test checks), Pagefind compiles its WebAssembly ('wasm-unsafe-eval'), the
 * message form and tracking page post and fetch to the CMS, lecture videos may come from an https link.
 * Styles allow inline `<style>`: Astro inlines small stylesheets, and CSS cannot run script.
 */
export function siteHeaders(cmsUrl: string): Record<string, string> {
  const cms = new URL(cmsUrl).origin
  return {
    'content-security-policy': [
      "default-src 'self'",
      "script-src 'self' 'wasm-unsafe-eval'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self'",
      "media-src 'self' https:",
      `connect-src 'self' ${cms}`,
      `form-action 'self' ${cms}`,
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "object-src 'none'",
    ].join('; '),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'strict-origin-when-cross-origin',
  }
}

/** The page the admin's Live Preview pane shows (issue 15), as sirv finds it: /preview/ or its file. */
export const PREVIEW_PATHS = ['/preview/', '/preview/index.html']

/**
 * The headers of the live preview page: framed by the CMS's admin only (instead of by nobody, and so
 * without `x-frame-options`, which cannot name an origin), pictures and videos from the CMS's
 * `/api/media/file/…` (drafts show media not yet on the site), never cached or indexed (it shows a
 * logged-in editor's drafts). Everything else is the site's.
 */
export function previewHeaders(cmsUrl: string): Record<string, string> {
  const cms = new URL(cmsUrl).origin
  const { 'x-frame-options': _, ...headers } = siteHeaders(cmsUrl)
  const csp = headers['content-security-policy']
    .replace("img-src 'self'", `img-src 'self' ${cms}`)
    .replace("media-src 'self' https:", `media-src 'self' https: ${cms}`)
    .replace("frame-ancestors 'none'", `frame-ancestors ${cms}`)
  return {
    ...headers,
    'content-security-policy': csp,
    'cache-control': 'no-store',
    'x-robots-tag': 'noindex',
  }
}

/** A path with a segment that starts with a dot (`/.git/…`, `/a/.env`): the site has none. */
const DOT_SEGMENT = /(^|\/)\./

/** How long browsers keep a site media file (nginx's figure, docs/deploy.md). */
const MEDIA_CACHE = 'public, max-age=86400'

/**
 * Uploaded files: whatever bytes an editor uploaded must never run as a page of the site, even when
 * opened directly. `sandbox` gives the response an opaque origin without scripts. Opened on its own, a
 * file is shown by the browser's media document, which loads it again (for a video, as a CORS request
 * from that opaque origin: hence media-src and the open CORS header on files that are public anyway)
 * and styles itself inline. Pictures and videos embedded by pages follow the page's policy.
 */
export const MEDIA_HEADERS = {
  'content-security-policy':
    "default-src 'none'; media-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox",
  'access-control-allow-origin': '*',
}

/**
 * Serves a built site folder on 127.0.0.1 (sirv: correct types, ETags, directory index.html), with the
 * site's own 404 page for unknown paths. `root` is read per request, so a rebuild can swap it. Text
 * (HTML, CSS, JS, JSON, XML, SVG) is compressed on the way out by expressjs's `compression` middleware, as
 * any production web server would; Pagefind's index files are compressed already and typed as binary, so
 * they pass as they are. `cmsUrl` is the CMS the pages post to (PUBLIC_CMS_URL of the build).
 */
export function serveSite(options: {
  root: () => string
  port: number
  host?: string
  cmsUrl?: string
}): Promise<SiteServer> {
  const host = options.host ?? '127.0.0.1'
  const headers = Object.entries(siteHeaders(options.cmsUrl ?? cmsUrl()))
  const preview = Object.entries(previewHeaders(options.cmsUrl ?? cmsUrl()))
  const handlers = new Map<string, ReturnType<typeof sirv>>()
  const handlerFor = (root: string) => {
    let handler = handlers.get(root)
    if (!handler) {
      // `dev`: each request looks its file up (a few stat calls) instead of sirv listing the whole
      // build first, synchronously, answering nobody meanwhile (~40,000 files and 2.5–3 s at 10k,
      // right after every publish). Its `no-cache` (revalidate by ETag) is what nginx sends for pages;
      // a cache-control set before it (immutable files below) wins.
      handler = sirv(root, { dev: true, etag: true, extensions: ['html'] })
      handlers.clear()
      handlers.set(root, handler)
    }
    return handler
  }
  const compress = compression()
  const server = http.createServer((req, res) => compress(req, res, () => serve(req, res)))
  const serve = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const pathname = decodePath(req.url ?? '/')
    for (const [name, value] of PREVIEW_PATHS.includes(pathname) ? preview : headers)
      res.setHeader(name, value)
    const root = options.root()
    const notFound = () => {
      const notFound = path.join(root, '404.html')
      res.statusCode = 404
      res.setHeader('cache-control', 'no-cache')
      res.setHeader('content-type', 'text/html; charset=utf-8')
      if (fs.existsSync(notFound)) fs.createReadStream(notFound).pipe(res)
      else res.end('<!doctype html><html lang="zh-CN"><title>页面不存在</title><p>页面不存在</p></html>')
    }
    // 长者模式 and text size (site/lib/prefs.ts): set by a link, honoured by two stylesheets.
    if (pathname === '/prefs/' || pathname === '/prefs') {
      const query = new URLSearchParams((req.url ?? '').split('?')[1] ?? '')
      res.statusCode = 303
      res.setHeader('set-cookie', prefsCookies(query))
      res.setHeader('cache-control', 'no-store')
      res.setHeader('location', safeBack(query.get('back')))
      return res.end()
    }
    if (pathname === '/prefs/care.css' || pathname === '/prefs/size.css') {
      req.url = prefsFile(pathname === '/prefs/care.css' ? 'care' : 'size', req.headers.cookie)
      res.setHeader('cache-control', 'no-store')
      res.setHeader('vary', 'Cookie')
    }
    // Old addresses (the build's redirects.map, as nginx answers them): a 301 to where the page is now.
    const moved = redirectFor(root, req.url ?? '/')
    if (moved) {
      res.statusCode = 301
      res.setHeader('location', moved)
      res.setHeader('cache-control', 'no-cache')
      return res.end()
    }
    if (pathname.startsWith('/media/')) {
      // Only the stored types, by their (now trusted) extension: no `clip` → `clip.html` lookup, and a
      // file uploaded before the content check as `clip.htm` is not served at all.
      if (!MEDIA_EXTENSIONS.has(path.extname(pathname))) return notFound()
      for (const [name, value] of Object.entries(MEDIA_HEADERS)) res.setHeader(name, value)
    }
    // Dot files and folders are not the site's (sirv's `dev` lookup does not skip them).
    if (DOT_SEGMENT.test(pathname)) return notFound()
    // Content-hashed files (a new build or index has new names): kept for a year, as nginx does.
    if (pathname.startsWith('/_astro/') || isHashedIndexFile(pathname))
      res.setHeader('cache-control', IMMUTABLE)
    else if (pathname.startsWith('/media/')) res.setHeader('cache-control', MEDIA_CACHE)
    handlerFor(root)(req, res, notFound)
  }
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, host, () => {
      const { port } = server.address() as { port: number }
      resolve({
        url: `http://${host}:${port}`,
        // Stops accepting, drops idle keep-alive connections at once and any still open after 2 s (a
        // browser that never closed its tab must not hold a shutdown up).
        close: () =>
          new Promise((r) => {
            server.close(() => r())
            server.closeIdleConnections()
            setTimeout(() => server.closeAllConnections(), 2000).unref()
          }),
      })
    })
  })
}

/** The redirects map of the served build, read again when the build (or the file) changes. */
let redirectsCache: { file: string; mtimeMs: number; map: Map<string, string> } | undefined

/** Where a request for an old address goes (with its query), or undefined; `/a` matches `/a/` too. */
export function redirectFor(root: string, url: string): string | undefined {
  const file = path.join(root, 'redirects.map')
  let mtimeMs: number
  try {
    mtimeMs = fs.statSync(file).mtimeMs
  } catch {
    return undefined
  }
  if (redirectsCache?.file !== file || redirectsCache.mtimeMs !== mtimeMs)
    redirectsCache = { file, mtimeMs, map: parseRedirectsMap(fs.readFileSync(file, 'utf8')) }
  const [pathname, query] = url.split(/\?(.*)/s, 2)
  const { map } = redirectsCache
  const to = map.get(pathname) ?? (pathname.endsWith('/') ? undefined : map.get(`${pathname}/`))
  if (!to) return undefined
  return query && !to.includes('?') ? `${to}?${query}` : to
}

/** The path as sirv sees it (decoded, without the query), so the /media/ rule cannot be sidestepped. */
function decodePath(url: string): string {
  const pathname = url.split(/[?#]/, 1)[0]
  try {
    return decodeURI(pathname)
  } catch {
    return pathname
  }
}
