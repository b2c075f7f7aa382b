/**
 * Incremental builds. Every build leaves a manifest beside its folder (`<out>.build.json`) with a digest
 * of what each article page and each search record was made from. The next build compares: article
 * pages (news, cases, lectures) whose digest is unchanged are not rendered again but linked from the
 * previous build; everything else (home, listings, deputies, stations, feeds) is cheap and always
 * rendered. The search index is not rebuilt either: the changed records go into a small second index
 * (`/pagefind-delta/`), which the search page merges, dropping the main index's stale entries by id.
 * A change of code, of the site settings, or a delta that grew too big makes a full build.
 *
 * The CMS loader calls `planBuild` (pure) and writes the plan file; the pages and integrations read it.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/** Pages linked from the previous build when unchanged: `news/<slug>` etc. */
export const ARTICLE_COLLECTIONS = ['news', 'cases', 'lectures'] as const
export type ArticleCollection = (typeof ARTICLE_COLLECTIONS)[number]

export interface MainIndexEntry {
  /** Digest of the search record the main index was built from. */
  digest: string
  /** Pagefind's page id in the main index (what search results carry as `id`). */
  id: string
  /** The 类型 filter value, to correct per-type counts when a stale entry is dropped. */
  type: string
}

export interface BuildManifest {
  version: 1
  builtAt: string
  /** Digest of the site's code and settings; any change → full build. */
  code: string
  site: string
  /** `news/<slug>` → digest of the data the page was rendered from. */
  pages: Record<string, string>
  /** url → entry, for the main index (carried over unchanged while only deltas are built). */
  mainIndex: Record<string, MainIndexEntry>
  /** How many builds ago the main index and all pages were made from scratch. */
  incrementalSince: number
}

export interface BuildPlan {
  mode: 'full' | 'incremental'
  /** Why a full build (one line, for the log). */
  reason: string
  /** The previous build to link unchanged pages (and the main index) from. */
  base?: string
  /** `news/<slug>` keys not rendered but linked from base. */
  skip: string[]
  index: 'full' | 'delta'
  /** urls that go into the delta index (changed or new since the main index was built). */
  delta: string[]
  /** Main-index ids whose pages changed or are gone, with their 类型. */
  stale: Record<string, string>
}

export const digest = (value: unknown): string =>
  createHash('sha1').update(JSON.stringify(value)).digest('base64url').slice(0, 16)

export interface CurrentState {
  code: string
  site: string
  pages: Record<string, string>
  /** url → digest and 类型 of every search record now. */
  records: Record<string, { digest: string; type: string }>
}

/** A delta bigger than this makes a full index again (small deltas keep searches light). */
const maxDelta = (records: number) => Math.max(200, Math.round(records * 0.05))
/** After this many incremental builds in a row the next one is full (keeps drift bounded). */
export const MAX_INCREMENTAL = 50

export function planBuild(
  current: CurrentState,
  base?: { dir: string; manifest: BuildManifest | null },
): BuildPlan {
  const full = (reason: string): BuildPlan => ({
    mode: 'full',
    reason,
    skip: [],
    index: 'full',
    delta: [],
    stale: {},
  })
  if (!base) return full('no previous build')
  const previous = base.manifest
  if (!previous || previous.version !== 1) return full('the previous build has no manifest')
  if (previous.code !== current.code) return full('the site code changed')
  if (previous.site !== current.site) return full('the site settings changed')
  if (previous.incrementalSince >= MAX_INCREMENTAL)
    return full(`${MAX_INCREMENTAL} incremental builds in a row`)

  const skip = Object.keys(current.pages).filter((key) => previous.pages[key] === current.pages[key])

  const delta: string[] = []
  const stale: Record<string, string> = {}
  for (const [url, record] of Object.entries(current.records)) {
    const main = previous.mainIndex[url]
    if (main?.digest === record.digest) continue
    delta.push(url)
    if (main) stale[main.id] = main.type
  }
  for (const [url, main] of Object.entries(previous.mainIndex)) {
    if (!(url in current.records)) stale[main.id] = main.type
  }
  const tooBig = delta.length + Object.keys(stale).length > maxDelta(Object.keys(current.records).length)
  return {
    mode: 'incremental',
    reason: '',
    base: base.dir,
    skip,
    index: tooBig ? 'full' : 'delta',
    delta: tooBig ? [] : delta,
    stale: tooBig ? {} : stale,
  }
}

/** The manifest the finished build leaves for the next one. */
export function nextManifest(
  current: CurrentState,
  plan: BuildPlan,
  previous: BuildManifest | null,
  /** Full index: url → page id of the index just built. */
  indexIds: Record<string, string> | null,
): BuildManifest {
  const mainIndex: Record<string, MainIndexEntry> =
    plan.index === 'full' || !previous
      ? Object.fromEntries(
          Object.entries(current.records).map(([url, r]) => [
            url,
            { digest: r.digest, type: r.type, id: indexIds?.[url] ?? '' },
          ]),
        )
      : previous.mainIndex
  return {
    version: 1,
    builtAt: new Date().toISOString(),
    code: current.code,
    site: current.site,
    pages: current.pages,
    mainIndex,
    incrementalSince: plan.mode === 'full' ? 0 : (previous?.incrementalSince ?? 0) + 1,
  }
}

export const manifestPathOf = (outDir: string) => `${outDir.replace(/\/+$/, '')}.build.json`

/** Where the CMS loader leaves the plan for the pages and integrations of the same build process. */
export const planFilePath = (pid = process.pid) => path.join(os.tmpdir(), `minhu-site-plan-${pid}.json`)

export interface PlanFile {
  plan: BuildPlan
  state: CurrentState
  /** The previous build's manifest, when there was one. */
  previous: BuildManifest | null
}

let cached: PlanFile | null | undefined

/** The plan of this build (null when the loader has not written one, e.g. in unit tests). */
export function readPlanFile(): PlanFile | null {
  if (cached === undefined) {
    cached = fs.existsSync(planFilePath())
      ? (JSON.parse(fs.readFileSync(planFilePath(), 'utf8')) as PlanFile)
      : null
  }
  return cached
}

/** Whether this build renders the page `collection/slug` (false: it is linked from the previous build). */
export function rendersPage(collection: ArticleCollection, slug: string): boolean {
  const plan = readPlanFile()?.plan
  if (!plan || plan.mode === 'full') return true
  skipSet ??= new Set(plan.skip)
  return !skipSet.has(`${collection}/${slug}`)
}
let skipSet: Set<string> | undefined

export interface PreviewTarget {
  collection: ArticleCollection
  id: string
}

/**
 * A draft preview build (SITE_PREVIEW=news:12, set by the CMS's preview endpoint): only that document,
 * rendered by the site's own pages into a throwaway folder.
 */
export function previewTarget(): PreviewTarget | null {
  const match = (process.env.SITE_PREVIEW ?? '').match(/^(news|cases|lectures):(\w+)$/)
  return match ? { collection: match[1] as ArticleCollection, id: match[2] } : null
}
