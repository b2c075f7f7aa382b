'use client'
/**
 * The 办结期限 column of the messages list: the date, and in red how many days an open message is
 * overdue (or was closed late), so overdue items stand out in the queue.
 */
import React from 'react'

const DAY = 24 * 60 * 60 * 1000
const CLOSED = ['closed', 'revisited']

export function MessageDeadlineCell({
  cellData,
  rowData,
}: {
  cellData?: string | null
  rowData?: { status?: string; closedAt?: string | null }
}) {
  if (!cellData) return <span>—</span>
  const deadline = new Date(cellData).getTime()
  const closed = CLOSED.includes(rowData?.status ?? '')
  const end = closed && rowData?.closedAt ? new Date(rowData.closedAt).getTime() : Date.now()
  const late = Math.ceil((end - deadline) / DAY)
  const date = cellData.slice(0, 10)
  if (late <= 0) {
    const left = Math.floor((deadline - Date.now()) / DAY)
    return (
      <span>
        {date}
        {!closed && left <= 2 ? (
          <strong style={{ color: '#8a6d1d' }}>（剩 {Math.max(left, 0)} 天）</strong>
        ) : null}
      </span>
    )
  }
  return (
    <span style={{ color: '#a4161a', fontWeight: 700 }}>
      {date}（{closed ? `超期 ${late} 天办结` : `已超期 ${late} 天`}）
    </span>
  )
}
