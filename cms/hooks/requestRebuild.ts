import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  GlobalAfterChangeHook,
  PayloadRequest,
  SanitizedCollectionConfig,
} from 'payload'

import { requestRebuild } from '../builds/queue.ts'
import { mainRowPublished } from '../lib/main-row.ts'

/**
 * Publishing asks for a site rebuild by writing a request to the database (cms/builds/queue.ts), in the
 * transaction of the change; the elected builder (scripts/site-builder.ts) waits for a quiet moment (a
 * burst of publishes makes one build) and swaps the new site in only when the build succeeded.
 */

/** The document's title as the admin shows it (its `useAsTitle` field), for the build log. */
function titleOf(collection: SanitizedCollectionConfig, doc: Record<string, unknown> | undefined) {
  const value = doc?.[collection.admin?.useAsTitle ?? 'id']
  return typeof value === 'string' && value.trim() ? value.trim() : undefined
}

const who = (req: PayloadRequest) => (req.user as { email?: string } | null)?.email

/**
 * Whether the site showed a document when its update began, by `collection:id`; set before the change,
 * read (and dropped) after it. (Payload hands each hook its own copy of req.context.)
 */
const shownBefore = new Map<string, boolean>()
const key = (collection: string, id: unknown) => `${collection}:${String(id)}`

/**
 * Before an update of a document with drafts, remembers whether the site shows it now (its main row is
 * published): the version history cannot tell, since a pending draft may sit on top of it.
 */
export const rememberPublished: CollectionBeforeChangeHook = async ({
  collection,
  operation,
  originalDoc,
  req,
  data,
}) => {
  if (
    operation === 'update' &&
    collection.versions?.drafts &&
    originalDoc?.id !== undefined &&
    !req.context?.seed
  ) {
    shownBefore.set(
      key(collection.slug, originalDoc.id),
      await mainRowPublished(req, collection.slug, originalDoc.id),
    )
  }
  return data
}

/**
 * What the public site shows changed: a published document was created, edited or unpublished. Saving a
 * draft — also a new draft on top of a published document — changes nothing on the site.
 */
export const rebuildAfterChange: CollectionAfterChangeHook = async ({
  doc,
  collection,
  operation,
  previousDoc,
  req,
}) => {
  if (req.context?.seed) return doc
  const ask = (op: 'create' | 'publish' | 'update' | 'unpublish' | 'delete') =>
    requestRebuild(req, {
      source: collection.slug,
      docId: doc.id,
      title: titleOf(collection, doc),
      operation: op,
      by: who(req),
    })
  // 回收站: moving to the trash is an update setting `deletedAt` (the site drops the document: logged as a
  // delete), restoring one clearing it (back on the site if it is published).
  const trashed = Boolean(doc.deletedAt) && !previousDoc?.deletedAt
  const restored = !doc.deletedAt && Boolean(previousDoc?.deletedAt)
  if (trashed) {
    const wasShown = !collection.versions?.drafts || shownBefore.get(key(collection.slug, doc.id)) === true
    shownBefore.delete(key(collection.slug, doc.id))
    if (wasShown) await ask('delete')
    return doc
  }
  if (Boolean(doc.deletedAt) && !restored) return doc // an edit in the trash: not on the site
  if (!collection.versions?.drafts) {
    await ask(restored ? 'publish' : operation)
    return doc
  }
  if (doc._status === 'published') {
    // Shown before: an edit of a published page; otherwise this put it on the site.
    const wasShown = operation === 'update' && shownBefore.get(key(collection.slug, doc.id)) === true
    shownBefore.delete(key(collection.slug, doc.id))
    await ask(wasShown ? 'update' : 'publish')
    return doc
  }
  // A draft: the site changes only if this unpublished the document (shown before, not any more).
  const wasPublished = shownBefore.get(key(collection.slug, doc.id)) === true
  shownBefore.delete(key(collection.slug, doc.id))
  if (wasPublished && !(await mainRowPublished(req, collection.slug, doc.id))) await ask('unpublish')
  return doc
}

export const rebuildAfterDelete: CollectionAfterDeleteHook = async ({ doc, collection, req }) => {
  if (req.context?.seed) return doc
  // Deleted for good from the trash: the site dropped it when it was trashed.
  if (doc?.deletedAt) return doc
  if (collection.versions?.drafts && doc?._status !== 'published') return doc
  await requestRebuild(req, {
    source: collection.slug,
    docId: doc?.id,
    title: titleOf(collection, doc),
    operation: 'delete',
    by: who(req),
  })
  return doc
}

export const rebuildAfterGlobalChange: GlobalAfterChangeHook = async ({ doc, global, req }) => {
  if (!req.context?.seed)
    await requestRebuild(req, { source: global.slug, operation: 'update', by: who(req) })
  return doc
}
