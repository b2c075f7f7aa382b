import { spawn } from 'node:child_process'
import path from 'node:path'

import { ROOT } from '../../cms/paths.ts'

const BIN = path.join(ROOT, 'node_modules', '.bin')

/**
 * Runs a tool from node_modules/.bin (on the project's Node 22) in the repository root, passing every
 * output line to `onLine`. Rejects with `failure` and the last 4 kB of output when it exits non-zero.
 */
export function runTool(
  tool: string,
  args: string[],
  options: { env?: Record<string, string | undefined>; onLine?: (line: string) => void; failure: string },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(BIN, tool), args, {
      cwd: ROOT,
      env: { ...process.env, ...options.env, PATH: `${BIN}:${process.env.PATH}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      for (const line of chunk.toString().split('\n')) options.onLine?.(line)
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${options.failure} (exit ${code}):\n${output.slice(-4000)}`)),
    )
  })
}
