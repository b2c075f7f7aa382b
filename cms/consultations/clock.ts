/**
 * Opening and closing by themselves: the CMS server's jobs runner runs this task every minute. A
 * consultation whose opening or closing time has passed since the last day asks once for a site
 * rebuild (the pages then show the form, or drop it, and the figures follow); each boundary is asked
 * for once, remembered by its rebuild request. The opinion endpoint judges by the clock itself, so
 * nothing waits for this task to refuse a late opinion.
 */
import type { PayloadRequest, TaskConfig } from 'payload'

import { requestRebuild } from '../builds/queue.ts'

const DAY = 86_400_000

/** Asks for a rebuild for each boundary crossed in the last day and not asked for yet; returns them. */
export async function rebuildAtBoundaries(req: PayloadRequest, now = Date.now()): Promise<string[]> {
  const { payload } = req
  const since = new Date(now - DAY).toISOString()
  const until = new Date(now).toISOString()
  const { docs } = await payload.find({
    collection: 'consultations',
    where: {
      and: [
        { _status: { equals: 'published' } },
        {
          or: [
            { and: [{ opensAt: { greater_than: since } }, { opensAt: { less_than_equal: until } }] },
            { and: [{ closesAt: { greater_than: since } }, { closesAt: { less_than_equal: until } }] },
          ],
        },
      ],
    },
    overrideAccess: true,
    depth: 0,
    limit: 0,
    pagination: false,
    select: { title: true, opensAt: true, closesAt: true },
    req,
  })
  const asked: string[] = []
  for (const c of docs) {
    for (const [what, at] of [
      ['opening', c.opensAt],
      ['closing', c.closesAt],
    ] as const) {
      if (!at || at <= since || at > until) continue
      const by = `意见征集定时任务（${what === 'opening' ? '开始' : '截止'} ${at}）`
      const { totalDocs } = await payload.count({
        collection: 'rebuild-requests',
        where: { and: [{ docId: { equals: String(c.id) } }, { by: { equals: by } }] },
        overrideAccess: true,
        req,
      })
      if (totalDocs) continue
      await requestRebuild(req, {
        source: 'consultations',
        docId: c.id,
        title: c.title,
        operation: 'update',
        by,
      })
      asked.push(`${c.id}:${what}`)
    }
  }
  if (asked.length) payload.logger.info(`consultations: rebuild asked at ${asked.join(', ')}`)
  return asked
}

export const consultationClockTask: TaskConfig = {
  slug: 'consultation-clock',
  label: '意见征集按时开始和截止',
  schedule: [{ cron: '0 * * * * *', queue: 'default' }],
  handler: async ({ req }) => {
    await rebuildAtBoundaries(req)
    return { output: {} }
  },
}
