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
