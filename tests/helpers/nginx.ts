/**
 * Debian's nginx for a test: the site's generated configuration (scripts/lib/nginx-config.ts) inside
 * the minimal wrapper a distribution's nginx.conf provides, in a scratch prefix, in the foreground.
 * Resolves once nginx answers on `origin`; `stop()` ends it and removes the prefix.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'

import { scratchDir } from '../../cms/index.ts'

const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx'

export interface TestNginx {
  /** http://127.0.0.1:<port> */
  origin: string
  /** What nginx wrote on stderr so far. */
  log(): string
  stop(): void
}

/** Starts nginx with `include` (the output of nginxConfig, listening on `port` of 127.0.0.1). */
export async function startNginx(
  include: string,
  { port, workerConnections = 64 }: { port: number; workerConnections?: number },
): Promise<TestNginx> {
  if (!fs.existsSync(NGINX))
    throw new Error(`nginx is not installed at ${NGINX} (npm test installs it with apt-get)`)
  const prefix = scratchDir('minhu-nginx-')
  fs.writeFileSync(path.join(prefix, 'minhu.conf'), include)
  // `user root` because the test folders are private to the user running the tests.
  fs.writeFileSync(
    path.join(prefix, 'nginx.conf'),
    [
      ...(process.getuid?.() === 0 ? ['user root;'] : []),
      'worker_processes 1;',
      `pid ${path.join(prefix, 'nginx.pid')};`,
      'error_log stderr warn;',
      `events { worker_connections ${workerConnections}; }`,
      'http {',
      '  include /etc/nginx/mime.types;',
      '  default_type application/octet-stream;',
      '  access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
        (t) => `  ${t}_temp_path ${path.join(prefix, t)};`,
      ),
      `  include ${path.join(prefix, 'minhu.conf')};`,
      '}',
    ].join('\n'),
  )
  const nginx = spawn(NGINX, ['-c', path.join(prefix, 'nginx.conf'), '-p', prefix, '-g', 'daemon off;'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let log = ''
  nginx.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()))
  const stop = () => {
    nginx.kill()
    fs.rmSync(prefix, { recursive: true, force: true })
  }
  const origin = `http://127.0.0.1:${port}`
  const answers = () =>
    new Promise<boolean>((resolve) => {
      http.get(`${origin}/`, (res) => (res.resume(), resolve(true))).on('error', () => resolve(false))
    })
  for (let i = 0; !(await answers()); i++) {
    if (i > 100 || nginx.exitCode !== null) {
      stop()
      throw new Error(`nginx did not start: ${log}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  return { origin, log: () => log, stop }
}
