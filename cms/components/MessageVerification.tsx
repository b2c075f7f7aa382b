'use client'
/**
 * 待核实 (needs verification): messages accepted while the site was over its overall limit. In the
 * sidebar of such a message, the one way to confirm it (it then joins the queue and the public figures
 * once saved; the timeline records it); in the list, a badge.
 */
import { useField } from '@payloadcms/ui'
import React from 'react'

const badge: React.CSSProperties = {
  display: 'inline-block',
  padding: '0 0.4rem',
  borderRadius: 3,
  background: '#fff3cd',
  color: '#7a4d00',
  border: '1px solid #e0b84c',
  fontWeight: 700,
  whiteSpace: 'nowrap',
}

export function MessageVerification({ path }: { path?: string }) {
  const { value, setValue, initialValue } = useField<boolean>({ path: path ?? 'needsVerification' })
  if (!initialValue) return null
  if (!value) {
    return (
      <div style={{ marginBottom: '1.5rem' }}>
        <p style={{ margin: 0 }}>已确认是真实来信：保存后进入办理队列和公开统计。</p>
        <button
          type="button"
          className="btn btn--style-secondary btn--size-small"
          onClick={() => setValue(true)}
        >
          撤销确认
        </button>
      </div>
    )
  }
  return (
    <div style={{ marginBottom: '1.5rem' }}>
      <p style={{ margin: '0 0 0.25rem' }}>
        <span style={badge}>待核实</span>
      </p>
      <p style={{ margin: '0 0 0.5rem', color: 'var(--theme-elevation-600)' }}>
        这件来信是在网站短时间内收到大量来信时提交的，可能是恶意灌水。请看内容、必要时按电话回访核实：真实来信请确认并保存；垃圾来信请管理员删除。确认前它不在办理队列和“办理结果”统计里。
      </p>
      <button
        type="button"
        className="btn btn--style-primary btn--size-small"
        onClick={() => setValue(false)}
      >
        确认是真实来信
      </button>
    </div>
  )
}

export function MessageVerificationCell({ cellData }: { cellData?: boolean | null }) {
  return cellData ? <span style={badge}>待核实</span> : <span>—</span>
}
