import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

import { BuildQueue, describeRequests, processName, type Lease, type QueuedRequest } from '../../cms/index.ts'
import { manifestPathOf } from '../../site/index.ts'

export interface RebuildWorkerOptions {
  /** The CMS's Local API: the queue, the build history and the builder lease are in its database. */
  payload: Payload
  /** New builds go into fresh folders here; the last good one is served. */
  buildsDir: string
  /** The folder served when no build is recorded yet (dist/). */
  initialLive: string
  /**
   * A symbolic link kept pointing at the live build: what the site server and a front server (nginx,
   * docs/deploy.md) serve. Replaced atomically (a new link renamed over the old), so no request sees it
   * missing.
   */
  liveLink?: string
  /** Quiet time after the last request before building: a burst of publishes makes one build. */
  debounceMs: number
  /** The longest a request waits while publishes keep coming (default 30 s). */
  maxWaitMs?: number
  /** How often the queue is looked at (default 500 ms). */
  pollMs?: number
  /** How long the builder lease lasts without renewal (default 20 s): a killed builder's successor waits that long. */
  leaseMs?: number
  /** This builder's name in the lease and the build records (default host:pid). */
  holder?: string
  /**
   * A build made before the worker started, outside the queue (npm start's check or build of dist/): it
   * covers the requests made before it began, and is recorded so the dashboard lists it.
   */
  initialBuild?: { startedAt: Date; ms: number; trigger: string }
  /** Builds into `outDir`; `base` is the live build, whose unchanged pages an incremental build reuses. */
  build: (outDir: string, base: string) => Promise<void>
  log: (line: string) => void
}

/**
 * The site builder: takes the rebuild requests the CMS processes write to the database, coalesces them
 * (debounce), runs one build at a time into a fresh folder and makes it live only when it succeeded; a
 * failed build leaves the last good site serving and is recorded with its error for the dashboard.
 *
 * Several builders may run (one per machine, or a restarted one beside a hung one): each holds the
 * `site-builder` lease in turn, and only its holder builds; the others stand by and take over when the
 * holder's lease runs out (it was killed or its machine went down). A new holder marks builds left
 * running as failed, queues their requests again and serves the newest successful build.
 */
export class RebuildWorker {
  private readonly queue: BuildQueue
  private readonly lease: Lease
  private readonly holder: string
  private leader = false
  private standbyLogged = false
  private busy = false
  private stopped = false
  private poller: NodeJS.Timeout | undefined
  private wake: NodeJS.Timeout | undefined
  private current: string

  constructor(private readonly options: RebuildWorkerOptions) {
    this.queue = new BuildQueue(options.payload)
    this.holder = options.holder ?? processName()
    this.lease = this.queue.builderLease(this.holder, options.leaseMs ?? 20_000)
    this.current = options.initialLive
  }

  /** The folder served now. */
  get live(): string {
    return this.current
  }

  /** Whether this worker holds the builder lease. */
  get isBuilder(): boolean {
    return this.leader
  }

  start(): void {
    this.stopped = false
    this.standbyLogged = false
    this.poller = setInterval(() => void this.tick(), this.options.pollMs ?? 500)
    void this.tick()
  }

  /** Stops polling, waits for a build under way, and gives the lease up for a standby. */
  async stop(): Promise<void> {
    this.stopped = true
    clearInterval(this.poller)
    clearTimeout(this.wake)
    while (this.busy) await sleep(100)
    if (this.leader) await this.lease.release().catch(() => {})
    this.leader = false
  }

  /** Resolves when no request waits and nothing runs (for tests and benchmarks). */
  async idle(): Promise<void> {
    for (;;) {
      if (!this.busy && (await this.queue.pending()).length === 0 && !this.busy) return
      await sleep(100)
    }
  }

  /**
   * Runs on a timer, where an exception would end the process: a database that did not answer (locked,
   * restarting) is logged and tried again on the next tick.
   */
  private async tick(): Promise<void> {
    if (this.busy || this.stopped) return
    this.busy = true
    try {
      await this.step()
    } catch (error) {
      this.options.log(`rebuild: could not read the rebuild queue (will retry): ${firstLine(error)}`)
    } finally {
      this.busy = false
    }
  }

  private async step(): Promise<void> {
    if (!(await this.lease.hold())) {
      if (this.leader) this.options.log('rebuild: another builder took over; standing by')
      else if (!this.standbyLogged)
        this.options.log(
          `rebuild: standing by (${(await this.lease.holderNow()) ?? 'another process'} builds)`,
        )
      this.leader = false
      this.standbyLogged = true
      return
    }
    if (!this.leader) {
      this.leader = true
      await this.takeOver()
    }
    const pending = await this.queue.pending()
    if (pending.length === 0) return
    const now = Date.now()
    const newest = Date.parse(pending.at(-1)!.createdAt)
    const oldest = Date.parse(pending[0].createdAt)
    const quiet = this.options.debounceMs - (now - newest)
    const maxWait = (this.options.maxWaitMs ?? 30_000) - (now - oldest)
    if (quiet > 0 && maxWait > 0) {
      // Build the moment the quiet time ends rather than at the next poll (up to pollMs later).
      clearTimeout(this.wake)
      this.wake = setTimeout(() => void this.tick(), Math.min(quiet, maxWait) + 5)
      return
    }
    await this.build(pending)
  }

  private async takeOver(): Promise<void> {
    const { initialBuild, initialLive } = this.options
    const abandoned = await this.queue.abandonRunning(
      '构建进程中途停止（被终止或所在机器重启），这次构建的内容已重新排队',
    )
    if (initialBuild) {
      const buildId = `startup-${initialBuild.startedAt.toISOString()}`
      await this.queue.coverBefore(initialBuild.startedAt, buildId)
      await this.queue.recordBuild({
        buildId,
        trigger: initialBuild.trigger,
        builder: this.holder,
        folder: initialLive,
        startedAt: initialBuild.startedAt,
        ms: initialBuild.ms,
      })
    }
    const good = await this.queue.lastGoodFolder()
    this.current = good && fs.existsSync(path.join(good, 'index.html')) ? good : initialLive
    this.pointLink()
    await this.prune(this.current)
    this.options.log(
      `rebuild: this process builds the site (${this.holder}), serving ${this.current}` +
        (abandoned ? `; ${abandoned} interrupted build(s) queued again` : ''),
    )
  }

  private async build(requests: QueuedRequest[]): Promise<void> {
    const trigger = describeRequests(this.options.payload, requests)
    const id = new Date().toISOString().replace(/[:.]/g, '-')
    const outDir = path.join(this.options.buildsDir, id)
    const started = Date.now()
    await this.queue.startBuild({
      buildId: id,
      trigger,
      builder: this.holder,
      folder: outDir,
      startedAt: new Date(started),
    })
    await this.queue.claim(
      requests.map((r) => r.id),
      id,
    )
    this.options.log(`rebuild: building for ${trigger}…`)
    // The build runs for seconds to minutes: keep the lease meanwhile.
    let lost = false
    const beat = setInterval(
      () =>
        void this.lease.hold().then(
          (held) => (lost ||= !held),
          () => {},
        ),
      (this.options.leaseMs ?? 20_000) / 4,
    )
    try {
      await this.options.build(outDir, this.current)
      clearInterval(beat)
      if (lost || !(await this.lease.hold())) {
        // Another builder took over (this one stalled past its lease) and builds these requests again.
        removeBuild(outDir)
        this.leader = false
        this.options.log('rebuild: lost the builder lease during the build; the new builder builds again')
        return
      }
      const previous = this.current
      this.current = outDir
      this.pointLink()
      const ms = Date.now() - started
      await this.queue.finishBuild(id, { ok: true, ms })
      this.options.log(`rebuild: live in ${(ms / 1000).toFixed(1)} s (${trigger})`)
      await this.prune(previous).catch((error: unknown) =>
        this.options.log(`rebuild: could not remove old builds: ${firstLine(error)}`),
      )
    } catch (error) {
      clearInterval(beat)
      removeBuild(outDir)
      const message = error instanceof Error ? error.message : String(error)
      const ms = Date.now() - started
      await this.queue.finishBuild(id, { ok: false, ms, error: message })
      this.options.log(
        `rebuild: FAILED after ${(ms / 1000).toFixed(1)} s, the previous site keeps serving: ${message.split('\n')[0]}`,
      )
    }
    await this.queue.prune().catch((error: unknown) => {
      this.options.log(`rebuild: could not prune the build history: ${firstLine(error)}`)
    })
  }

  private pointLink(): void {
    const link = this.options.liveLink
    if (!link) return
    const tmp = `${link}.${process.pid}.tmp`
    fs.rmSync(tmp, { force: true })
    fs.symlinkSync(path.resolve(this.current), tmp)
    fs.renameSync(tmp, link)
  }

  /**
   * Keeps the live build and the one before it (a reader may still be on it); removes older ones, in a
   * process of their own (`rm -rf`): a build is ~40,000 files at 10k items. Removed here, synchronously
   * they held this process for 4–6 s, and asynchronously they filled Node's I/O threads for as long, so
   * a site server in this process (the benchmark's, a single-process deployment) answered nobody.
   */
  private async prune(previous: string): Promise<void> {
    const { buildsDir } = this.options
    if (!fs.existsSync(buildsDir)) return
    const keep = new Set([this.current, previous].flatMap((dir) => [dir, manifestPathOf(dir)]))
    const old = fs
      .readdirSync(buildsDir)
      .map((name) => path.join(buildsDir, name))
      .filter((entry) => !keep.has(entry))
    if (old.length) await removeInChildProcess(old)
  }
}

/**
 * The folder a live link points at, for a site server in another process than the builder: read per
 * request (a readlink is microseconds), `fallback` while the builder has not made the link yet.
 */
export function liveFolder(liveLink: string, fallback: string): string {
  try {
    return fs.realpathSync(liveLink)
  } catch {
    return fallback
  }
}

function removeBuild(outDir: string): void {
  fs.rmSync(outDir, { recursive: true, force: true })
  fs.rmSync(manifestPathOf(outDir), { force: true })
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]
}

/** `rm -rf` of `paths` in a child process; rejects with its complaint when it fails. */
function removeInChildProcess(paths: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('rm', ['-rf', '--', ...paths], { stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`rm -rf exited with ${code}: ${stderr.trim()}`)),
    )
  })
}
