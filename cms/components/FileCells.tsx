'use client'
/**
 * List cells of the upload collections: the size as 1.2 MB instead of raw bytes, the type as
 * “JPEG 图片” instead of image/jpeg (issue 14: the media list showed "MIME Type" and byte counts).
 */
import React from 'react'

import { readableFileSize, readableFileType } from '../../vocabulary/file-size.ts'

export function FileSizeCell({ cellData }: { cellData?: number | null }) {
  return <span>{readableFileSize(cellData) || '—'}</span>
}

export function FileTypeCell({ cellData }: { cellData?: string | null }) {
  return <span>{readableFileType(cellData) || '—'}</span>
}
