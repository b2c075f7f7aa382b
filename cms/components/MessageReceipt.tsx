'use client'
/**
 * Under a saved message's 跟踪码: what to tell the resident (代录 at the station or on the phone) and
 * the printed 来信回执 (cms/messages/receipt.ts), opened in a new tab for Ctrl+P.
 */
import { useDocumentInfo, useFormFields } from '@payloadcms/ui'
import React from 'react'

export function MessageReceipt() {
  const { id } = useDocumentInfo()
  const code = useFormFields(([fields]) => fields.code?.value) as string | undefined
  if (!id || !code) return null
  return (
    <div data-receipt style={{ margin: '0.5rem 0 1rem' }}>
      <p style={{ margin: '0 0 0.25rem' }}>
        请告知群众：“您的跟踪码是{' '}
        <strong style={{ fontSize: '1.25rem', letterSpacing: '0.1em' }}>{code}</strong>
        ，可以在网站‘查询办理进度’里输入查询。”
      </p>
      <a href={`/api/messages/${String(id)}/receipt`} target="_blank" rel="noopener">
        打印来信回执
      </a>
    </div>
  )
}
