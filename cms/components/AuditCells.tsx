'use client'
/**
 * List cells of the 操作日志: the changed fields as a list of names instead of raw JSON, and the document
 * as its title or, for residents' records and accounts (no title kept), its number.
 */
import React from 'react'

export function ChangedFieldsCell({ cellData }: { cellData?: unknown }) {
  const names = Array.isArray(cellData) ? cellData.filter((n) => typeof n === 'string') : []
  return <span>{names.length ? names.join('、') : '—'}</span>
}

export function AuditDocumentCell({
  cellData,
  rowData,
}: {
  cellData?: string | null
  rowData?: { documentId?: string | null }
}) {
  if (cellData) return <span>{cellData}</span>
  return <span>{rowData?.documentId ? `编号 ${rowData.documentId}` : '—'}</span>
}
