import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import zlib from 'node:zlib'

import sirv from 'sirv'

export interface SiteServer {
  url: string
  close: () => Promise<void>
}

/**
 * Serves a built site folder on 127.0.0.1 (sirv: correct types, ETags, directory index.html), with the
 * site's own 404 page for unknown paths. `root` is read per request, so a rebuild can swap it. Text
 * (HTML, CSS, JS, JSON, XML) is gzipped on the way out, as any production web server would; Pagefind's
 * index files are compressed already.
 */
export function serveSite(options: { root: () => string; port: number; host?: string }): Promise<SiteServer> {
  const host = options.host ?? '127.0.0.1'
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
    if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) gzipText(res)
    const root = options.root()
    handlerFor(root)(req, res, () => {
      const notFound = path.join(root, '404.html')
      res.statusCode = 404
      res.setHeader('content-type', 'text/html; charset=utf-8')
      if (fs.existsSync(notFound)) fs.createReadStream(notFound).pipe(res)
      else res.end('<!doctype html><html lang="zh-CN"><title>页面不存在</title><p>页面不存在</p></html>')
    })
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
