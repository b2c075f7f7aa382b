/**
 * The state of the one `astro build` running in this process, shared by its three readers: the build
 * integration that creates it (./index.ts, loaded by Node with astro.config.mjs), the content loader
 * (site/content.config.ts, loaded by Vite) and the pages (bundled and run by the prerenderer). Those are
 * three copies of every module, so the context lives on `globalThis` under one well-known symbol rather
 * than in a module variable; all three run in the same process. Outside a build (astro sync, astro
 * check, unit tests) there is none and every reader falls back to "render everything".
 */
import type { CmsRead, DraftTarget } from '../loaders/cms.ts'
import type { ReadCacheOptions } from '../loaders/read-cache.ts'
import type { BodyCollection } from '../lib/schemas.ts'
import { digest, type ArticleCollection, type PlannedBuild } from './plan.ts'

export interface BuildContext {
  /** This build's own folder (search records, the index being written); removed when the build ends. */
  dir: string
  /** Set for a draft preview build (SITE_PREVIEW): only that document, nothing indexed or copied. */
  draft: DraftTarget | null
  /** Where the loader keeps its read for the next build (none in a draft preview or a stock build). */
  readCache?: ReadCacheOptions
  /**
   * Set when the build was started ahead of its request (./start-gate.ts): the loader waits on it before
   * it reads the CMS.
   */
  start?: () => Promise<void>
  /** The loader hands over what it read; the build plans and starts indexing from it. */
  contentRead(read: CmsRead): Promise<void>
  /** The incremental plan, known once the content was read. */
  planned: PlannedBuild | null
  /** Article bodies, kept out of the content store in this folder (site/lib/article-bodies.ts). */
  bodies?: ArticleBodies
}

/** Where article bodies are kept out of the content store (made by site/lib/article-bodies.ts). */
export interface ArticleBodies {
  put(collection: BodyCollection, slug: string, html: string): void
  get(collection: BodyCollection, slug: string): string | undefined
  /** Closes the files (the build folder is removed afterwards). */
  close(): void
}

const KEY = Symbol.for('minhu.site.build')
type WithContext = typeof globalThis & { [KEY]?: BuildContext }

/** The running build's context, if this process is running `astro build` with the build integration. */
export const buildContext = (): BuildContext | undefined => (globalThis as WithContext)[KEY]

export function setBuildContext(context: BuildContext | undefined): void {
  ;(globalThis as WithContext)[KEY] = context
}

let skip: Set<string> | undefined

/** Whether this build renders the page `collection/slug` (false: it is linked from the previous build). */
export function rendersPage(collection: ArticleCollection, slug: string): boolean {
  const plan = buildContext()?.planned?.plan
  if (!plan || plan.mode === 'full') return true
  skip ??= new Set(plan.skip)
  return !skip.has(`${collection}/${slug}`)
}

/**
 * After an incremental build the search page merges the small delta index and hides the main index's
 * stale entries (site/scripts/search.ts); undefined when there is nothing to merge or hide.
 */
export function searchDelta(): { index: boolean; stale: Record<string, string> } | undefined {
  const plan = buildContext()?.planned?.plan
  if (plan?.index !== 'delta' || (!plan.delta.length && !Object.keys(plan.stale).length)) return undefined
  return { index: plan.delta.length > 0, stale: plan.stale }
}

/**
 * Whether this build renders the listing page `key` (`news/page/3`), made from `data` (everything on it
 * that is not the site's code or settings: its items as shown, its number, the page count). False when
 * the previous build rendered it from the same data: the page is then linked from there like an unchanged
 * article page. Either way the digest goes into this build's manifest, so the next build can compare.
 * Outside an incremental build (or outside a build) every page renders.
 */
export function rendersListing(key: string, data: unknown): boolean {
  const planned = buildContext()?.planned
  if (!planned) return true
  const value = digest(data)
  planned.state.pages[key] = value
  const { plan, previous } = planned
  if (plan.mode === 'full' || previous?.pages[key] !== value) return true
  if (!plan.skip.includes(key)) plan.skip.push(key)
  return false
}
