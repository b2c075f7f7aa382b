/**
 * The staff queue above the messages list (cms/components/MessageQueue.tsx): each count is a filter of
 * the list. 待核实 messages (accepted over the overall limit, see docs/decisions.md) are counted apart and
 * join the other counts only once an editor confirms them. No Node imports: the admin bundles this.
 */
import type { Where } from 'payload'

import { MESSAGE_CHANNELS, type MessageChannel } from '../../vocabulary/options.ts'

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

/** 来信渠道 in the queue: one count (and list filter) per channel, 待核实 ones apart as above. */
export const channelFilters = (): { channel: MessageChannel; label: string; where: Where }[] =>
  MESSAGE_CHANNELS.map((c) => ({
    channel: c.value,
    label: c.label,
    where: { and: [verified, { channel: { equals: c.value } }] } as Where,
  }))

/** Scans that became messages, per poster (`source`), most first. */
export function countSources(docs: { source?: string | null }[]): { source: string; count: number }[] {
  const counts = new Map<string, number>()
  for (const { source } of docs) if (source) counts.set(source, (counts.get(source) ?? 0) + 1)
  return [...counts].map(([source, count]) => ({ source, count })).sort((a, b) => b.count - a.count)
}

/** `poster-deputy-zhang-wei` → 代表海报 zhang-wei (the admin has no names at hand here). */
export const sourceLabel = (source: string) =>
  source.replace(/^poster-deputy-/, '代表海报 ').replace(/^poster-station-/, '站点海报 ')
