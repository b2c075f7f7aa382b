import { spawn } from 'node:child_process'
import path from 'node:path'

import { ROOT } from '../paths.ts'

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
        : reject(new Error(`${options.failure}: ${cause(output)}\n${output.slice(-4000)}`)),
    )
  })
}

/**
 * The line that says what went wrong, for a one-line report (the admin's build status shows it): the
 * line before the first stack trace (how Astro and Node print errors), or else the last error line, or
 * else the last line.
 */
export function cause(output: string): string {
  const lines = output
    .replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '') // colours
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
  const beforeStack = lines.findIndex((l) => /^(Stack trace:|at )/.test(l))
  if (beforeStack > 0) return lines[beforeStack - 1]
  return lines.findLast((l) => /\[ERROR\]|\b\w*Error:/.test(l)) ?? lines.at(-1) ?? '(no output)'
}
