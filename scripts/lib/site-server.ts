import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import zlib from 'node:zlib'

import sirv from 'sirv'

import { cmsUrl } from '../../site/index.ts'

export interface SiteServer {
  url: string
  close: () => Promise<void>
}

/**
 * The extensions the media library stores (cms/uploads/media-file.ts), which sirv types by extension
 * (image/jpeg … video/webm): nothing else is served from /media/.
 */
const MEDIA_EXTENSIONS = new Set(['.jpg', '.png', '.webp', '.avif', '.gif', '.mp4', '.webm'])

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

/**
 * Uploaded files: whatever bytes an editor uploaded must never run as a page of the site, even when
 * opened directly. `sandbox` gives the response an opaque origin without scripts. Opened on its own, a
 * file is shown by the browser's media document, which loads it again (for a video, as a CORS request
 * from that opaque origin: hence media-src and the open CORS header on files that are public anyway)
 * and styles itself inline. Pictures and videos embedded by pages follow the page's policy.
 */
const MEDIA_HEADERS = {
  'content-security-policy':
    "default-src 'none'; media-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'none'; sandbox",
  'access-control-allow-origin': '*',
}

/**
 * Serves a built site folder on 127.0.0.1 (sirv: correct types, ETags, directory index.html), with the
 * site's own 404 page for unknown paths. `root` is read per request, so a rebuild can swap it. Text
 * (HTML, CSS, JS, JSON, XML) is gzipped on the way out, as any production web server would; Pagefind's
 * index files are compressed already. `cmsUrl` is the CMS the pages post to (PUBLIC_CMS_URL of the build).
 */
export function serveSite(options: {
  root: () => string
  port: number
  host?: string
  cmsUrl?: string
}): Promise<SiteServer> {
  const host = options.host ?? '127.0.0.1'
  const headers = Object.entries(siteHeaders(options.cmsUrl ?? cmsUrl()))
  const handlers = new Map<string, ReturnType<typeof sirv>>()
  const handlerFor = (root: string) => {
    let handler = handlers.get(root)
    if (!handler) {
      handler = sirv(root, { dev: false, etag: true, extensions: ['html'], dotfiles: false })
      handlers.clear()
      handlers.set(root, handler)
    }
    return handler
  }
  const server = http.createServer((req, res) => {
    for (const [name, value] of headers) res.setHeader(name, value)
    const root = options.root()
    const notFound = () => {
      const notFound = path.join(root, '404.html')
      res.statusCode = 404
      res.setHeader('content-type', 'text/html; charset=utf-8')
      if (fs.existsSync(notFound)) fs.createReadStream(notFound).pipe(res)
      else res.end('<!doctype html><html lang="zh-CN"><title>页面不存在</title><p>页面不存在</p></html>')
    }
    if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) gzipText(res)
    const pathname = decodePath(req.url ?? '/')
    if (pathname.startsWith('/media/')) {
      // Only the stored types, by their (now trusted) extension: no `clip` → `clip.html` lookup, and a
      // file uploaded before the content check as `clip.htm` is not served at all.
      if (!MEDIA_EXTENSIONS.has(path.extname(pathname))) return notFound()
      for (const [name, value] of Object.entries(MEDIA_HEADERS)) res.setHeader(name, value)
    }
    handlerFor(root)(req, res, notFound)
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, host, () => {
      const { port } = server.address() as { port: number }
      resolve({
        url: `http://${host}:${port}`,
        close: () => new Promise((r) => server.close(() => r())),
      })
    })
  })
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

const COMPRESSIBLE = /^(text\/|application\/(javascript|json|xml|rss\+xml)|image\/svg)/

/** Pipes the body through gzip when the response turns out to be text. */
function gzipText(res: http.ServerResponse): void {
  const writeHead = res.writeHead.bind(res)
  let gzip: zlib.Gzip | undefined
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    const headers = (typeof rest[0] === 'object' ? rest[0] : rest[1]) as Record<string, string> | undefined
    if (headers) for (const [k, v] of Object.entries(headers)) res.setHeader(k, v)
    const type = String(res.getHeader('content-type') ?? '')
    if (status === 200 && COMPRESSIBLE.test(type) && !res.getHeader('content-encoding')) {
      res.removeHeader('content-length')
      res.setHeader('content-encoding', 'gzip')
      res.setHeader('vary', 'Accept-Encoding')
      gzip = zlib.createGzip({ level: 6 })
      const write = res.write.bind(res)
      const end = res.end.bind(res)
      gzip.on('data', (chunk: Buffer) => write(chunk))
      gzip.on('end', () => end())
      // Streams piped into the response wait for 'drain' when a write returns false: pass gzip's on.
      gzip.on('drain', () => res.emit('drain'))
      res.write = ((chunk: unknown, ...args: unknown[]) =>
        gzip!.write(chunk as Buffer, ...(args as []))) as typeof res.write
      res.end = ((chunk?: unknown) => {
        if (chunk && typeof chunk !== 'function') gzip!.end(chunk as Buffer)
        else gzip!.end()
        return res
      }) as typeof res.end
    }
    return writeHead(status)
  }) as typeof res.writeHead
}
