/**
 * Sliding-window limits for the public message endpoints, kept in the database (the `rate-slots`
 * collection), so several CMS processes share one count and a restart forgets nothing.
 */
import { createHash } from 'node:crypto'
import { isIPv6 } from 'node:net'

import type { Payload } from 'payload'

import { refusedAsTaken } from '../lib/unique.ts'

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

export type Taken = { ok: true; release: () => Promise<void> } | { ok: false; retryAfterMs: number }

const COLLECTION = 'rate-slots'
/** How often a process clears every key's expired places (each take clears its own key's). */
const SWEEP_MS = 10 * 60_000
let lastSweep = 0

/**
 * A sliding-window limit whose state is in the database, so every CMS process behind a load balancer
 * shares one count. A hit takes one of `max` places named `<key>#0` … `<key>#max-1`; a place is free when
 * nobody holds it or its hit left the window. Creating the place's document is the claim, and the unique
 * index on its name lets exactly one of two processes claiming it at once succeed, on SQLite and MongoDB
 * alike. So no window ever holds more than `max` hits, however the requests are spread.
 */
export class SharedWindow {
  constructor(
    /** Part of every key, so two limits never share places. */
    readonly name: string,
    readonly limit: Limit,
  ) {}

  private keyOf(key: string): string {
    return createHash('sha256').update(`${this.name}\0${key}`).digest('base64url').slice(0, 24)
  }

  /** Takes a place for one hit of `key` now, or says how long until one is free. */
  async take(payload: Payload, key: string, now = Date.now()): Promise<Taken> {
    const hashed = this.keyOf(key)
    const { max, windowMs } = this.limit
    await sweepExpired(payload, now)
    const { docs } = await payload.find({
      collection: COLLECTION,
      where: { key: { equals: hashed } },
      overrideAccess: true,
      depth: 0,
      limit: 0,
      pagination: false,
    })
    const live = docs.filter((d) => d.expiresAt > now)
    if (live.length >= max) return { ok: false, retryAfterMs: retryAfter(live, now) }
    if (live.length < docs.length)
      await payload.db.deleteMany({
        collection: COLLECTION,
        where: { and: [{ key: { equals: hashed } }, { expiresAt: { less_than_equal: now } }] },
      })
    const held = new Set(live.map((d) => d.slot))
    for (let n = 0; n < max; n++) {
      const slot = `${hashed}#${n}`
      if (held.has(slot)) continue
      try {
        const doc = await payload.create({
          collection: COLLECTION,
          data: { slot, limit: this.name, key: hashed, at: now, expiresAt: now + windowMs },
          overrideAccess: true,
          depth: 0,
        })
        return {
          ok: true,
          release: () =>
            payload
              .delete({ collection: COLLECTION, id: doc.id, overrideAccess: true })
              .then(() => undefined),
        }
      } catch (error) {
        if (!refusedAsTaken(error, 'slot')) throw error
        // Another request (in this process or another) claimed this place a moment ago: try the next.
      }
    }
    const { docs: holders } = await payload.find({
      collection: COLLECTION,
      where: { and: [{ key: { equals: hashed } }, { expiresAt: { greater_than: now } }] },
      overrideAccess: true,
      depth: 0,
      limit: 0,
      pagination: false,
    })
    return { ok: false, retryAfterMs: retryAfter(holders, now) }
  }

  /** Forgets every hit of this limit (tests, or an operator after a false alarm). */
  async reset(payload: Payload): Promise<void> {
    await payload.db.deleteMany({ collection: COLLECTION, where: { limit: { equals: this.name } } })
  }
}

const retryAfter = (held: { expiresAt: number }[], now: number) =>
  Math.max(1000, Math.min(...held.map((d) => d.expiresAt)) - now)

async function sweepExpired(payload: Payload, now: number): Promise<void> {
  if (now - lastSweep < SWEEP_MS) return
  lastSweep = now
  await payload.db.deleteMany({ collection: COLLECTION, where: { expiresAt: { less_than_equal: now } } })
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
