import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { ROOT } from '../../cms/tools.ts'
import { stopChild } from './supervisor.ts'

export interface CmsServer {
  url: string
  process: ChildProcess
  stop: () => Promise<void>
}

/**
 * Starts the built admin + REST API (scripts/cms-server.ts: Next behind our own HTTP server, which decides
 * the client address) on 127.0.0.1:`port` and resolves once /api/users/me answers. `env` is added to the
 * current environment (DATABASE_URI, DATA_DIR…).
 */
export async function startCmsServer(options: {
  port: number
  env?: Record<string, string | undefined>
  onOutput?: (line: string) => void
  timeoutMs?: number
}): Promise<CmsServer> {
  const url = `http://127.0.0.1:${options.port}`
  const bin = path.join(ROOT, 'node_modules', '.bin')
  const child = spawn(
    path.join(bin, 'node'),
    [path.join(ROOT, 'scripts', 'cms-server.ts'), '--host', '127.0.0.1', '--port', String(options.port)],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        // The admin's own origin (Payload accepts the login cookie only from it): this port.
        CMS_PORT: String(options.port),
        ...options.env,
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        PATH: `${bin}:${process.env.PATH}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: false,
    },
  )
  let output = ''
  const collect = (chunk: Buffer) => {
    output += chunk.toString()
    for (const line of chunk.toString().split('\n')) if (line.trim()) options.onOutput?.(line)
  }
  child.stdout!.on('data', collect)
  child.stderr!.on('data', collect)

  const stop = () => stopChild(child, 5000)

  const deadline = Date.now() + (options.timeoutMs ?? 60_000)
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`cms: the server exited with ${child.exitCode}:\n${output.slice(-3000)}`)
    try {
      const res = await fetch(`${url}/api/users/me`)
      if (res.status < 500) return { url, process: child, stop }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  await stop()
  throw new Error(
    `cms: no answer on ${url} within ${options.timeoutMs ?? 60_000} ms:\n${output.slice(-3000)}`,
  )
}
