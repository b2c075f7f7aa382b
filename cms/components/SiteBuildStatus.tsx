'use client'
/**
 * On the admin dashboard: whether the public site is being rebuilt, and the last builds with their
 * result, time, duration, trigger and error, in Chinese. Refreshes every 5 seconds.
 */
import React, { useEffect, useState } from 'react'

interface Build {
  id: string
  startedAt: string
  ms: number
  ok: boolean
  error?: string
  trigger: string
}
interface Status {
  running: { startedAt: string; trigger: string } | null
  queued: boolean
  builds: Build[]
}

const time = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false })

export function SiteBuildStatus() {
  const [status, setStatus] = useState<Status | null>(null)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    let alive = true
    const load = async () => {
      try {
        const res = await fetch('/api/site-builds', { credentials: 'include' })
        if (!res.ok) throw new Error(String(res.status))
        const json = (await res.json()) as Status
        if (alive) {
          setStatus(json)
          setFailed(false)
        }
      } catch {
        if (alive) setFailed(true)
      }
    }
    void load()
    const timer = setInterval(load, 5000)
    return () => {
      alive = false
      clearInterval(timer)
    }
  }, [])

  return (
    <section style={{ marginTop: '2rem' }} aria-labelledby="site-builds">
      <h2 id="site-builds">网站更新状态</h2>
      {failed && <p>暂时无法读取网站更新状态。</p>}
      {status && (
        <>
          <p role="status">
            {status.running
              ? `正在更新网站（${time(status.running.startedAt)} 开始，原因：${status.running.trigger}）…`
              : status.queued
                ? '已有新的发布，网站即将更新。'
                : '网站已是最新。发布、撤下或修改已发布的内容后，网站会在几秒到几十秒内自动更新。'}
          </p>
          {status.builds.length > 0 && (
            <table style={{ width: '100%', borderCollapse: 'collapse' }}>
              <thead>
                <tr>
                  <th style={{ textAlign: 'left' }}>时间</th>
                  <th style={{ textAlign: 'left' }}>结果</th>
                  <th style={{ textAlign: 'left' }}>用时</th>
                  <th style={{ textAlign: 'left' }}>原因</th>
                </tr>
              </thead>
              <tbody>
                {status.builds.slice(0, 10).map((b) => (
                  <tr key={b.id}>
                    <td>{time(b.startedAt)}</td>
                    <td>
                      {b.ok
                        ? '成功'
                        : `失败：${(b.error ?? '').split('\n')[0].slice(0, 200)}（网站仍显示上一版）`}
                    </td>
                    <td>{(b.ms / 1000).toFixed(1)} 秒</td>
                    <td>{b.trigger}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  )
}
