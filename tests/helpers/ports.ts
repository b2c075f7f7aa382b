import net from 'node:net'

/**
 * A free TCP port on 127.0.0.1 for a test's server. Each vitest worker draws from its own range, below
 * the kernel's ephemeral ports (32768–60999): with the OS choosing (`listen(0)`), a port one spec had
 * just released was handed to a spec in the other worker, and a page then came from the wrong server.
 * The port is checked by listening on it; one process never gets the same port twice.
 */
const given = new Set<number>()
const pool = Number(process.env.VITEST_POOL_ID ?? 0)
const RANGE = 4000
const base = 20000 + (pool % 3) * RANGE

const tryListen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = net.createServer()
    server.unref()
    server.once('error', () => resolve(false))
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)))
  })

export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = base + Math.floor(Math.random() * RANGE)
    if (given.has(port)) continue
    if (await tryListen(port)) {
      given.add(port)
      return port
    }
  }
  throw new Error(`freePort: no free port in ${base}–${base + RANGE - 1} after 200 tries`)
}
