import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'

import sirv from 'sirv'

export interface SiteServer {
  url: string
  close: () => Promise<void>
}

/**
 * Serves a built site folder on 127.0.0.1 (sirv: correct types, ETags, directory index.html), with the
 * site's own 404 page for unknown paths. `root` is read per request, so a rebuild can swap it.
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
