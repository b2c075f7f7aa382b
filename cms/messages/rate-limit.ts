/**
 * In-memory sliding-window limits for the public message endpoints. One CMS process keeps them; a
 * restart forgets them (duplicates are also caught in the database, see the submit endpoint).
 */
import { isIPv6 } from 'node:net'

export interface Limit {
  max: number
  windowMs: number
}

const UNITS: Record<string, number> = { s: 1000, m: 60_000, min: 60_000, h: 3_600_000, d: 86_400_000 }

/** Parses `5/1h`, `3/24h`, `100/10m`; throws one line naming the variable for anything else. */
export function parseLimit(name: string, value: string | undefined, fallback: string): Limit {
  const text = (value ?? fallback).trim()
  const m = /^(\d+)\s*\/\s*(\d+)\s*(s|m|min|h|d)$/.exec(text)
  if (!m || Number(m[1]) < 1 || Number(m[2]) < 1)
    throw new Error(`${name}: "${text}" is not a limit like 5/1h (count/duration with s, m, h or d)`)
  return { max: Number(m[1]), windowMs: Number(m[2]) * UNITS[m[3]] }
}

export class SlidingWindow {
  private hits = new Map<string, number[]>()
  constructor(readonly limit: Limit) {}

  /** Recent hits of `key` within the window (dropping older ones). */
  private recent(key: string, now: number): number[] {
    const list = (this.hits.get(key) ?? []).filter((t) => now - t < this.limit.windowMs)
    if (list.length) this.hits.set(key, list)
    else this.hits.delete(key)
    return list
  }

  /** Whether one more hit of `key` is allowed now (does not record it). */
  allows(key: string, now = Date.now()): boolean {
    return this.recent(key, now).length < this.limit.max
  }

  /** Milliseconds until `key` may try again (0 when allowed). */
  retryAfter(key: string, now = Date.now()): number {
    const list = this.recent(key, now)
    if (list.length < this.limit.max) return 0
    return list[list.length - this.limit.max] + this.limit.windowMs - now
  }

  /** Records one hit of `key`; returns its time, for `release`. */
  hit(key: string, now = Date.now()): number {
    // Only the last `max` hits decide allows/retryAfter; keeping no more bounds a key that is hit past
    // its limit (the overall window, which no longer refuses) to `max` entries.
    this.hits.set(key, [...this.recent(key, now), now].slice(-this.limit.max))
    // Keep memory bounded under a flood of distinct keys.
    if (this.hits.size > 50_000) this.hits.delete(this.hits.keys().next().value!)
    return now
  }

  /** Takes back the hit of `key` recorded at `at` (a slot reserved for something that did not happen). */
  release(key: string, at: number): void {
    const list = this.hits.get(key)
    const i = list?.lastIndexOf(at) ?? -1
    if (!list || i < 0) return
    list.splice(i, 1)
    if (!list.length) this.hits.delete(key)
  }

  reset(): void {
    this.hits.clear()
  }
}

/**
 * The key a client address is limited by. An IPv6 client usually holds a whole /64 (often more), so
 * counting each of its addresses apart would let one client claim 2^64 keys; IPv4-mapped addresses
 * count as the IPv4 address they are.
 */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip)
  if (mapped) return mapped[1]
  if (!isIPv6(ip)) return ip
  // A dotted IPv4 tail is two groups; expand it so `::` fills the right number of zero groups.
  const text = ip
    .toLowerCase()
    .replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_, a, b, c, d) =>
      [((+a << 8) | +b).toString(16), ((+c << 8) | +d).toString(16)].join(':'),
    )
  const [head, tail] = text.split('::')
  const left = head ? head.split(':') : []
  const right = tail === undefined ? [] : tail ? tail.split(':') : []
  const groups =
    tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
  return `${groups
    .slice(0, 4)
    .map((g) => parseInt(g, 16).toString(16))
    .join(':')}::/64`
}

/** Human wait time in Chinese: 约 3 分钟 / 约 2 小时. */
export function waitText(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000))
  return minutes < 90 ? `约 ${minutes} 分钟` : `约 ${Math.ceil(minutes / 60)} 小时`
}
