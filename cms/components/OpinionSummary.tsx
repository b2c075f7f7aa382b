'use client'
/**
 * In a consultation's 反馈 tab: its opinions grouped by article with the count per outcome, each count a
 * link to the opinions list filtered to that article, and the XLSX export for the body that asked.
 */
import { useDocumentInfo } from '@payloadcms/ui'
import { stringify } from 'qs-esm'
import React, { useEffect, useState } from 'react'

interface Row {
  ref: string
  label: string
  total: number
  merged: number
  byOutcome: Record<string, number>
}
interface Summary {
  total: number
  pending: number
  articles: Row[]
  outcomes: { value: string; label: string }[]
}

export function OpinionSummary() {
  const { id } = useDocumentInfo()
  const [summary, setSummary] = useState<Summary | null>(null)
  useEffect(() => {
    if (!id) return
    void fetch(`/api/consultations/${id}/opinion-summary`, { credentials: 'include' })
      .then((res) => (res.ok ? res.json() : null))
      .then(setSummary)
      .catch(() => setSummary(null))
  }, [id])
  if (!id) return <p>保存以后这里按条文汇总群众意见。</p>
  if (!summary) return null
  const list = (where: Record<string, unknown>) =>
    `/admin/collections/opinions${stringify({ where: { and: [{ consultation: { equals: id } }, where] } }, { addQueryPrefix: true })}`
  const cell = { padding: '0.25rem 0.75rem', borderBottom: '1px solid var(--theme-elevation-150)' }
  return (
    <div style={{ margin: '1rem 0 2rem' }}>
      <h3 style={{ margin: '0 0 0.5rem' }}>
        意见汇总：共 {summary.total} 条，待研究 {summary.pending} 条
      </h3>
      <p style={{ margin: '0 0 0.75rem' }}>
        <a href={list({})}>查看全部意见</a> ·{' '}
        <a href={`/api/consultations/${id}/export`} download>
          导出 Excel（意见、条文和处理结果）
        </a>
      </p>
      {summary.articles.length ? (
        <table style={{ borderCollapse: 'collapse' }} aria-label="按条文汇总的意见">
          <thead>
            <tr>
              <th style={cell}>条文</th>
              <th style={cell}>意见</th>
              {summary.outcomes.map((o) => (
                <th key={o.value} style={cell}>
                  {o.label}
                </th>
              ))}
              <th style={cell}>已合并</th>
            </tr>
          </thead>
          <tbody>
            {summary.articles.map((a) => (
              <tr key={a.ref}>
                <td style={cell}>
                  <a href={list({ articleRef: { equals: a.ref } })}>{a.label}</a>
                </td>
                <td style={cell}>{a.total}</td>
                {summary.outcomes.map((o) => (
                  <td key={o.value} style={cell}>
                    {a.byOutcome[o.value] ? (
                      <a
                        href={list({
                          and: [{ articleRef: { equals: a.ref } }, { outcome: { equals: o.value } }],
                        })}
                      >
                        {a.byOutcome[o.value]}
                      </a>
                    ) : (
                      0
                    )}
                  </td>
                ))}
                <td style={cell}>{a.merged}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p>还没有收到意见。</p>
      )}
    </div>
  )
}
