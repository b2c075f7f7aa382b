import type { CollectionSlug, PayloadRequest } from 'payload'

/**
 * The main row of a document: what the site shows (a document with drafts keeps newer drafts in its
 * versions). Read without access checks inside the request's transaction; null when there is none.
 * `trash: true` finds it in the trash too (otherwise a trashed document reads as missing).
 */
export async function mainRow(
  req: PayloadRequest,
  collection: string,
  id: number | string,
  options: { trash?: boolean } = {},
): Promise<Record<string, unknown> | null> {
  const doc = await req.payload.findByID({
    collection: collection as CollectionSlug,
    id,
    draft: false,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    trash: options.trash ?? false,
    req,
  })
  return (doc as Record<string, unknown> | null) ?? null
}

/** Whether the main row is published (the site shows the document, unless it is in the trash). */
export async function mainRowPublished(
  req: PayloadRequest,
  collection: string,
  id: number | string,
  options: { trash?: boolean } = {},
): Promise<boolean> {
  return (await mainRow(req, collection, id, options))?._status === 'published'
}
