import fs from 'node:fs'
import path from 'node:path'

import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  CollectionSlug,
  GlobalAfterChangeHook,
  PayloadRequest,
} from 'payload'

import { dataDir } from '../paths.ts'

/**
 * Publishing asks for a site rebuild by appending a line to data/rebuild-requests.jsonl; the rebuild
 * worker started by `npm start` watches that file, waits for a quiet moment (a burst of publishes makes
 * one build) and swaps the new site in only when the build succeeded.
 */
export const rebuildRequestsFile = () => path.join(dataDir(), 'rebuild-requests.jsonl')

export interface RebuildRequest {
  at: string
  collection: string
  id?: number | string
  operation: 'create' | 'update' | 'delete' | 'unpublish'
  by?: string
}

export function requestRebuild(request: Omit<RebuildRequest, 'at'>): void {
  fs.mkdirSync(dataDir(), { recursive: true })
  fs.appendFileSync(
    rebuildRequestsFile(),
    JSON.stringify({ at: new Date().toISOString(), ...request }) + '\n',
  )
}

const who = (req: PayloadRequest) => (req.user as { email?: string } | null)?.email

/**
 * Whether the site showed a document when its update began, by `collection:id`; set before the change,
 * read (and dropped) after it. (Payload hands each hook its own copy of req.context.)
 */
const shownBefore = new Map<string, boolean>()
const key = (collection: string, id: unknown) => `${collection}:${String(id)}`

async function mainRowPublished(
  req: PayloadRequest,
  collection: string,
  id: number | string,
): Promise<boolean> {
  const doc = await req.payload.findByID({
    collection: collection as CollectionSlug,
    id,
    draft: false,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  return (doc as { _status?: string } | null)?._status === 'published'
}

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
export const rebuildAfterChange: CollectionAfterChangeHook = async ({ doc, collection, operation, req }) => {
  if (req.context?.seed) return doc
  if (!collection.versions?.drafts) {
    requestRebuild({ collection: collection.slug, id: doc.id, operation, by: who(req) })
    return doc
  }
  if (doc._status === 'published') {
    shownBefore.delete(key(collection.slug, doc.id))
    requestRebuild({ collection: collection.slug, id: doc.id, operation, by: who(req) })
    return doc
  }
  // A draft: the site changes only if this unpublished the document (shown before, not any more).
  const wasPublished = shownBefore.get(key(collection.slug, doc.id)) === true
  shownBefore.delete(key(collection.slug, doc.id))
  if (wasPublished && !(await mainRowPublished(req, collection.slug, doc.id))) {
    requestRebuild({ collection: collection.slug, id: doc.id, operation: 'unpublish', by: who(req) })
  }
  return doc
}

export const rebuildAfterDelete: CollectionAfterDeleteHook = ({ doc, collection, req }) => {
  if (req.context?.seed) return doc
  if (collection.versions?.drafts && doc?._status !== 'published') return doc
  requestRebuild({ collection: collection.slug, id: doc?.id, operation: 'delete', by: who(req) })
  return doc
}

export const rebuildAfterGlobalChange: GlobalAfterChangeHook = ({ doc, global, req }) => {
  if (!req.context?.seed) requestRebuild({ collection: global.slug, operation: 'update', by: who(req) })
  return doc
}
