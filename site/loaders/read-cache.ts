/**
 * The mapped documents of the last CMS read, kept between builds in Astro's cache folder, so a publish
 * reads and maps only what changed instead of every document of the site (at 10,000 news, reading and
 * converting every body took ~6 s of each publish).
 *
 * A document's mapped item is reused when, since it was kept:
 * - the document's `updatedAt` is unchanged (a save, a publish or a scheduled publish sets it), and
 * - none of the documents it showed at depth 1 (a cover picture, a deputy, a station, a linked page or a
 *   picture in the body: `relationsOf`) was changed, removed, hidden from visitors or appeared.
 * Everything the site reads is listed as an anonymous visitor with `updatedAt` only (one light query per
 * collection), so a document that became visible or hidden counts as changed too. The cache is keyed by
 * the code that maps documents and by the database: another version of either starts from nothing.
 */
import fs from 'node:fs'
import path from 'node:path'

/** The collections read whole, in the order of the site's listings. */
export const CACHED_COLLECTIONS = ['news', 'lectures', 'cases', 'deputies', 'stations'] as const
export type CachedCollection = (typeof CACHED_COLLECTIONS)[number]

/** What a mapped item can depend on: the collections above and the media library. */
export const WATCHED_COLLECTIONS = [...CACHED_COLLECTIONS, 'media'] as const
export type WatchedCollection = (typeof WATCHED_COLLECTIONS)[number]

/** One document's mapped item, with the media files it shows and the documents it was made from. */
export interface CachedItem {
  updatedAt: string
  item: unknown
  media: string[]
  /** `collection:id` of every document the item showed or pointed to. */
  relations: string[]
}

/** `id → updatedAt` of every document a visitor may read, per watched collection. */
export type Stamps = Record<WatchedCollection, Record<string, string>>

interface CacheFile {
  version: typeof VERSION
  key: string
  /** Names this file, for the changes kept beside it. */
  id: string
  stamps: Stamps
  items: Record<CachedCollection, Record<string, CachedItem>>
}

/**
 * What changed since the whole read was last written (`CHANGES`): the stamps of this read and only the
 * items that are not the base file's. A publish writes this (a few kB) instead of the whole read (~80 MB
 * of JSON at 10,000 news, ~0.5 s of each publish); the whole read is written again when the changes
 * grow past `REWRITE_SHARE` of it.
 */
interface ChangesFile {
  version: typeof VERSION
  key: string
  /** The `id` of the base file these changes apply to (others are ignored). */
  base: string
  stamps: Stamps
  items: Record<CachedCollection, Record<string, CachedItem>>
}

const VERSION = 2
const FILE = 'cms-read.json'
const CHANGES = 'cms-read.changes.json'
const REWRITE_SHARE = 0.1

/** Where the cache lives and what it is valid for (the mapping code's digest and the database). */
export interface ReadCacheOptions {
  dir: string
  key: string
  /** False: read everything (a full build), and keep the read for the next build. */
  reuse?: boolean
}

/** The kept read: the base file and the changes since, as one. */
interface KeptRead {
  base: CacheFile
  changes: ChangesFile | null
}

export class ReadCache {
  private previous: KeptRead | null
  private readonly changed: Set<string>

  /** Opens the kept read (none when missing, unreadable or kept for another key) against `stamps`. */
  constructor(
    private readonly options: ReadCacheOptions,
    private readonly stamps: Stamps,
  ) {
    this.previous = options.reuse === false ? null : load(options.dir, options.key)
    this.changed = new Set<string>()
    const stampsBefore = this.previous?.changes?.stamps ?? this.previous?.base.stamps
    for (const collection of WATCHED_COLLECTIONS) {
      const before = stampsBefore?.[collection] ?? {}
      const now = stamps[collection]
      for (const [id, at] of Object.entries(now))
        if (before[id] !== at) this.changed.add(`${collection}:${id}`)
      for (const id of Object.keys(before)) if (!(id in now)) this.changed.add(`${collection}:${id}`)
    }
  }

  /** The kept item of `collection` #id, if it is still what a fresh read would give. */
  get(collection: CachedCollection, id: string): CachedItem | undefined {
    const kept = this.previous?.changes?.items[collection]?.[id] ?? this.previous?.base.items[collection][id]
    if (!kept || kept.updatedAt !== this.stamps[collection][id]) return undefined
    if (kept.relations.some((relation) => this.changed.has(relation))) return undefined
    return kept
  }

  /**
   * Keeps this read's items (every document now readable, kept or read again) for the next build: the
   * items that are not the base file's as changes beside it, or everything when those grew too many.
   */
  save(items: Record<CachedCollection, Record<string, CachedItem>>): void {
    fs.mkdirSync(this.options.dir, { recursive: true })
    const base = this.previous?.base
    const changed = {} as Record<CachedCollection, Record<string, CachedItem>>
    let count = 0
    let total = 0
    for (const collection of CACHED_COLLECTIONS) {
      changed[collection] = {}
      for (const [id, item] of Object.entries(items[collection] ?? {})) {
        total++
        if (base?.items[collection][id] === item) continue
        changed[collection][id] = item
        count++
      }
    }
    if (base && count <= total * REWRITE_SHARE) {
      const file: ChangesFile = {
        version: VERSION,
        key: this.options.key,
        base: base.id,
        stamps: this.stamps,
        items: changed,
      }
      writeAtomically(path.join(this.options.dir, CHANGES), JSON.stringify(file))
    } else {
      const id = `${Date.now().toString(36)}-${process.pid}`
      const file: CacheFile = { version: VERSION, key: this.options.key, id, stamps: this.stamps, items }
      writeAtomically(path.join(this.options.dir, FILE), JSON.stringify(file))
      // Changes kept for the old base would be ignored (another id); removed so they are not read.
      fs.rmSync(path.join(this.options.dir, CHANGES), { force: true })
    }
    this.previous = null
  }
}

function writeAtomically(target: string, data: string): void {
  const temporary = `${target}.${process.pid}.tmp`
  fs.writeFileSync(temporary, data)
  fs.renameSync(temporary, target)
}

/** The kept read as parsed ahead by a spare build process, on `globalThis` (the loader is Vite's copy). */
const PRELOADED = Symbol.for('minhu.site.read-cache')
type Preloaded = { file: string; mtimeMs: number; size: number; parsed: unknown }
type WithPreloaded = typeof globalThis & { [PRELOADED]?: Preloaded }

/**
 * Parses the kept read in `dir` now, while a spare build process waits (scripts/lib/astro-build.ts):
 * at 10,000 news it is ~80 MB of JSON, ~1 s to parse, then off the publish's path. The build uses it
 * only if the file is still the one parsed.
 */
export function preloadReadCache(dir: string): void {
  const file = path.join(dir, FILE)
  try {
    const { mtimeMs, size } = fs.statSync(file)
    ;(globalThis as WithPreloaded)[PRELOADED] = {
      file,
      mtimeMs,
      size,
      parsed: JSON.parse(fs.readFileSync(file, 'utf8')),
    }
  } catch {
    // No kept read yet (or unreadable): the build reads everything.
  }
}

function load(dir: string, key: string): KeptRead | null {
  const file = path.join(dir, FILE)
  try {
    const { mtimeMs, size } = fs.statSync(file)
    const preloaded = (globalThis as WithPreloaded)[PRELOADED]
    ;(globalThis as WithPreloaded)[PRELOADED] = undefined
    const base = (
      preloaded?.file === file && preloaded.mtimeMs === mtimeMs && preloaded.size === size
        ? preloaded.parsed
        : JSON.parse(fs.readFileSync(file, 'utf8'))
    ) as CacheFile
    if (base.version !== VERSION || base.key !== key) return null
    return { base, changes: loadChanges(path.join(dir, CHANGES), base) }
  } catch {
    return null
  }
}

function loadChanges(file: string, base: CacheFile): ChangesFile | null {
  try {
    const changes = JSON.parse(fs.readFileSync(file, 'utf8')) as ChangesFile
    return changes.version === base.version && changes.key === base.key && changes.base === base.id
      ? changes
      : null
  } catch {
    return null // none yet, or unreadable: the base alone (its stamps say what changed since)
  }
}

/** The part of a Payload field config this walk reads. */
export interface FieldShape {
  type: string
  name?: string
  relationTo?: string | string[]
  fields?: FieldShape[]
  tabs?: FieldShape[]
  blocks?: { slug: string; fields: FieldShape[] }[]
}

/**
 * `collection:id` of every document `data` (a document read at depth 1, shaped by `fields`) refers to:
 * relationship and upload fields anywhere (groups, rows, tabs, arrays, blocks), populated or not (a
 * reference a visitor may not read stays an id, and must count when that document is published), and the
 * pictures, relationships and internal links inside rich text.
 */
export function relationsOf(fields: FieldShape[], data: unknown, out = new Set<string>()): Set<string> {
  if (!data || typeof data !== 'object') return out
  const record = data as Record<string, unknown>
  for (const field of fields) {
    const value = field.name ? record[field.name] : record
    switch (field.type) {
      case 'relationship':
      case 'upload':
        for (const one of [value].flat()) addRelation(field.relationTo, one, out)
        break
      case 'richText':
        richTextRelations(value, out)
        break
      case 'tabs':
        for (const tab of field.tabs ?? [])
          relationsOf(tab.fields ?? [], tab.name ? record[tab.name] : record, out)
        break
      case 'array':
        for (const row of Array.isArray(value) ? value : []) relationsOf(field.fields ?? [], row, out)
        break
      case 'blocks':
        for (const row of Array.isArray(value) ? value : []) {
          const block = field.blocks?.find((b) => b.slug === (row as { blockType?: string })?.blockType)
          if (block) relationsOf(block.fields, row, out)
        }
        break
      default:
        // Groups (named or not), rows and collapsibles hold fields of their own.
        if (field.fields) relationsOf(field.fields, value, out)
    }
  }
  return out
}

const idOf = (value: unknown): string | undefined => {
  const id = value && typeof value === 'object' ? (value as { id?: unknown }).id : value
  return typeof id === 'number' || typeof id === 'string' ? String(id) : undefined
}

function addRelation(relationTo: string | string[] | undefined, value: unknown, out: Set<string>): void {
  if (value === null || value === undefined) return
  if (Array.isArray(relationTo)) {
    // Polymorphic: { relationTo, value }.
    const { relationTo: to, value: inner } = value as { relationTo?: unknown; value?: unknown }
    const id = idOf(inner)
    if (typeof to === 'string' && id) out.add(`${to}:${id}`)
    return
  }
  const id = idOf(value)
  if (relationTo && id) out.add(`${relationTo}:${id}`)
}

/** Lexical's upload and relationship nodes and internal links all carry `{ relationTo, value }`. */
function richTextRelations(node: unknown, out: Set<string>): void {
  if (!node || typeof node !== 'object') return
  if (Array.isArray(node)) {
    for (const child of node) richTextRelations(child, out)
    return
  }
  const record = node as Record<string, unknown>
  const relation = typeof record.relationTo === 'string' && 'value' in record
  if (relation) {
    const id = idOf(record.value)
    if (id) out.add(`${record.relationTo}:${id}`)
  }
  // A relation's value is the document it shows (its own references are not populated at depth 1).
  for (const [key, child] of Object.entries(record))
    if (!(relation && key === 'value')) richTextRelations(child, out)
}
