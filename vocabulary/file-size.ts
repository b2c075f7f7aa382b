/**
 * File sizes as people read them: 830 字节, 12 KB, 1.2 MB, 1.5 GB (powers of 1024, one decimal below
 * 10). Pure: the admin's list cells and anything else that shows a size use it.
 */
export function readableFileSize(bytes: number | null | undefined): string {
  if (typeof bytes !== 'number' || !Number.isFinite(bytes) || bytes < 0) return ''
  if (bytes < 1024) return `${bytes} 字节`
  const units = ['KB', 'MB', 'GB', 'TB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  const shown = value < 10 ? Math.round(value * 10) / 10 : Math.round(value)
  return `${shown} ${units[unit]}`
}

/** A MIME type as an editor reads it: image/jpeg → JPEG 图片, video/mp4 → MP4 视频. */
export function readableFileType(mimeType: string | null | undefined): string {
  if (!mimeType) return ''
  const [kind, sub = ''] = mimeType.split('/')
  const name = sub.replace(/^x-/, '').toUpperCase()
  if (kind === 'image') return `${name === 'SVG+XML' ? 'SVG' : name} 图片`
  if (kind === 'video') return `${name} 视频`
  if (kind === 'audio') return `${name} 音频`
  return mimeType
}
