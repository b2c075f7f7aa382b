/**
 * The part of autocannon (9.x, which ships no types) that bench/load.ts uses. @types/autocannon describes
 * 7.x; this is the subset the load benchmark relies on, checked against autocannon's README and lib/.
 */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events'

  export interface Request {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string | Buffer
    /** Called for every request this client sends; returns the request to send. */
    setupRequest?: (request: Request, context: Record<string, unknown>) => Request
    onResponse?: (status: number, body: string, context: Record<string, unknown>) => void
  }

  /** One connection. */
  export interface Client extends EventEmitter {
    setRequests: (requests: Request[]) => void
  }

  export interface Histogram {
    average: number
    mean: number
    min: number
    max: number
    total: number
    p50: number
    p90: number
    p99: number
  }

  export interface Result {
    duration: number
    connections: number
    requests: Histogram & { sent: number }
    latency: Histogram
    throughput: Histogram
    errors: number
    timeouts: number
    non2xx: number
    '1xx': number
    '2xx': number
    '3xx': number
    '4xx': number
    '5xx': number
    statusCodeStats: Record<string, { count: number }>
  }

  export interface Options {
    url: string
    connections?: number
    /** Seconds. */
    duration?: number
    /** Requests in all (spread over the connections); takes precedence over duration. */
    amount?: number
    /** Seconds to wait for each answer. */
    timeout?: number
    method?: string
    headers?: Record<string, string>
    body?: string
    requests?: Request[]
    setupClient?: (client: Client) => void
  }

  export interface Instance extends EventEmitter, PromiseLike<Result> {
    stop: () => void
  }

  export default function autocannon(options: Options): Instance
}
