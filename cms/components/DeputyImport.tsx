'use client'
/**
 * The import panel above the deputies list: pick a CSV/Excel file (and, optionally, the photos it
 * names), check it, then import it. Problems come back by row and column; nothing is written unless the
 * whole file is clean. Photos that are nowhere to be found are warnings: those rows import without one.
 */
import { useRouter } from 'next/navigation'
import React, { useState } from 'react'

interface Report {
  rows: number
  created: number
  updated: number
  unchanged: number
  problems: { line: number; column: string; message: string }[]
  warnings: { line: number; column: string; message: string }[]
  lines: string[]
  dryRun: boolean
  message?: string
}

export function DeputyImport() {
  const router = useRouter()
  const [file, setFile] = useState<File | null>(null)
  const [photos, setPhotos] = useState<File[]>([])
  const [busy, setBusy] = useState(false)
  const [report, setReport] = useState<Report | null>(null)
  const [error, setError] = useState('')

  async function send(dryRun: boolean) {
    if (!file) return
    setBusy(true)
    setError('')
    setReport(null)
    try {
      const body = new FormData()
      body.set('file', file)
      for (const photo of photos) body.append('photos', photo)
      body.set('dryRun', String(dryRun))
      const res = await fetch('/api/deputies/import', { method: 'POST', body, credentials: 'include' })
      const json = (await res.json()) as Report
      if (res.status >= 400 && !json.lines) setError(json.message ?? `导入失败（${res.status}）`)
      else setReport(json)
      if (!dryRun && res.ok) router.refresh()
    } catch {
      setError('网络错误，请稍后重试。')
    } finally {
      setBusy(false)
    }
  }

  return (
    <details
      style={{
        margin: '0 0 1.5rem',
        padding: '0.75rem 1rem',
        border: '1px solid var(--theme-elevation-150)',
        borderRadius: 4,
      }}
    >
      <summary style={{ cursor: 'pointer', fontWeight: 600 }}>批量导入代表（CSV / Excel）</summary>
      <div style={{ display: 'grid', gap: '0.75rem', marginTop: '0.75rem' }}>
        <p style={{ margin: 0 }}>
          按模板填写（表头：编号、姓名、性别、层级、届别、选区、街道、联系社区、实践站、职业、专业领域、亮身份、亮职责、亮承诺、接待时间、照片、示例数据）。
          按“编号”识别代表：再次导入会更新，不会重复创建。“照片”列填写照片的文件名：照片可以在下面和表格一起选择，
          也可以事先上传到“图片视频”；找不到的照片会列出来，那几行先不设照片。
        </p>
        <p style={{ margin: 0 }}>
          <a href="/api/deputies/import-template" download="代表导入模板.csv">
            下载导入模板（CSV）
          </a>
          ：用 Excel 或 WPS 打开填写后直接保存即可，UTF-8 和 GBK 编码都能识别。
        </p>
        <label style={{ display: 'grid', gap: '0.25rem' }}>
          <span>选择文件</span>
          <input
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null)
              setReport(null)
            }}
          />
        </label>
        <label style={{ display: 'grid', gap: '0.25rem' }}>
          <span>照片（可选，可一次选择多张，文件名与表中“照片”列一致）</span>
          <input
            type="file"
            multiple
            accept=".jpg,.jpeg,.png,.webp,image/jpeg,image/png,image/webp"
            onChange={(e) => {
              setPhotos([...(e.target.files ?? [])])
              setReport(null)
            }}
          />
        </label>
        <div style={{ display: 'flex', gap: '0.5rem' }}>
          <button
            type="button"
            className="btn btn--style-secondary btn--size-small"
            disabled={!file || busy}
            onClick={() => send(true)}
          >
            先检查（不写入）
          </button>
          <button
            type="button"
            className="btn btn--style-primary btn--size-small"
            disabled={!file || busy}
            onClick={() => send(false)}
          >
            导入
          </button>
          {busy && <span role="status">处理中…</span>}
        </div>
        {error && (
          <p role="alert" style={{ color: 'var(--theme-error-500)', margin: 0 }}>
            {error}
          </p>
        )}
        {report && (
          <div role="status">
            <ul style={{ margin: 0, paddingLeft: '1.25rem', maxHeight: '20rem', overflow: 'auto' }}>
              {report.lines.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </details>
  )
}
