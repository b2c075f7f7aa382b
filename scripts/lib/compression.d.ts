/**
 * The part of expressjs's `compression` the site server uses, typed for plain node:http (the package ships
 * no types; @types/compression types it against Express's Request and Response, which this project lacks).
 */
declare module 'compression' {
  import type { IncomingMessage, ServerResponse } from 'node:http'

  export default function compression(options?: {
    /** Bytes below which a response is sent as is (default 1 kB). */
    threshold?: number | string
    level?: number
  }): (req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void) => void
}
