/**
 * The staff queue above the messages list (cms/components/MessageQueue.tsx): each count is a filter of
 * the list. 待核实 messages (accepted over the overall limit, see docs/decisions.md) are counted apart and
 * join the other counts only once an editor confirms them. No Node imports: the admin bundles this.
 */
import type { Where } from 'payload'

const OPEN = ['received', 'assigned', 'processing']
/** `not_equals: true` rather than `equals: false`: messages stored before the field existed count too. */
const verified: Where = { needsVerification: { not_equals: true } }

export const queueFilters = (now = new Date().toISOString()) => ({
  unverified: { needsVerification: { equals: true } } as Where,
  fresh: { and: [verified, { status: { equals: 'received' } }] } as Where,
  open: { and: [verified, { status: { in: OPEN } }] } as Where,
  overdue: { and: [verified, { status: { in: OPEN } }, { deadline: { less_than: now } }] } as Where,
})
export type QueueCounts = Record<keyof ReturnType<typeof queueFilters>, number>

/** A `where` as the REST API and the admin's list URL take it: `where[status][equals]=received`. */
export function whereQuery(where: Where): string {
  const params = new URLSearchParams()
  const add = (prefix: string, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of Object.entries(value)) add(`${prefix}[${k}]`, v)
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => add(`${prefix}[${i}]`, v))
    } else params.set(prefix, String(value))
  }
  for (const [k, v] of Object.entries(where)) add(`where[${k}]`, v)
  return params.toString()
}
