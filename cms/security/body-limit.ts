/**
 * How many bytes of a request body each API route may send, and a body stream that stops at that limit.
 *
 * The limit is checked twice: against Content-Length before anything is read, and while streaming (a
 * chunked body has no length). When the stream passes the limit it fails for its reader (Payload's form
 * parser) without reading further, so memory never holds more than the limit; the route then answers 413.
 */
import { MAX_VIDEO_BYTES } from '../collections/Media.ts'
import { LIMITS as MESSAGE_LIMITS } from '../../vocabulary/messages/validate.ts'

const KB = 1024
const MB = 1024 * KB

/** Collections whose create/update take a file upload (staff only). */
const UPLOAD_COLLECTIONS = ['media', 'message-photos']

export interface BodyRule {
  limit: number
  /** The limit applies only to logged-in staff; anyone else gets `DEFAULT_LIMIT`. */
  staffOnly?: boolean
}

/** Anything not listed: logins, JSON documents from the admin (rich text included), searches. */
const DEFAULT_LIMIT = 2 * MB

/** The body rule for an API path (without the `/api` prefix, e.g. `/messages/submit`). */
export function bodyRuleFor(method: string, apiPath: string): BodyRule {
  const m = method.toUpperCase()
  if (m === 'GET' || m === 'HEAD') return { limit: 0 }
  // The resident's form: the text plus up to three photos, and room for the multipart framing.
  if (apiPath === '/messages/submit')
    return { limit: MESSAGE_LIMITS.photosMax * MESSAGE_LIMITS.photoBytes + MB }
  if (apiPath === '/messages/rate') return { limit: 16 * KB }
  // An opinion: at most 2,000 characters (up to 4 bytes each, percent-encoded 12) and a few short fields.
  if (apiPath === '/opinions/submit') return { limit: 64 * KB }
  // A booking or a cancellation: a few short fields (the issue at most 500 characters).
  if (apiPath === '/bookings/submit' || apiPath === '/bookings/cancel') return { limit: 16 * KB }
  const [, collection, rest] = /^\/([^/]+)(\/.*)?$/.exec(apiPath) ?? []
  if (UPLOAD_COLLECTIONS.includes(collection) && !rest?.startsWith('/versions'))
    return { limit: MAX_VIDEO_BYTES + MB, staffOnly: true }
  // The sheet (≤ 5 MB) and the photos sent with it (≤ 50 MB together, cms/import/endpoint.ts).
  if (apiPath === '/deputies/import') return { limit: 60 * MB, staffOnly: true }
  // The Live Preview pane's form data (cms/endpoints/livePreview.ts): a long article's rich text fits.
  if (/^\/live-preview(\/|$)/.test(apiPath)) return { limit: MB }
  return { limit: DEFAULT_LIMIT }
}

export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError'
  constructor(readonly limit: number) {
    super(`request body larger than ${formatBytes(limit)}`)
  }
}

export function formatBytes(bytes: number): string {
  return bytes >= MB ? `${Math.round(bytes / MB)} MB` : `${Math.round(bytes / KB)} kB`
}

/**
 * Wraps `body` so that reading past `limit` bytes fails with BodyTooLargeError. The source is pulled
 * only as fast as the reader reads, and is left unread (not cancelled) after the limit: cancelling would
 * tear down the connection before the 413 answer reaches the client; Node discards the rest instead.
 */
export function limitedBody(
  body: ReadableStream<Uint8Array>,
  limit: number,
  /** Sees every byte that passes, and the end (the gate's multipart check). */
  observer?: { write: (chunk: Uint8Array) => void; end: () => void },
): { stream: ReadableStream<Uint8Array>; exceeded: () => boolean } {
  const reader = body.getReader()
  let read = 0
  let over = false
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read()
      if (done) {
        observer?.end()
        return controller.close()
      }
      read += value.byteLength
      if (read > limit) {
        over = true
        reader.releaseLock()
        return controller.error(new BodyTooLargeError(limit))
      }
      observer?.write(value)
      controller.enqueue(value)
    },
    cancel(reason) {
      return reader.cancel(reason)
    },
  })
  return { stream, exceeded: () => over }
}
