'use client'
/**
 * Above the messages list: the queue at a glance (new, in hand, overdue), each a link that filters the
 * list, so editors start with what needs them.
 */
import React, { useEffect, useState } from 'react'

interface Counts {
  fresh: number
  open: number
  overdue: number
}

const query = (where: Record<string, unknown>) => {
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

export function MessageQueue() {
  const [counts, setCounts] = useState<Counts | null>(null)
  useEffect(() => {
    const now = new Date().toISOString()
    const count = async (where: Record<string, unknown>) => {
      const res = await fetch(`/api/messages?limit=0&depth=0&${query(where)}`, { credentials: 'include' })
      return ((await res.json()) as { totalDocs?: number }).totalDocs ?? 0
    }
    const open = { status: { in: ['received', 'assigned', 'processing'] } }
    void Promise.all([
      count({ status: { equals: 'received' } }),
      count(open),
      count({ and: [open, { deadline: { less_than: now } }] }),
    ])
      .then(([fresh, openCount, overdue]) => setCounts({ fresh, open: openCount, overdue }))
      .catch(() => setCounts(null))
  }, [])
  if (!counts) return null
  const link = (where: Record<string, unknown>) => `/admin/collections/messages?${query(where)}`
  const now = new Date().toISOString()
  const open = { status: { in: ['received', 'assigned', 'processing'] } }
  return (
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
      <a href={link({ status: { equals: 'received' } })}>待处理新来信：{counts.fresh} 件</a>
      <a href={link(open)}>办理中（未办结）：{counts.open} 件</a>
      <a
        href={link({ and: [open, { deadline: { less_than: now } }] })}
        style={counts.overdue ? { color: '#a4161a', fontWeight: 700 } : undefined}
      >
        已超期未办结：{counts.overdue} 件
      </a>
    </div>
  )
}
