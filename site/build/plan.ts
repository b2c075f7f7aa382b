/**
 * Incremental builds. Every build leaves a manifest beside its folder (`<out>.build.json`) with a digest
 * of what each article page and each search record was made from. The next build compares: article
 * pages (news, cases, lectures) whose digest is unchanged are not rendered again but linked from the
 * previous build; everything else (home, listings, deputies, stations, feeds) is cheap and always
 * rendered. The search index is not rebuilt either: the changed records go into a small second index
 * (`/pagefind-delta/`), which the search page merges, dropping the main index's stale entries by id.
 * A change of code, of the site settings, or a delta that grew too big makes a full build.
 *
 * Pure: the build integration (./index.ts) calls `planBuild` once the content is read and keeps the plan
 * in its build context (./context.ts), where the pages read it.
 */
import { createHash } from 'node:crypto'

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

/** What the build decided and what it compares with, kept for the pages and the manifest. */
export interface PlannedBuild {
  plan: BuildPlan
  state: CurrentState
  /** The previous build's manifest, when there was one. */
  previous: BuildManifest | null
  /** A full index: url → page id in the index just built (known once the index is done). */
  indexIds?: Record<string, string>
}
