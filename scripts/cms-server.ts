/**
 * The CMS server: the built Next.js admin + Payload API, behind a thin Node HTTP server of our own instead
 * of `next start`. It exists for one reason `next start` cannot serve: the client address. Next keeps a
 * client-sent X-Forwarded-For and only fills it in when absent, so any client could pick the address the
 * rate limits count. Here the socket address counts, unless the peer is a reverse proxy listed in
 * TRUSTED_PROXIES (then the right-most untrusted X-Forwarded-For entry does); the result is written into
 * `x-forwarded-for` as the only entry, and forwarded host/proto headers from untrusted peers are dropped.
 *
 * Run with the project's Node 22 (type stripping, no tsx: Next loads its own compiled chunks):
 *   node scripts/cms-server.ts --host 127.0.0.1 --port 3000
 * scripts/lib/cms-server.ts starts it for `npm start` and the tests.
 */
import http from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

import next from 'next'

import { isTrustedPeer, parseTrustedProxies, resolveClientAddress } from './lib/client-address.ts'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const { values } = parseArgs({ options: { host: { type: 'string' }, port: { type: 'string' } } })
const host = values.host ?? '127.0.0.1'
const port = Number(values.port ?? process.env.CMS_PORT ?? 3000)

let trusted: Set<string>
try {
  trusted = parseTrustedProxies(process.env.TRUSTED_PROXIES)
} catch (error) {
  console.error(`cms: ${(error as Error).message}`)
  process.exit(1)
}

/** Headers only a trusted proxy may set: from anyone else they are dropped before Next sees them. */
const PROXY_HEADERS = ['x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'forwarded', 'x-real-ip']

// Tells the config it runs in the server (cms/messages/orphans.ts: start-up clean-up).
process.env.MINHU_CMS_SERVER = '1'
const app = next({ dev: false, dir: path.join(ROOT, 'cms'), hostname: host, port })
await app.prepare()
const handle = app.getRequestHandler()

const server = http.createServer((req, res) => {
  // Next answers 500 for a path it cannot decode (`/api/media/file/..%c0%afcms.db`): it is the client's error.
  try {
    decodeURIComponent(new URL(req.url ?? '/', 'http://cms').pathname)
  } catch {
    res.writeHead(400, { 'content-type': 'application/json' })
    return res.end(JSON.stringify({ errors: [{ message: 'Malformed percent-encoding in the URL path' }] }))
  }
  const peer = req.socket.remoteAddress
  const fromProxy = isTrustedPeer(peer, trusted)
  req.headers['x-forwarded-for'] = resolveClientAddress(
    peer,
    [req.headers['x-forwarded-for']].flat().join(','),
    trusted,
  )
  if (!fromProxy) for (const name of PROXY_HEADERS) delete req.headers[name]
  handle(req, res).catch((error: unknown) => {
    console.error(`cms: ${req.method} ${req.url} failed: ${(error as Error)?.message ?? error}`)
    if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
    res.end('Internal Server Error')
  })
})
server.listen(port, host, () => {
  console.log(
    `cms: listening on http://${host}:${port} (pid ${process.pid}${trusted.size ? `, trusting proxies ${[...trusted].join(', ')}` : ''})`,
  )
})
const stop = () => server.close(() => process.exit(0))
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
