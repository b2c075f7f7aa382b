import fs from 'node:fs'
import path from 'node:path'

import { manifestPathOf } from '../../site/index.ts'
import type { RebuildRequest } from '../../cms/index.ts'

export interface BuildRecord {
  id: string
  startedAt: string
  ms: number
  ok: boolean
  error?: string
  /** What asked for it, e.g. "news #12 update (editor@example.org) + 3 more". */
  trigger: string
}

export interface BuildStatus {
  /** Folder being served. */
  live: string
  running: { id: string; startedAt: string; trigger: string } | null
  queued: boolean
  builds: BuildRecord[]
}

export interface RebuildWorkerOptions {
  requestsFile: string
  statusFile: string
  /** New builds go into fresh folders here; the last good one is served. */
  buildsDir: string
  /** The folder served before the first rebuild (dist/). */
  initialLive: string
  /**
   * A symbolic link kept pointing at the live build, for a front server that serves a fixed path (nginx,
   * docs/deploy.md). Replaced atomically (a new link renamed over the old), so no request sees it missing.
   */
  liveLink?: string
  /** Quiet time after the last request before building: a burst of publishes makes one build. */
  debounceMs: number
  /** Builds into `outDir`; `base` is the live build, whose unchanged pages an incremental build reuses. */
  build: (outDir: string, base: string) => Promise<void>
  log: (line: string) => void
}

/**
 * Watches the rebuild requests the CMS hooks append, coalesces them (debounce), runs one build at a time
 * into a fresh folder, and makes it live only when it succeeded: a failed build leaves the last good site
 * serving and is recorded with its error in the status file the admin shows.
 */
export class RebuildWorker {
  private offset = 0
  private pending: RebuildRequest[] = []
  private timer: NodeJS.Timeout | undefined
  private poller: NodeJS.Timeout | undefined
  private running = false
  private status: BuildStatus

  constructor(private readonly options: RebuildWorkerOptions) {
    // `npm start` has just made sure initialLive is current: serve it, keep the build history.
    const builds = readStatus(options.statusFile)?.builds ?? []
    this.status = { live: options.initialLive, running: null, queued: false, builds }
    this.prune(options.initialLive)
    this.pointLink()
    // Requests written before this start are covered by the build `npm start` just made.
    this.offset = fs.existsSync(options.requestsFile) ? fs.statSync(options.requestsFile).size : 0
    this.save()
  }

  get live(): string {
    return this.status.live
  }

  start(): void {
    this.poller = setInterval(() => this.poll(), 250)
  }

  stop(): void {
    clearInterval(this.poller)
    clearTimeout(this.timer)
  }

  /** Resolves when nothing is queued or running (for tests and shutdown). */
  async idle(): Promise<void> {
    while (this.running || this.timer || this.pending.length) await new Promise((r) => setTimeout(r, 100))
  }

  /**
   * Runs on a timer, where an exception would end `npm start` and the site server with it: a file that
   * vanished or could not be read is logged and tried again on the next tick.
   */
  private poll(): void {
    try {
      this.readRequests()
    } catch (error) {
      this.options.log(`rebuild: could not read the rebuild requests (will retry): ${firstLine(error)}`)
    }
  }

  private readRequests(): void {
    const { requestsFile } = this.options
    const size = fs.statSync(requestsFile, { throwIfNoEntry: false })?.size
    if (size === undefined) return
    // Truncated or replaced: read it again from the start.
    if (size < this.offset) this.offset = 0
    if (size <= this.offset) return
    const fd = fs.openSync(requestsFile, 'r')
    const buffer = Buffer.alloc(size - this.offset)
    fs.readSync(fd, buffer, 0, buffer.length, this.offset)
    fs.closeSync(fd)
    const text = buffer.toString('utf8')
    const complete = text.lastIndexOf('\n') + 1
    this.offset += Buffer.byteLength(text.slice(0, complete))
    for (const line of text.slice(0, complete).split('\n')) {
      if (!line.trim()) continue
      try {
        this.pending.push(JSON.parse(line) as RebuildRequest)
      } catch {
        this.options.log(`rebuild: ignored an unreadable request line`)
      }
    }
    this.status.queued = this.pending.length > 0
    this.save()
    clearTimeout(this.timer)
    this.schedule()
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.timer = undefined
      this.run().catch((error: unknown) => {
        // Only bookkeeping can get here (a failed build is caught and recorded below); never let it end
        // the process, and let later requests build again.
        this.running = false
        this.status.running = null
        this.options.log(`rebuild: worker error, the previous site keeps serving: ${firstLine(error)}`)
      })
    }, this.options.debounceMs)
  }

  private async run(): Promise<void> {
    if (this.running || this.pending.length === 0) return
    this.running = true
    const requests = this.pending.splice(0)
    const first = requests[0]
    const trigger = describe(first, requests.length)
    const id = new Date().toISOString().replace(/[:.]/g, '-')
    const outDir = path.join(this.options.buildsDir, id)
    const started = Date.now()
    this.status.running = { id, startedAt: new Date(started).toISOString(), trigger }
    this.status.queued = false
    this.save()
    this.options.log(`rebuild: building for ${trigger}…`)
    let record: BuildRecord
    try {
      await this.options.build(outDir, this.status.live)
      const previous = this.status.live
      this.status.live = outDir
      this.pointLink()
      record = { id, startedAt: this.status.running.startedAt, ms: Date.now() - started, ok: true, trigger }
      this.options.log(`rebuild: live in ${(record.ms / 1000).toFixed(1)} s`)
      try {
        this.prune(previous)
      } catch (error) {
        this.options.log(`rebuild: could not remove old builds: ${firstLine(error)}`)
      }
    } catch (error) {
      fs.rmSync(outDir, { recursive: true, force: true })
      fs.rmSync(manifestPathOf(outDir), { force: true })
      const message = error instanceof Error ? error.message : String(error)
      record = {
        id,
        startedAt: this.status.running.startedAt,
        ms: Date.now() - started,
        ok: false,
        error: message.slice(-2000),
        trigger,
      }
      this.options.log(
        `rebuild: FAILED after ${(record.ms / 1000).toFixed(1)} s, the previous site keeps serving: ${message.split('\n')[0]}`,
      )
    }
    this.status.builds = [record, ...this.status.builds].slice(0, 20)
    this.status.running = null
    this.status.queued = this.pending.length > 0
    this.save()
    this.running = false
    if (this.pending.length) this.schedule()
  }

  private pointLink(): void {
    const link = this.options.liveLink
    if (!link) return
    const tmp = `${link}.${process.pid}.tmp`
    fs.rmSync(tmp, { force: true })
    fs.symlinkSync(path.resolve(this.status.live), tmp)
    fs.renameSync(tmp, link)
  }

  /** Keeps the live build and the one before it (a reader may still be on it); removes older ones. */
  private prune(previous: string): void {
    const { buildsDir } = this.options
    if (!fs.existsSync(buildsDir)) return
    const keep = new Set([this.status.live, previous].flatMap((dir) => [dir, manifestPathOf(dir)]))
    for (const name of fs.readdirSync(buildsDir)) {
      const entry = path.join(buildsDir, name)
      if (!keep.has(entry)) fs.rmSync(entry, { recursive: true, force: true })
    }
  }

  /** The status file is what the admin shows; failing to write it (disk full…) must not stop builds. */
  private save(): void {
    try {
      fs.mkdirSync(path.dirname(this.options.statusFile), { recursive: true })
      const tmp = `${this.options.statusFile}.tmp`
      fs.writeFileSync(tmp, JSON.stringify(this.status, null, 2))
      fs.renameSync(tmp, this.options.statusFile)
    } catch (error) {
      this.options.log(`rebuild: could not write the build status: ${firstLine(error)}`)
    }
  }
}

const LABELS: Record<string, string> = {
  news: '新闻公告',
  lectures: '微讲堂',
  cases: '民生案例',
  deputies: '人大代表',
  stations: '实践站点',
  media: '图片视频',
  site: '网站设置',
  messages: '群众来信',
}
const OPERATIONS: Record<string, string> = {
  create: '新建',
  update: '修改',
  delete: '删除',
  unpublish: '撤下',
}

/** The trigger as editors read it: "新闻公告 #12 修改（editor@example.org）等 4 项". */
function describe(first: RebuildRequest, count: number): string {
  const what = `${LABELS[first.collection] ?? first.collection}${first.id !== undefined ? ` #${first.id}` : ''}`
  const by = first.by ? `（${first.by}）` : ''
  return `${what} ${OPERATIONS[first.operation] ?? first.operation}${by}${count > 1 ? `等 ${count} 项` : ''}`
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0]
}

export function readStatus(file: string): BuildStatus | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as BuildStatus
  } catch {
    return null
  }
}
