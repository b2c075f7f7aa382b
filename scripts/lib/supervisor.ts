import type { ChildProcess } from 'node:child_process'

/** SIGTERM, then SIGKILL after `graceMs`; resolves when the process has exited. */
export function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
    setTimeout(() => child.kill('SIGKILL'), graceMs).unref()
  })
}

/** A child process a supervisor can watch and stop. */
export interface Child {
  process: ChildProcess
  stop: () => Promise<void>
}

/** Restart delays double from 1 s up to 30 s; a child that ran for a minute starts again at 1 s. */
const RESTART_FIRST_MS = 1000
const RESTART_MAX_MS = 30_000
const STABLE_MS = 60_000

/**
 * Keeps a child process running, as systemd's `Restart=always` would: when it exits it is started
 * again with backoff, and a start that fails is retried the same way. `npm start` supervises the CMS
 * server and the site builder with it, so neither's crash takes the served site down.
 */
export class Supervisor<T extends Child> {
  private child: T
  private stopping = false
  private attempt = 0
  private timer: NodeJS.Timeout | undefined
  private restarting: Promise<T> | undefined

  constructor(
    /** For the log lines: "cms", "builder". */
    private readonly name: string,
    private readonly start: () => Promise<T>,
    first: T,
    private readonly log: (line: string) => void,
    /** Says where it answers again, e.g. "on http://127.0.0.1:3000". */
    private readonly describe: (child: T) => string = () => '',
  ) {
    this.child = first
    this.watch(first)
  }

  get current(): T {
    return this.child
  }

  private watch(child: T): void {
    this.child = child
    const startedAt = Date.now()
    child.process.once('exit', (code, signal) => {
      if (this.stopping) return
      if (Date.now() - startedAt >= STABLE_MS) this.attempt = 0
      this.schedule(`exited (${signal ? `signal ${signal}` : `code ${code}`})`, Date.now())
    })
  }

  private schedule(reason: string, downSince: number): void {
    this.attempt += 1
    const delay = Math.min(RESTART_FIRST_MS * 2 ** (this.attempt - 1), RESTART_MAX_MS)
    this.log(`${this.name}: ${reason}; restarting in ${delay / 1000} s (attempt ${this.attempt})`)
    this.timer = setTimeout(() => void this.restart(downSince), delay)
  }

  private async restart(downSince: number): Promise<void> {
    this.timer = undefined
    this.restarting = this.start()
    try {
      const child = await this.restarting
      if (this.stopping) return // stop() stops it
      const down = ((Date.now() - downSince) / 1000).toFixed(1)
      const where = this.describe(child)
      this.log(
        `${this.name}: running again${where ? ` ${where}` : ''} (pid ${child.process.pid}), down ${down} s`,
      )
      this.watch(child)
    } catch (error) {
      if (this.stopping) return
      const message = error instanceof Error ? error.message : String(error)
      const reason = message
        .split('\n')[0]
        .replace(new RegExp(`^${this.name}: `), '')
        .replace(/:$/, '')
      this.schedule(`restart failed (${reason})`, downSince)
    } finally {
      this.restarting = undefined
    }
  }

  /** Stops the child and any restart under way (which resolves or gives up within its own timeout). */
  async stop(): Promise<void> {
    this.stopping = true
    clearTimeout(this.timer)
    await Promise.all([this.child.stop(), this.restarting?.then((child) => child.stop()).catch(() => {})])
  }
}
