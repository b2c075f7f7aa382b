'use client'
/**
 * Above the messages list: the queue at a glance (new, in hand, overdue, and apart from them the
 * 待核实 ones), each a link that filters the list, so editors start with what needs them.
 */
import { stringify } from 'qs-esm'
import React, { useEffect, useState } from 'react'

import {
  channelFilters,
  countSources,
  queueFilters,
  sourceLabel,
  type QueueCounts,
} from '../messages/queue.ts'

export function MessageQueue() {
  const [counts, setCounts] = useState<QueueCounts | null>(null)
  const [filters] = useState(() => queueFilters())
  const [channels] = useState(() => channelFilters())
  const [byChannel, setByChannel] = useState<number[] | null>(null)
  const [posters, setPosters] = useState<{ source: string; count: number }[]>([])
  useEffect(() => {
    const count = async (where: (typeof filters)[keyof typeof filters]) => {
      // The query-string form Payload parses (qs-esm): where[status][equals]=received.
      const query = stringify({ limit: 0, depth: 0, where }, { addQueryPrefix: true })
      const res = await fetch(`/api/messages${query}`, { credentials: 'include' })
      return ((await res.json()) as { totalDocs?: number }).totalDocs ?? 0
    }
    void Promise.all([
      count(filters.unverified),
      count(filters.fresh),
      count(filters.open),
      count(filters.overdue),
    ])
      .then(([unverified, fresh, open, overdue]) => setCounts({ unverified, fresh, open, overdue }))
      .catch(() => setCounts(null))
    void Promise.all(channels.map((c) => count(c.where)))
      .then(setByChannel)
      .catch(() => setByChannel(null))
    // Scans that became messages, per poster: only the source field of the 扫码 messages is read.
    const query = stringify(
      { limit: 1000, depth: 0, where: { channel: { equals: 'poster' } }, select: { source: true } },
      { addQueryPrefix: true },
    )
    void fetch(`/api/messages${query}`, { credentials: 'include' })
      .then(async (res) => ((await res.json()) as { docs?: { source?: string | null }[] }).docs ?? [])
      .then((docs) => setPosters(countSources(docs)))
      .catch(() => setPosters([]))
  }, [filters, channels])
  if (!counts) return null
  const link = (key: keyof typeof filters) =>
    `/admin/collections/messages${stringify({ where: filters[key] }, { addQueryPrefix: true })}`
  const listOf = (where: object) =>
    `/admin/collections/messages${stringify({ where }, { addQueryPrefix: true })}`
  return (
    <>
      <div
        style={{
          display: 'flex',
          gap: '1.5rem',
          flexWrap: 'wrap',
          margin: '0 0 1.25rem',
          padding: '0.75rem 1rem',
          border: '1px solid var(--theme-elevation-150)',
          borderRadius: 4,
        }}
      >
        <a href={link('fresh')}>待处理新来信：{counts.fresh} 件</a>
        <a href={link('open')}>办理中（未办结）：{counts.open} 件</a>
        <a href={link('overdue')} style={counts.overdue ? { color: '#a4161a', fontWeight: 700 } : undefined}>
          已超期未办结：{counts.overdue} 件
        </a>
        {counts.unverified ? (
          <a
            href={link('unverified')}
            style={{ color: '#7a4d00', fontWeight: 700 }}
            title="网站短时间内收到的来信超过总量上限时多出的来信，核实后才进入办理队列"
          >
            待核实（来信过多时收到）：{counts.unverified} 件
          </a>
        ) : null}
      </div>
      {byChannel ? (
        <div
          data-queue="channels"
          style={{
            display: 'flex',
            gap: '0.5rem 1.5rem',
            flexWrap: 'wrap',
            margin: '0 0 1.25rem',
            padding: '0 1rem',
          }}
        >
          <strong>来信渠道：</strong>
          {channels.map((c, i) => (
            <a key={c.channel} href={listOf(c.where)}>
              {c.label} {byChannel[i]} 件
            </a>
          ))}
          {posters.length ? (
            <span>
              扫码来信（按海报）：
              {posters.map((p, i) => (
                <React.Fragment key={p.source}>
                  {i ? '，' : ''}
                  <a href={listOf({ source: { equals: p.source } })}>
                    {sourceLabel(p.source)} {p.count} 件
                  </a>
                </React.Fragment>
              ))}
            </span>
          ) : null}
        </div>
      ) : null}
    </>
  )
}
