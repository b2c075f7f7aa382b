import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  CollectionBeforeValidateHook,
  PayloadRequest,
} from 'payload'
import { ValidationError } from 'payload'

import {
  documentPath,
  isPageCollection,
  normalisePath,
  normaliseTarget,
  RedirectPathError,
  sectionPath,
} from '../../vocabulary/redirects.ts'
import { mainRow } from '../lib/main-row.ts'

/**
 * Redirects follow the pages (collection `redirects`, cms/collections/Redirects.ts):
 *
 *   a shown page's 链接名 changes        → old address → new address
 *   a shown page leaves the site          → its address → its section's list (trash, 撤下, delete)
 *   a page is shown at an address again   → the redirect from that address is removed
 *
 * "Shown" is what the site builds from: the published main row, not in the trash. Every new target also
 * re-points the redirects that led to the old address, so a visitor never follows a chain, and a redirect
 * that would lead to itself is dropped.
 */

type Row = { id: number | string; from: string; to: string; kind?: string }

const fail = (path: string, message: string) => new ValidationError({ errors: [{ path, message }] })

/** Normalises `from` and `to` of a redirect an editor (or a hook) saves, and refuses loops. */
export const checkRedirect: CollectionBeforeValidateHook = async ({ data, originalDoc, operation, req }) => {
  if (!data) return data
  for (const field of ['from', 'to'] as const) {
    const value = data[field] ?? originalDoc?.[field]
    if (typeof value !== 'string' || !value.trim()) continue
    try {
      data[field] = field === 'from' ? normalisePath(value) : normaliseTarget(value)
    } catch (error) {
      if (error instanceof RedirectPathError) throw fail(field, error.message)
      throw error
    }
  }
  if (data.from && data.from === data.to) throw fail('to', '跳转到的网址不能与旧网址相同。')
  if (typeof data.to === 'string' && data.to.startsWith('/') && !req.context?.redirectsInternal) {
    // Follow a redirect from the target (one step: rows never form chains), so this one is direct.
    const next = await rowFrom(req, data.to)
    if (next) {
      if (next.to === data.from) throw fail('to', `${data.to} 已经跳转回 ${data.from}，这样会形成循环。`)
      data.to = next.to
    }
  }
  if (operation === 'create') {
    data.kind ??= 'manual'
    if (req.user && !data.createdBy) data.createdBy = req.user.id
  }
  return data
}

/** After an editor's redirect X → Y: redirects that led to X now lead to Y (no chains; one that would loop goes). */
export const repointChains: CollectionAfterChangeHook = async ({ doc, req }) => {
  if (req.context?.redirectsInternal) return doc
  await repoint(req, doc.from as string, doc.to as string)
  return doc
}

async function repoint(req: PayloadRequest, from: string, to: string): Promise<void> {
  const { docs: leading } = await req.payload.find({
    collection: 'redirects',
    where: { to: { equals: from } },
    limit: 0,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  internal(req)
  for (const row of leading as Row[]) {
    if (row.from === to)
      await req.payload.delete({ collection: 'redirects', id: row.id, overrideAccess: true, req })
    else
      await req.payload.update({
        collection: 'redirects',
        id: row.id,
        data: { to },
        overrideAccess: true,
        req,
      })
  }
}

async function rowFrom(req: PayloadRequest, from: string): Promise<Row | undefined> {
  const { docs } = await req.payload.find({
    collection: 'redirects',
    where: { from: { equals: from } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return docs[0] as Row | undefined
}

const internal = (req: PayloadRequest) => {
  req.context = { ...req.context, redirectsInternal: true }
  return req
}

/** Records `from` → `to` (automatic), re-pointing redirects that led to `from` and dropping loops. */
export async function addRedirect(
  req: PayloadRequest,
  redirect: { from: string; to: string; reason: string; document?: string },
): Promise<void> {
  const { from, to } = redirect
  if (from === to) return removeRedirectFrom(req, from)
  await repoint(req, from, to)
  // The page at `to` exists: nothing may redirect away from it.
  if (to.startsWith('/')) await removeRedirectFrom(req, to)
  const existing = await rowFrom(req, from)
  const data = { from, to, kind: 'auto' as const, reason: redirect.reason, document: redirect.document }
  if (existing)
    await req.payload.update({ collection: 'redirects', id: existing.id, data, overrideAccess: true, req })
  else await req.payload.create({ collection: 'redirects', data, overrideAccess: true, req })
}

/** A page is shown at `path` (again): a redirect from there would hide it. */
export async function removeRedirectFrom(req: PayloadRequest, path: string): Promise<void> {
  internal(req)
  await req.payload.delete({
    collection: 'redirects',
    where: { from: { equals: path } },
    overrideAccess: true,
    req,
  })
}

/** Where the site shows a document now, or undefined: its published main row, not in the trash. */
async function shownPath(req: PayloadRequest, collection: string, id: number | string) {
  if (!isPageCollection(collection)) return undefined
  const doc = (await mainRow(req, collection, id, { trash: true })) as {
    slug?: string | null
    _status?: string
    deletedAt?: string | null
  } | null
  if (!doc?.slug || doc.deletedAt) return undefined
  if (doc._status !== undefined && doc._status !== 'published') return undefined
  return documentPath(collection, doc.slug)
}

/** Where the document was shown when its update began, by `collection:id` (see requestRebuild.ts). */
const before = new Map<string, string | undefined>()
const key = (collection: string, id: unknown) => `${collection}:${String(id)}`

export const rememberPath: CollectionBeforeChangeHook = async ({
  collection,
  operation,
  originalDoc,
  req,
  data,
}) => {
  if (operation === 'update' && originalDoc?.id !== undefined && !req.context?.seed)
    before.set(key(collection.slug, originalDoc.id), await shownPath(req, collection.slug, originalDoc.id))
  return data
}

export const followPath: CollectionAfterChangeHook = async ({ collection, doc, operation, req }) => {
  if (req.context?.seed || !isPageCollection(collection.slug)) return doc
  const k = key(collection.slug, doc.id)
  const was = operation === 'update' ? before.get(k) : undefined
  before.delete(k)
  const now = await shownPath(req, collection.slug, doc.id)
  const title = (doc as { title?: string; name?: string }).title ?? (doc as { name?: string }).name ?? ''
  const document = k
  if (was && was !== now) {
    const reason = now
      ? `链接名修改：《${title}》`
      : (doc as { deletedAt?: string }).deletedAt
        ? `移入回收站：《${title}》`
        : `撤下：《${title}》`
    await addRedirect(req, { from: was, to: now ?? sectionPath(collection.slug), reason, document })
  } else if (now) await removeRedirectFrom(req, now)
  return doc
}

export const redirectAfterDelete: CollectionAfterDeleteHook = async ({ collection, doc, req }) => {
  if (req.context?.seed || !isPageCollection(collection.slug)) return doc
  const d = doc as {
    slug?: string
    _status?: string
    deletedAt?: string | null
    title?: string
    name?: string
  }
  if (!d?.slug || d.deletedAt || (d._status !== undefined && d._status !== 'published')) return doc
  await addRedirect(req, {
    from: documentPath(collection.slug, d.slug),
    to: sectionPath(collection.slug),
    reason: `删除：《${d.title ?? d.name ?? ''}》`,
    document: key(collection.slug, doc.id),
  })
  return doc
}
