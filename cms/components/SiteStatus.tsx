'use client'
/**
 * In the edit view of everything the site shows, beside 发布 / 保存草稿: where the latest change stands on
 * the way to the public site ("网站约 8 秒后更新", "网站已更新 · 查看网页"), and 撤下 for a published article.
 * Polls GET /api/site-builds?doc=<collection>:<id> every 3 seconds (staff only).
 */
import { Button, ConfirmationModal, toast, useDocumentInfo, useModal } from '@payloadcms/ui'
import React, { useEffect, useState } from 'react'

interface DocStatus {
  state: 'none' | 'waiting' | 'building' | 'live' | 'failed'
  operation?: string
  etaSeconds?: number
  url?: string
}

const gone = (operation?: string) => operation === 'unpublish' || operation === 'delete'

/** `unpublish`: the collection has drafts, so a published document can be taken off the site (撤下). */
export function SiteStatus({ unpublish: canUnpublish = false }: { unpublish?: boolean }) {
  const { id, collectionSlug, hasPublishedDoc, hasPublishPermission } = useDocumentInfo()
  const { toggleModal } = useModal()
  const [status, setStatus] = useState<DocStatus | null>(null)
  const [tick, setTick] = useState(0)

  useEffect(() => {
    if (!id || !collectionSlug) return
    let alive = true
    const load = async () => {
      try {
        const res = await fetch(`/api/site-builds?doc=${collectionSlug}:${String(id)}`, {
          credentials: 'include',
        })
        if (res.ok && alive) setStatus((await res.json()) as DocStatus)
      } catch {
        // the next poll tries again
      }
    }
    void load()
    const timer = setInterval(load, 3000)
    return () => {
      alive = false
      clearInterval(timer)
    }
  }, [id, collectionSlug, tick])

  if (!id || !collectionSlug) return null
  const modal = `site-status-unpublish-${String(id)}`
  const unpublish = async () => {
    try {
      const res = await fetch(`/api/${collectionSlug}/${String(id)}?depth=0`, {
        method: 'PATCH',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ _status: 'draft' }),
      })
      if (!res.ok) throw new Error(String(res.status))
      toast.success('已撤下：内容保留为草稿，网站稍后不再显示。')
      // The document's own state (status, buttons) comes from the server: load the view again.
      window.location.reload()
    } catch {
      toast.error('撤下时出现了问题，请稍后重试。')
    }
    setTick((t) => t + 1)
  }

  let line: React.ReactNode = null
  if (status?.state === 'waiting' || status?.state === 'building')
    line = gone(status.operation)
      ? `网站约 ${status.etaSeconds ?? 10} 秒后不再显示这篇内容`
      : `网站约 ${status.etaSeconds ?? 10} 秒后更新${status.state === 'building' ? '（正在生成网页）' : ''}`
  else if (status?.state === 'failed') line = '网站更新失败，网站仍显示上一版（详见首页“网站更新状态”）'
  else if (status?.state === 'live') line = gone(status.operation) ? '已从网站撤下' : '网站已更新'

  return (
    <div className="site-status" style={{ display: 'flex', alignItems: 'center', gap: '0.75rem' }}>
      {line && (
        <span role="status" aria-live="polite">
          {line}
          {status?.url && status.state === 'live' && !gone(status.operation) && (
            <>
              {' · '}
              <a href={status.url} target="_blank" rel="noopener noreferrer">
                查看网页
              </a>
            </>
          )}
        </span>
      )}
      {canUnpublish && hasPublishedDoc && hasPublishPermission && (
        <>
          <Button buttonStyle="secondary" size="medium" margin={false} onClick={() => toggleModal(modal)}>
            撤下
          </Button>
          <ConfirmationModal
            modalSlug={modal}
            heading="确认撤下"
            body="撤下后，网站上将不再显示这篇内容；内容保留为草稿，可以修改后再次发布。确定撤下吗？"
            confirmLabel="撤下"
            confirmingLabel="正在撤下…"
            onConfirm={unpublish}
          />
        </>
      )}
    </div>
  )
}
