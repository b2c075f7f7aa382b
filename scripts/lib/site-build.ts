import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

import { cause, ROOT, runTool } from '../../cms/tools.ts'
import { indexHandover, siteOutDir } from '../../site/index.ts'

export interface BuildOptions {
  outDir?: string
  /** A previous build to reuse unchanged pages and the search index from (see site/build/plan.ts). */
  base?: string
  env?: Record<string, string | undefined>
  log?: (line: string) => void
  /** Every line of Astro's output to `log`, not only its tagged stage lines (`npm run build`). */
  allLines?: boolean
}

/** The variables that make `options` a build: the rest of the environment is the process's own. */
const buildEnv = (options: BuildOptions): Record<string, string | undefined> => ({
  ...options.env,
  ...(options.outDir ? { SITE_OUT_DIR: options.outDir } : {}),
  ...(options.base ? { SITE_BASE_DIR: options.base } : {}),
  ASTRO_TELEMETRY_DISABLED: '1',
})

/** How a failed build's error starts, cold or in a spare process. */
const FAILURE = 'site: astro build failed'

/** Astro lists every page; pass on its tagged stage lines ([build], [content], …) only. */
const tagged = (log: (line: string) => void) => (line: string) => {
  const match = line.match(/\[[\w@/.-]+\].*$/)
  if (match) log(match[0].trimEnd())
}

/**
 * Runs `astro build` (CMS read → pages → media → search index) into `outDir`, printing Astro's own
 * progress lines through `log`. Environment (DATABASE_URI, DATA_DIR) decides which CMS is read.
 */
export function buildSite(options: BuildOptions): Promise<void> {
  return withIndexHandover(options, (env, onLine) =>
    runTool('astro', ['build'], { env, failure: FAILURE, onLine }),
  )
}

/**
 * Runs one build (`run`, cold or in a spare process) with the full search index finished here after
 * the build process exited (site/build/index-handover.ts): the build's memory and Pagefind's write
 * never add up.
 */
async function withIndexHandover(
  options: BuildOptions,
  run: (env: Record<string, string | undefined>, onLine: (line: string) => void) => Promise<void>,
): Promise<void> {
  const env = buildEnv(options)
  const handover = indexHandover(ROOT, env)
  const log = options.allLines ? (options.log ?? (() => {})) : tagged(options.log ?? (() => {}))
  try {
    await run({ ...env, ...handover.env }, log)
  } catch (error) {
    handover.abort()
    throw error
  }
  const outDir = siteOutDir(ROOT, { ...process.env, ...env })
  try {
    const line = await handover.finish(outDir)
    if (line) log(line)
  } catch (error) {
    throw new Error(`${FAILURE}: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
  }
}

/** A build process started ahead (./astro-build.ts), waiting for its build. */
class Spare {
  readonly child: ChildProcess
  /** Resolves true once it is ready, false when it exited before (then a cold build runs instead). */
  readonly ready: Promise<boolean>
  private output = ''
  private onLine: (line: string) => void = () => {}

  constructor(env: Record<string, string | undefined>) {
    const bin = path.join(ROOT, 'node_modules', '.bin')
    this.child = spawn(
      path.join(bin, 'node'),
      ['--import', 'tsx', path.join(ROOT, 'scripts', 'lib', 'astro-build.ts')],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          ...env,
          // What `astro build` sets before anything loads: React and Payload are imported ahead here.
          NODE_ENV: 'production',
          ASTRO_TELEMETRY_DISABLED: '1',
          PATH: `${bin}:${process.env.PATH}`,
        },
        stdio: ['pipe', 'pipe', 'pipe'],
      },
    )
    let ready!: (value: boolean) => void
    this.ready = new Promise((resolve) => (ready = resolve))
    const onData = (chunk: Buffer) => {
      this.output += chunk.toString()
      for (const line of chunk.toString().split('\n')) {
        if (line.startsWith('astro-build: ready')) ready(true)
        else this.onLine(line)
      }
    }
    this.child.stdout!.on('data', onData)
    this.child.stderr!.on('data', onData)
    this.child.on('error', () => ready(false))
    // A spare that died while waiting: its stdin is closed, and the build runs cold instead.
    this.child.stdin!.on('error', () => {})
    this.child.on('exit', () => ready(false))
  }

  run(env: Record<string, string | undefined>, onLine: (line: string) => void): Promise<void> {
    this.output = ''
    this.onLine = onLine
    return new Promise((resolve, reject) => {
      this.child.once('exit', (code) =>
        code === 0
          ? resolve()
          : reject(new Error(`${FAILURE}: ${cause(this.output)}\n${this.output.slice(-4000)}`)),
      )
      this.child.stdin!.end(`${JSON.stringify({ env })}\n`)
    })
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null
  }

  stop(): void {
    this.child.kill('SIGTERM')
  }
}

export interface SiteBuilder {
  /** Like `buildSite`, in the spare process when `options.env` is the builder's own. */
  build(options: BuildOptions): Promise<void>
  /** Resolves once the next build's process is started and ready (at once when none is kept). */
  ready(): Promise<void>
  /** Ends the spare process. */
  close(): void
}

/**
 * Builds like `buildSite`, with Astro's fixed start-up taken out of the wait: a build process is started
 * ahead with `env` (./astro-build.ts: Node, Astro and the CMS loaded, the CMS opened) and waits for the
 * next build; when that build starts, the next spare starts once it is done. Each build still has a
 * process of its own. A build asked with other variables than `env` runs cold, as `buildSite` does.
 * `SITE_WARM_BUILDER=0` turns the spare off (every build cold, and nothing waiting in memory: ~300 MB).
 */
export function siteBuilder(env: Record<string, string | undefined> = {}): SiteBuilder {
  const enabled = process.env.SITE_WARM_BUILDER !== '0'
  let closed = false
  let spare: Spare | null = enabled ? new Spare(env) : null
  const sameEnv = (other: Record<string, string | undefined> = {}) =>
    Object.keys({ ...env, ...other }).every((key) => env[key] === other[key])
  return {
    async build(options) {
      const waiting = spare
      if (!waiting || !sameEnv(options.env)) return buildSite(options)
      spare = null
      try {
        if (!(await waiting.ready) || !waiting.alive) return await buildSite(options)
        await withIndexHandover(options, (env, onLine) => waiting.run(env, onLine))
      } finally {
        if (!closed) spare = new Spare(env)
      }
    },
    async ready() {
      await spare?.ready
    },
    close() {
      closed = true
      spare?.stop()
      spare = null
    },
  }
}
