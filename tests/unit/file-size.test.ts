import { describe, expect, it } from 'vitest'

import { readableFileSize, readableFileType } from '../../vocabulary/file-size.ts'

describe('the media list shows sizes and types as people read them', () => {
  it.each([
    [830, '830 字节'],
    [12_345, '12 KB'],
    [1_258_291, '1.2 MB'],
    [315_621_376, '301 MB'],
    [1_610_612_736, '1.5 GB'],
  ])('%d bytes → %s', (bytes, shown) => {
    expect(readableFileSize(bytes)).toBe(shown)
  })

  it('types in Chinese', () => {
    expect(readableFileType('image/jpeg')).toBe('JPEG 图片')
    expect(readableFileType('video/mp4')).toBe('MP4 视频')
    expect(readableFileSize(null)).toBe('')
  })
})
