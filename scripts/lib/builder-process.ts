import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

import { ROOT } from '../../cms/tools.ts'
import { stopChild } from './supervisor.ts'

export interface BuilderProcess {
  process: ChildProcess
  stop: () => Promise<void>
}

/**
 * Starts the site builder (scripts/site-builder.ts) as its own process and resolves once it has joined
 * the queue (building or standing by). `env` is added to the current environment; its output goes to
 * `onOutput` line by line.
 */
export async function startBuilder(options: {
  env?: Record<string, string | undefined>
  onOutput?: (line: string) => void
  timeoutMs?: number
}): Promise<BuilderProcess> {
  const bin = path.join(ROOT, 'node_modules', '.bin')
  // One process (tsx as a loader, not its CLI, which would run the builder in a child of its own that a
  // SIGKILL of the parent leaves running).
  const child = spawn(
    path.join(bin, 'node'),
    ['--import', 'tsx', path.join(ROOT, 'scripts', 'site-builder.ts')],
    {
      cwd: ROOT,
      env: { ...process.env, ...options.env, PATH: `${bin}:${process.env.PATH}` },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  let ready!: () => void
  const joined = new Promise<void>((resolve) => (ready = resolve))
  const collect = (chunk: Buffer) => {
    output += chunk.toString()
    for (const line of chunk.toString().split('\n')) {
      if (!line.trim()) continue
      if (/^rebuild: (this process builds|standing by)/.test(line)) ready()
      options.onOutput?.(line)
    }
  }
  child.stdout!.on('data', collect)
  child.stderr!.on('data', collect)
  // A build under way is waited for by a clean stop; past a minute it is killed.
  const stop = () => stopChild(child, 60_000)
  const timeoutMs = options.timeoutMs ?? 120_000
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code, signal) =>
      reject(
        new Error(`builder: exited (${signal ?? `code ${code}`}) before it started:\n${output.slice(-3000)}`),
      ),
    ),
  )
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`builder: not ready within ${timeoutMs} ms:\n${output.slice(-3000)}`)),
      timeoutMs,
    )
  })
  try {
    await Promise.race([joined, exited, late])
  } catch (error) {
    await stop()
    throw error
  } finally {
    clearTimeout(timer)
  }
  exited.catch(() => {})
  return { process: child, stop }
}
