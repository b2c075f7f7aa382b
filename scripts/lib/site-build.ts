import { spawn } from 'node:child_process'
import path from 'node:path'

import { ROOT } from '../../cms/paths.ts'

/**
 * Runs `astro build` (CMS read → pages → media → search index) into `outDir`, printing Astro's own
 * progress lines through `log`. Environment (DATABASE_URI, DATA_DIR) decides which CMS is read.
 */
export function buildSite(options: {
  outDir?: string
  env?: Record<string, string | undefined>
  log?: (line: string) => void
}): Promise<void> {
  const bin = path.join(ROOT, 'node_modules', '.bin')
  const log = options.log ?? (() => {})
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(bin, 'astro'), ['build'], {
      cwd: ROOT,
      env: {
        ...process.env,
        ...options.env,
        ...(options.outDir ? { SITE_OUT_DIR: options.outDir } : {}),
        ASTRO_TELEMETRY_DISABLED: '1',
        PATH: `${bin}:${process.env.PATH}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      for (const line of chunk.toString().split('\n')) {
        // Astro lists every page; pass on its tagged stage lines ([build], [content], …) only.
        const tagged = line.match(/\[[\w@/.-]+\].*$/)
        if (tagged) log(tagged[0].trimEnd())
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`site: astro build failed (exit ${code}):\n${output.slice(-4000)}`)),
    )
  })
}
