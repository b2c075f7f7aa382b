'use client'
/**
 * In a message's 结果公开 tab: turns a closed message into a draft case story (prefilled with the
 * public summary and replies only), then links to it for the editor to finish and publish.
 */
import { useDocumentInfo, useFormFields } from '@payloadcms/ui'
import React, { useState } from 'react'

export function PromoteToCase() {
  const { id } = useDocumentInfo()
  const caseStory = useFormFields(([fields]) => fields.caseStory?.value)
  const [state, setState] = useState<{ busy?: boolean; error?: string; url?: string }>({})
  if (!id) return null
  if (caseStory && !state.url) {
    return (
      <p>
        已转为民生案例：<a href={`/admin/collections/cases/${String(caseStory)}`}>打开案例草稿</a>
      </p>
    )
  }
  const promote = async () => {
    setState({ busy: true })
    try {
      const res = await fetch(`/api/messages/${String(id)}/promote`, {
        method: 'POST',
        credentials: 'include',
      })
      const json = (await res.json()) as { message?: string; url?: string }
      setState(res.ok ? { url: json.url } : { error: json.message ?? `失败（${res.status}）` })
    } catch {
      setState({ error: '网络错误，请稍后重试。' })
    }
  }
  return (
    <div style={{ margin: '1rem 0' }}>
      {state.url ? (
        <p>
          已生成民生案例草稿：<a href={state.url}>打开并完善后发布</a>
        </p>
      ) : (
        <>
          <button
            type="button"
            className="btn btn--style-secondary btn--size-small"
            disabled={state.busy}
            onClick={promote}
          >
            转为民生案例草稿
          </button>
          <p style={{ margin: '0.25rem 0 0', color: 'var(--theme-elevation-600)' }}>
            需要已办结并填写了公开摘要；保存后再点。案例只带公开摘要和答复，不带群众的姓名、电话和原文。
          </p>
        </>
      )}
      {state.error ? (
        <p role="alert" style={{ color: '#a4161a' }}>
          {state.error}
        </p>
      ) : null}
    </div>
  )
}
