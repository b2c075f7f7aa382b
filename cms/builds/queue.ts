/**
 * The site rebuild queue and build history, in the database: every CMS process writes requests (the
 * publish hooks, cms/hooks/requestRebuild.ts), the one elected builder (scripts/site-builder.ts, holding
 * the `site-builder` lease) takes them, builds and records the result, and the admin dashboard reads the
 * status from whichever CMS process answers.
 */
import type { Payload, PayloadRequest } from 'payload'

import { Lease } from './lease.ts'

const REQUESTS = 'rebuild-requests'
const RECORDS = 'site-build-records'
/** A request nobody has built yet. */
export const WAITING = 'waiting'
/** The lease the builders compete for. */
export const BUILDER_LEASE = 'site-builder'
/**
 * Quiet time after the last rebuild request before a build starts, unless REBUILD_DEBOUNCE_MS says
 * otherwise. It only has to gather what one action writes at once (a bulk publish in the admin, an
 * import): requests that come while a build runs wait for the next build anyway. At 1.5 s it was a
 * third of an incremental build's publish → live. The builder waits it; the admin's 网站更新状态 counts
 * on it in its estimate.
 */
export const DEFAULT_DEBOUNCE_MS = 500
/** The debounce in force: REBUILD_DEBOUNCE_MS or the default. */
export const debounceMs = (): number => Number(process.env.REBUILD_DEBOUNCE_MS ?? DEFAULT_DEBOUNCE_MS)
/** Build records and consumed requests kept for the dashboard and for an operator's questions. */
const KEEP_RECORDS = 100
const KEEP_REQUESTS_MS = 7 * 86_400_000

export type RebuildOperation = 'create' | 'publish' | 'update' | 'delete' | 'unpublish'

export interface RebuildRequest {
  /** The collection or global that changed. */
  source: string
  docId?: number | string
  /** The document's title, for the build log. */
  title?: string
  operation: RebuildOperation
  /** The editor's e-mail. */
  by?: string
}

export interface QueuedRequest extends RebuildRequest {
  id: number | string
  createdAt: string
}

/** One build as the dashboard lists it. */
export interface BuildRecord {
  id: string
  startedAt: string
  ms: number
  ok: boolean
  error?: string
  trigger: string
}

/** Where one document's latest change stands on the way to the site (the edit view's status line). */
export interface DocumentBuildStatus {
  /** none: no change asked for a build yet; waiting: queued; building; live: built; failed: its build failed. */
  state: 'none' | 'waiting' | 'building' | 'live' | 'failed'
  operation?: RebuildOperation
  /** Seconds until it is probably live (waiting or building), from the last successful builds. */
  etaSeconds?: number
}

export interface BuildStatus {
  running: { id: string; startedAt: string; trigger: string; builder?: string } | null
  /** Requests wait for the next build. */
  queued: boolean
  builds: BuildRecord[]
}

/**
 * Asks for a rebuild. With `req`, in the transaction of the change that asks (a change rolled back asks
 * for nothing).
 */
export async function requestRebuild(req: PayloadRequest, request: RebuildRequest): Promise<void> {
  await req.payload.create({
    collection: REQUESTS,
    data: {
      source: request.source,
      docId: request.docId === undefined ? undefined : String(request.docId),
      title: request.title?.slice(0, 200),
      operation: request.operation,
      by: request.by,
      build: WAITING,
    },
    overrideAccess: true,
    depth: 0,
    req,
  })
}

const OPERATIONS: Record<string, string> = {
  create: '新建',
  publish: '发布',
  update: '修改',
  delete: '删除',
  unpublish: '撤下',
}

/** The Chinese name of a collection or global, from its config. */
function labelOf(payload: Payload, slug: string): string {
  const config =
    payload.config.collections.find((c) => c.slug === slug) ??
    payload.config.globals.find((g) => g.slug === slug)
  const label =
    config && 'labels' in config
      ? config.labels?.singular
      : (config as { label?: unknown } | undefined)?.label
  return typeof label === 'string' ? label : slug
}

/**
 * The reason for a build as editors read it: "新闻公告《银杏社区议事厅开放》发布（editor@example.org）等 2 项".
 * Pictures are uploaded on the way to publishing an article, so an article names the build when one is
 * among the requests.
 */
export function describeRequests(payload: Payload, requests: RebuildRequest[]): string {
  if (requests.length === 0) return '（无）'
  const main = requests.find((r) => r.source !== 'media') ?? requests[0]
  const name = main.title
    ? `《${main.title}》`
    : main.docId !== undefined && main.docId !== ''
      ? ` #${main.docId}`
      : ''
  const by = main.by ? `（${main.by}）` : ''
  const more = requests.length > 1 ? `等 ${requests.length} 项` : ''
  return `${labelOf(payload, main.source)}${name}${OPERATIONS[main.operation] ?? main.operation}${by}${more}`
}

type RequestDoc = { id: number | string; createdAt: string } & Omit<RebuildRequest, 'docId'> & {
    docId?: string | null
    title?: string | null
    by?: string | null
  }

const toQueued = (d: RequestDoc): QueuedRequest => ({
  id: d.id,
  createdAt: d.createdAt,
  source: d.source,
  operation: d.operation,
  ...(d.docId ? { docId: d.docId } : {}),
  ...(d.title ? { title: d.title } : {}),
  ...(d.by ? { by: d.by } : {}),
})

/** The builder's side of the queue, and the status every CMS process can read. */
export class BuildQueue {
  constructor(private readonly payload: Payload) {}

  /** A lease for the builder named `holder`. */
  builderLease(holder?: string, ttlMs?: number): Lease {
    return new Lease(this.payload, BUILDER_LEASE, holder, ttlMs)
  }

  /** Requests no build has taken, oldest first. */
  async pending(): Promise<QueuedRequest[]> {
    const { docs } = await this.payload.find({
      collection: REQUESTS,
      where: { build: { equals: WAITING } },
      sort: 'createdAt',
      overrideAccess: true,
      depth: 0,
      limit: 0,
      pagination: false,
    })
    return (docs as unknown as RequestDoc[]).map(toQueued)
  }

  /** Marks the requests as taken by `buildId`. */
  async claim(ids: (number | string)[], buildId: string): Promise<void> {
    if (ids.length === 0) return
    await this.payload.update({
      collection: REQUESTS,
      where: { and: [{ id: { in: ids } }, { build: { equals: WAITING } }] },
      data: { build: buildId },
      overrideAccess: true,
      depth: 0,
    })
  }

  /** Requests created before `before`, as covered by a build made outside the queue (npm start's). */
  async coverBefore(before: Date, buildId: string): Promise<number> {
    const { docs } = await this.payload.update({
      collection: REQUESTS,
      where: {
        and: [{ build: { equals: WAITING } }, { createdAt: { less_than: before.toISOString() } }],
      },
      data: { build: buildId },
      overrideAccess: true,
      depth: 0,
    })
    return docs.length
  }

  async startBuild(record: {
    buildId: string
    trigger: string
    builder: string
    folder: string
    startedAt: Date
  }): Promise<void> {
    await this.payload.create({
      collection: RECORDS,
      data: { ...record, state: 'running', startedAt: record.startedAt.toISOString() },
      overrideAccess: true,
      depth: 0,
    })
  }

  async finishBuild(buildId: string, result: { ok: boolean; ms: number; error?: string }): Promise<void> {
    await this.payload.update({
      collection: RECORDS,
      where: { buildId: { equals: buildId } },
      data: { state: result.ok ? 'ok' : 'failed', ms: result.ms, error: result.error?.slice(-2000) },
      overrideAccess: true,
      depth: 0,
    })
  }

  /** Records a build that ran outside the queue (npm start's first build of dist/) as a success. */
  async recordBuild(record: {
    buildId: string
    trigger: string
    builder: string
    folder: string
    startedAt: Date
    ms: number
  }): Promise<boolean> {
    const { totalDocs } = await this.payload.count({
      collection: RECORDS,
      where: { buildId: { equals: record.buildId } },
      overrideAccess: true,
    })
    if (totalDocs > 0) return false
    await this.startBuild(record)
    await this.finishBuild(record.buildId, { ok: true, ms: record.ms })
    return true
  }

  /** The folder of the newest successful build, if any. */
  async lastGoodFolder(): Promise<string | null> {
    const { docs } = await this.payload.find({
      collection: RECORDS,
      where: { state: { equals: 'ok' } },
      sort: '-startedAt',
      overrideAccess: true,
      depth: 0,
      limit: 1,
    })
    return (docs[0]?.folder as string | undefined) ?? null
  }

  /**
   * Builds recorded as running when a builder takes over were left by one that stopped mid-way (killed,
   * machine down): they are marked failed and their requests wait again, so the new builder builds them.
   */
  async abandonRunning(reason: string): Promise<number> {
    const { docs } = await this.payload.find({
      collection: RECORDS,
      where: { state: { equals: 'running' } },
      overrideAccess: true,
      depth: 0,
      limit: 0,
      pagination: false,
    })
    for (const doc of docs) {
      await this.payload.update({
        collection: RECORDS,
        id: doc.id,
        data: {
          state: 'failed',
          error: reason,
          ms: Date.now() - new Date(doc.startedAt as string).getTime(),
        },
        overrideAccess: true,
        depth: 0,
      })
      await this.payload.update({
        collection: REQUESTS,
        where: { build: { equals: doc.buildId } },
        data: { build: WAITING },
        overrideAccess: true,
        depth: 0,
      })
    }
    return docs.length
  }

  /** Drops build records beyond the newest 100 and requests built more than a week ago. */
  async prune(now = Date.now()): Promise<void> {
    const { docs } = await this.payload.find({
      collection: RECORDS,
      sort: '-startedAt',
      overrideAccess: true,
      depth: 0,
      limit: 1,
      page: KEEP_RECORDS + 1,
    })
    if (docs[0])
      await this.payload.db.deleteMany({
        collection: RECORDS,
        where: {
          and: [{ startedAt: { less_than_equal: docs[0].startedAt } }, { state: { not_equals: 'running' } }],
        },
      })
    await this.payload.db.deleteMany({
      collection: REQUESTS,
      where: {
        and: [
          { build: { not_equals: WAITING } },
          { createdAt: { less_than: new Date(now - KEEP_REQUESTS_MS).toISOString() } },
        ],
      },
    })
  }

  /** The latest change of one document on its way to the site, with an estimate of when it is live. */
  async documentStatus(source: string, docId: string, debounceMs = 1500): Promise<DocumentBuildStatus> {
    const { docs } = await this.payload.find({
      collection: REQUESTS,
      where: { and: [{ source: { equals: source } }, { docId: { equals: docId } }] },
      sort: '-createdAt',
      overrideAccess: true,
      depth: 0,
      limit: 1,
    })
    const request = docs[0] as unknown as (RequestDoc & { build: string }) | undefined
    if (!request) return { state: 'none' }
    const { docs: recent } = await this.payload.find({
      collection: RECORDS,
      where: { state: { equals: 'ok' } },
      sort: '-startedAt',
      overrideAccess: true,
      depth: 0,
      limit: 5,
    })
    const durations = recent.map((r) => (r.ms as number | undefined) ?? 0).filter((ms) => ms > 0)
    const typical = durations.length ? durations.reduce((a, b) => a + b, 0) / durations.length : 10_000
    const eta = (elapsedMs: number, remainingMs: number) =>
      Math.max(1, Math.round((remainingMs - elapsedMs) / 1000))
    const operation = request.operation
    if (request.build === WAITING)
      return {
        state: 'waiting',
        operation,
        etaSeconds: eta(Date.now() - Date.parse(request.createdAt), debounceMs + typical),
      }
    const { docs: records } = await this.payload.find({
      collection: RECORDS,
      where: { buildId: { equals: request.build } },
      overrideAccess: true,
      depth: 0,
      limit: 1,
    })
    const record = records[0]
    if (!record) return { state: 'live', operation }
    if (record.state === 'running')
      return {
        state: 'building',
        operation,
        etaSeconds: eta(Date.now() - Date.parse(record.startedAt as string), typical),
      }
    return { state: record.state === 'ok' ? 'live' : 'failed', operation }
  }

  /** What the admin dashboard shows. */
  async status(): Promise<BuildStatus> {
    const [{ docs }, { totalDocs: waiting }] = await Promise.all([
      this.payload.find({
        collection: RECORDS,
        sort: '-startedAt',
        overrideAccess: true,
        depth: 0,
        limit: 21,
      }),
      this.payload.count({
        collection: REQUESTS,
        where: { build: { equals: WAITING } },
        overrideAccess: true,
      }),
    ])
    const running = docs.find((d) => d.state === 'running')
    return {
      running: running
        ? {
            id: running.buildId as string,
            startedAt: running.startedAt as string,
            trigger: running.trigger as string,
            builder: (running.builder as string | undefined) ?? undefined,
          }
        : null,
      queued: waiting > 0,
      builds: docs
        .filter((d) => d.state !== 'running')
        .slice(0, 20)
        .map((d) => ({
          id: d.buildId as string,
          startedAt: d.startedAt as string,
          ms: (d.ms as number | undefined) ?? 0,
          ok: d.state === 'ok',
          ...(d.error ? { error: d.error as string } : {}),
          trigger: d.trigger as string,
        })),
    }
  }
}
