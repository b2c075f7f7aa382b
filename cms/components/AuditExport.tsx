'use client'
/**
 * 导出 CSV above the 操作日志 list: a date range, 对象类型 and 操作, prefilled from the list's own
 * filters where they are simple "equals" ones (and a date range on 时间), then a link to
 * /api/audit-log/export (cms/audit/export.ts) that the browser downloads with the admin's login.
 */
import { useSearchParams } from 'next/navigation'
import React, { useMemo, useState } from 'react'

import { AUDIT_ACTIONS } from '../audit/actions.ts'

/** `where[...][collection][equals]=news` style parameters of the list's URL, by field and operator. */
function listFilter(params: URLSearchParams, field: string, operator: string): string {
  for (const [key, value] of params) {
    if (key.startsWith('where') && key.endsWith(`[${field}][${operator}]`) && value) return value
  }
  return ''
}

const day = (value: string) => (/^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : '')

const box: React.CSSProperties = {
  display: 'flex',
  flexWrap: 'wrap',
  gap: '0.75rem',
  alignItems: 'flex-end',
  margin: '0 0 1.25rem',
  padding: '0.75rem 1rem',
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 4,
}

export function AuditExport() {
  const params = useSearchParams()
  const initial = useMemo(() => {
    const p = new URLSearchParams(params?.toString() ?? '')
    return {
      from: day(listFilter(p, 'at', 'greater_than_equal') || listFilter(p, 'at', 'greater_than')),
      to: day(listFilter(p, 'at', 'less_than_equal') || listFilter(p, 'at', 'less_than')),
      collection: listFilter(p, 'collection', 'equals'),
      action: listFilter(p, 'action', 'equals'),
      user: listFilter(p, 'user', 'equals'),
    }
  }, [params])
  const [from, setFrom] = useState(initial.from)
  const [to, setTo] = useState(initial.to)
  const [collection, setCollection] = useState(initial.collection)
  const [action, setAction] = useState(initial.action)

  const query = new URLSearchParams()
  if (from) query.set('from', from)
  if (to) query.set('to', to)
  if (initial.user) query.set('user', initial.user)
  if (collection.trim()) query.set('collection', collection.trim())
  if (action) query.set('action', action)
  const href = `/api/audit-log/export${query.size ? `?${query}` : ''}`
  const invalid = Boolean(from && to && from > to)

  return (
    <form style={box} onSubmit={(e) => e.preventDefault()} aria-label="导出操作日志">
      <label style={{ display: 'grid', gap: 4 }}>
        开始日期
        <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
      </label>
      <label style={{ display: 'grid', gap: 4 }}>
        结束日期
        <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
      </label>
      <label style={{ display: 'grid', gap: 4 }}>
        对象类型（如 news、messages）
        <input type="text" value={collection} onChange={(e) => setCollection(e.target.value)} size={14} />
      </label>
      <label style={{ display: 'grid', gap: 4 }}>
        操作
        <select value={action} onChange={(e) => setAction(e.target.value)}>
          <option value="">全部</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </select>
      </label>
      {invalid ? (
        <span role="alert" style={{ color: 'var(--theme-error-500)' }}>
          开始日期不能晚于结束日期。
        </span>
      ) : (
        <a className="btn btn--style-primary btn--size-small" href={href} download>
          导出 CSV
        </a>
      )}
      {initial.user ? <span>（只导出列表中筛选的操作人）</span> : null}
    </form>
  )
}
