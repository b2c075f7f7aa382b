'use client'
/**
 * The 办结期限 column of the messages list: the date, and in red how many days an open message is
 * overdue (or was closed late), so overdue items stand out in the queue.
 */
import React from 'react'

import { deadlineNote, deadlineState } from '../messages/deadline.ts'

export function MessageDeadlineCell({
  cellData,
  rowData,
}: {
  cellData?: string | null
  rowData?: { status?: string; closedAt?: string | null }
}) {
  if (!cellData) return <span>—</span>
  const state = deadlineState(cellData, rowData ?? {})
  const note = deadlineNote(state)
  const date = cellData.slice(0, 10)
  if (state.late <= 0) {
    return (
      <span>
        {date}
        {note ? <strong style={{ color: '#8a6d1d' }}>（{note}）</strong> : null}
      </span>
    )
  }
  return (
    <span style={{ color: '#a4161a', fontWeight: 700 }}>
      {date}（{note}）
    </span>
  )
}
