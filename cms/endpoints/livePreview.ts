/**
 * The data behind the admin's Live Preview pane (issue 15): POST /api/live-preview/:collection/:id.
 *
 * The pane is an iframe with the site's /preview/ page, on the site's origin (SITE_URL). The admin sends it
 * the form as it is being edited (postMessage); the page sends that back here to have its relationships
 * populated, with the editor's login cookie, and renders what it gets: the document as Payload's REST
 * findByID returns it (deputies, station, pictures and rich-text uploads as objects), the sent data in place
 * of the stored document. Body: `{ data: {...}, depth?: 0–2 (1), locale?: string }`. `:id` may be left out
 * (or be `undefined`) for a document not saved yet.
 *
 * Read-only, staff only, and the only API route that counts a login from the site's origin: see
 * `authenticate` and docs/decisions.md ("Live preview across origins").
 */
import { findByIDOperation, type Payload, type PayloadHandler, type PayloadRequest } from 'payload'

import { isStaffRequest } from '../access/index.ts'
import { siteUrl } from '../site-url.ts'

export const LIVE_PREVIEW_COLLECTIONS = ['news', 'lectures', 'cases', 'deputies', 'stations'] as const
type LivePreviewCollection = (typeof LIVE_PREVIEW_COLLECTIONS)[number]

/** Relationships of relationships at most: the preview pages show nothing deeper. */
const MAX_DEPTH = 2
const DEFAULT_DEPTH = 1

/** The site's origin: the only other origin the endpoint answers (and lets read the answer). */
export const siteOrigin = (): string => new URL(siteUrl()).origin

/**
 * The CORS headers for a request from the site's origin; none for anyone else. Methods and headers are
 * named on every answer, not only the preflight's, or Payload would add its defaults (all methods).
 */
export function livePreviewCors(origin: string | null): Record<string, string> {
  if (origin !== siteOrigin()) return { vary: 'Origin' }
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
    'access-control-allow-methods': 'POST',
    'access-control-allow-headers': 'Content-Type',
    vary: 'Origin',
  }
}

/**
 * The answer to the browser's preflight (OPTIONS): allowed from the site's origin only. The gate
 * (cms/security/guard.ts) refuses every other origin with 403 before this runs.
 */
export function livePreviewPreflight(origin: string | null): Response {
  if (origin !== siteOrigin()) return json(403, { errors: [{ message: 'Origin not allowed' }] }, origin)
  return new Response(null, {
    status: 204,
    headers: {
      ...livePreviewCors(origin),
      'access-control-max-age': '600',
      'cache-control': 'no-store',
    },
  })
}

const json = (status: number, body: unknown, origin: string | null) =>
  Response.json(body, {
    status,
    headers: { ...livePreviewCors(origin), 'cache-control': 'no-store', 'x-robots-tag': 'noindex' },
  })

const refuse = (status: number, message: string, origin: string | null) =>
  json(status, { errors: [{ message }] }, origin)

/**
 * The logged-in user behind the request. Payload has already authenticated it (`req.user`), but it ignores
 * the `payload-token` cookie when the request's Origin is not one of `csrf` (payload's extractJWT), and the
 * site's origin deliberately is not: in `csrf` it would make the cookie count on every route, so any
 * script on the public site could act as the logged-in editor (write, publish, manage users). Here, and
 * only here, a request whose Origin is exactly the site's is authenticated once more with its headers
 * minus the Origin (marked same-origin, which is what the check of the Origin above established): the
 * route only reads, answers only staff, and its answer is readable only by the site's origin (CORS).
 * Every other Origin was refused by the gate and by the handler; no Origin at all is Payload's own case.
 */
async function authenticate(req: PayloadRequest, origin: string | null): Promise<PayloadRequest['user']> {
  if (origin !== siteOrigin()) return req.user
  const headers = new Headers(req.headers)
  headers.delete('origin')
  headers.set('sec-fetch-site', 'same-origin')
  const { user } = await req.payload.auth({ headers })
  return user
}

/**
 * An id no document has, for a document not saved yet: findByID reads a stored document by id before it
 * puts `data` in its place (SQLite ids start at 1; MongoDB never generates the all-zero ObjectId).
 */
const unsavedId = (payload: Payload): number | string =>
  payload.db.defaultIDType === 'number' ? 0 : '000000000000000000000000'

/** A collection's operations with its drafts switched off (see the handler for why). */
function withoutDraftReplacement(payload: Payload, slug: LivePreviewCollection) {
  const collection = payload.collections[slug]
  return { ...collection, config: { ...collection.config, versions: undefined as never } }
}

function parseDepth(value: unknown): number | undefined {
  if (value === undefined || value === null) return DEFAULT_DEPTH
  const depth = typeof value === 'string' && value.trim() !== '' ? Number(value) : value
  if (typeof depth !== 'number' || !Number.isInteger(depth) || depth < 0) return undefined
  return Math.min(depth, MAX_DEPTH)
}

export const livePreviewEndpoint: PayloadHandler = async (req) => {
  const origin = req.headers.get('origin')
  // Belt and braces: the gate already refused these (a POST from any origin but the admin's and the site's).
  if (origin && origin !== siteOrigin() && !req.payload.config.csrf.includes(origin))
    return refuse(403, 'Origin not allowed', origin)

  const collection = req.routeParams?.collection as LivePreviewCollection
  if (!LIVE_PREVIEW_COLLECTIONS.includes(collection))
    return refuse(404, `No live preview for "${String(collection)}"`, origin)

  const user = await authenticate(req, origin)
  if (!isStaffRequest({ ...req, user } as PayloadRequest))
    return refuse(401, 'Log in to the CMS to preview', origin)
  req.user = user

  let body: unknown
  try {
    body = JSON.parse((await req.text!()) || 'null')
  } catch (error) {
    // A body over the limit fails its reader: the gate answers 413 for it.
    if (error instanceof Error && error.name === 'BodyTooLargeError') throw error
    return refuse(400, 'Body is not valid JSON', origin)
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    return refuse(400, 'Body must be a JSON object: { data, depth }', origin)
  const { data, depth: depthArg } = body as { data?: unknown; depth?: unknown }
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return refuse(400, '`data` must be the document as an object', origin)
  const sent = data as Record<string, unknown>
  const depth = parseDepth(depthArg)
  if (depth === undefined) return refuse(400, '`depth` must be a whole number from 0 to 2', origin)

  const rawId = (req.routeParams?.id as string | undefined) ?? ''
  const id = rawId === '' || rawId === 'undefined' || rawId === 'null' ? undefined : rawId

  let storedId: number | string | undefined
  if (id !== undefined) {
    // The document must exist and be readable by this editor; its stored content is not used.
    const stored = await req.payload
      .findByID({
        collection,
        id,
        depth: 0,
        draft: true,
        overrideAccess: false,
        user,
        disableErrors: true,
      })
      .catch(() => null)
    if (!stored) return refuse(404, `No ${collection} document with id "${id}"`, origin)
    storedId = stored.id
  }

  try {
    // Payload's findByID with `data`: the sent data take the stored document's place and go through
    // afterRead (relationships, uploads, rich text populated to `depth`, access checked for `user`), as
    // they do for Payload's own live preview (REST findByID). With `draft: true` Payload would afterwards
    // swap the sent data for the latest stored draft (replaceWithDraftIfAvailable): the operation gets
    // the collection with its drafts switched off, while `draft: true` still reads related drafts.
    const doc = await findByIDOperation({
      collection: withoutDraftReplacement(req.payload, collection),
      id: storedId ?? unsavedId(req.payload),
      data: storedId === undefined ? sent : { ...sent, id: storedId },
      depth,
      draft: true,
      overrideAccess: false,
      showHiddenFields: false,
      req,
    })
    return json(200, doc, origin)
  } catch (error) {
    const status = (error as { status?: number }).status
    if (typeof status === 'number' && status >= 400 && status < 500)
      return refuse(status, (error as Error).message, origin)
    // Data the fields cannot read (a string where a list belongs …) are the sender's mistake, not a crash.
    req.payload.logger.warn(`live preview of ${collection}: ${(error as Error).message}`)
    return refuse(422, 'The data could not be read as this collection’s document', origin)
  }
}
