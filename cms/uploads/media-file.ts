import fs from 'node:fs/promises'
import path from 'node:path'

import { fileTypeFromBuffer } from 'file-type'
import sharp from 'sharp'

import { slugify } from '../fields/pinyin.ts'

const MB = 1024 * 1024
export const MAX_IMAGE_BYTES = 15 * MB
export const MAX_VIDEO_BYTES = 300 * MB
/** Larger pictures are refused before decoding: 50 megapixels is more than any camera editors use. */
const MAX_PIXELS = 50_000_000

/**
 * What the media library stores, by the format sharp or file-type finds in the bytes. The extension
 * and MIME type of a stored file come from here only, never from the uploader's name or declared type.
 * No SVG (it can carry scripts), no documents.
 */
const IMAGE_FORMATS = {
  jpeg: { mime: 'image/jpeg', ext: 'jpg' },
  png: { mime: 'image/png', ext: 'png' },
  webp: { mime: 'image/webp', ext: 'webp' },
  avif: { mime: 'image/avif', ext: 'avif' },
  gif: { mime: 'image/gif', ext: 'gif' },
} as const
const VIDEO_FORMATS = {
  'video/mp4': { mime: 'video/mp4', ext: 'mp4' },
  'video/webm': { mime: 'video/webm', ext: 'webm' },
} as const

export const IMAGE_TYPES: string[] = Object.values(IMAGE_FORMATS).map((f) => f.mime)
export const VIDEO_TYPES: string[] = Object.values(VIDEO_FORMATS).map((f) => f.mime)
/** The draft of a 意见征集 as the body that asks publishes it (issue 17); nothing else is a document here. */
export const DOCUMENT_TYPES: string[] = ['application/pdf']
export const MAX_DOCUMENT_BYTES = 30 * MB

type ImageFormat = keyof typeof IMAGE_FORMATS

/** A refused upload: the message is for editors (Chinese), the status 400 or 413. */
export class MediaFileError extends Error {
  readonly status: 400 | 413
  constructor(message: string, status: 400 | 413) {
    super(message)
    this.status = status
  }
}

export interface UploadedFile {
  data: Buffer
  name: string
  mimetype?: string
  size: number
  tempFilePath?: string
}

export interface CheckedFile {
  mime: string
  /** ASCII base from the uploader's name + the extension of the detected type: `jia-zhuang-dian-ti.jpg`. */
  name: string
  /** Images: re-encoded without metadata. Videos: the bytes as uploaded (no ffmpeg to re-mux them). */
  data: Buffer
}

const mb = (bytes: number) => (bytes / MB).toFixed(1)
const typeError = (name: string) =>
  new MediaFileError(
    `不支持的文件类型：“${name}”的内容不是 JPG、PNG、WebP、AVIF、GIF 图片、MP4、WebM 视频或 PDF 文件（按文件内容判断，与文件名无关），请检查后重新上传。`,
    400,
  )

/**
 * Decides what an upload is from its bytes, refuses anything but the image and video formats above,
 * and returns the file to store: a safe name with the extension of the detected type, the detected
 * MIME type and, for images, a fresh encoding in the same format (turned upright, every frame kept)
 * that drops EXIF/GPS, XMP, IPTC, comments and anything appended after the picture.
 */
export async function checkMediaFile(file: UploadedFile): Promise<CheckedFile> {
  const data = file.data?.length || !file.tempFilePath ? file.data : await fs.readFile(file.tempFilePath)
  const size = data?.length ?? 0
  const label = path.basename(file.name || '未命名文件')
  if (!size) throw new MediaFileError(`文件“${label}”是空的，请重新选择文件。`, 400)

  // file-type reads the container signature (EBML DocType "webm", ISO BMFF brands): cheap, header only.
  const detected = await fileTypeFromBuffer(data)
  const video = detected && VIDEO_FORMATS[detected.mime as keyof typeof VIDEO_FORMATS]
  // A PDF by its signature (%PDF- at the start, as file-type reads it), kept as uploaded.
  if (detected?.mime === 'application/pdf' && data.subarray(0, 5).toString('latin1') === '%PDF-') {
    if (size > MAX_DOCUMENT_BYTES)
      throw new MediaFileError(`PDF 文件不能超过 ${MAX_DOCUMENT_BYTES / MB} MB（当前 ${mb(size)} MB）。`, 413)
    // Payload checks the end too (an xref table and %%EOF): a cut-off file is refused here, in Chinese.
    const end = data.subarray(Math.max(0, size - 1024)).toString('latin1')
    if (!end.includes('%%EOF') || !end.includes('xref'))
      throw new MediaFileError(`PDF 文件“${label}”不完整或已损坏，请重新导出后再上传。`, 400)
    return { mime: 'application/pdf', name: safeName(file.name, 'pdf', 'document'), data }
  }
  if (video) {
    if (size > MAX_VIDEO_BYTES)
      throw new MediaFileError(`视频不能超过 ${MAX_VIDEO_BYTES / MB} MB（当前 ${mb(size)} MB）。`, 413)
    return { mime: video.mime, name: safeName(file.name, video.ext, 'video'), data }
  }

  // Checked before decoding, so a huge file never reaches sharp. The declared type only picks the message.
  if (size > MAX_IMAGE_BYTES) {
    if (detected?.mime.startsWith('image/') || file.mimetype?.startsWith('image/'))
      throw new MediaFileError(
        `图片不能超过 ${MAX_IMAGE_BYTES / MB} MB（当前 ${mb(size)} MB），请压缩后再上传。`,
        413,
      )
    throw typeError(label)
  }
  if (detected?.mime === 'image/heic' || detected?.mime === 'image/heif')
    throw new MediaFileError(
      `暂不支持 HEIC 格式的照片（“${label}”）：请在手机或电脑上把它存为 JPG 后再上传。`,
      400,
    )

  let format: ImageFormat
  let pages: number
  try {
    const meta = await sharp(data, { limitInputPixels: false }).metadata()
    // sharp names AVIF "heif" (its container); HEIC inside the same container is not accepted.
    const name = meta.format === 'heif' && meta.compression === 'av1' ? 'avif' : meta.format
    if (!(name in IMAGE_FORMATS)) throw typeError(label)
    pages = meta.pages ?? 1
    // Every frame of an animation is decoded: they count together.
    if ((meta.width ?? 0) * (meta.height ?? 0) * pages > MAX_PIXELS)
      throw new MediaFileError(
        `图片“${label}”太大（${meta.width} × ${meta.height} 像素${pages > 1 ? `，${pages} 帧` : ''}），请缩小到 5000 万像素以内后再上传。`,
        413,
      )
    format = name as ImageFormat
  } catch (error) {
    if (error instanceof MediaFileError) throw error
    throw typeError(label)
  }

  let clean: Buffer
  try {
    clean = await reencode(data, format, pages > 1)
  } catch {
    throw new MediaFileError(`图片“${label}”无法读取，可能已损坏，请重新导出后再上传。`, 400)
  }
  const { mime, ext } = IMAGE_FORMATS[format]
  return { mime, name: safeName(file.name, ext, 'image'), data: clean }
}

/**
 * The same format again, upright, without metadata (sharp writes none unless asked). Quality is high
 * because the original is what the generated sizes are made from.
 */
function reencode(data: Buffer, format: ImageFormat, animated: boolean): Promise<Buffer> {
  const image = sharp(data, { animated, limitInputPixels: MAX_PIXELS }).autoOrient()
  switch (format) {
    case 'jpeg':
      return image.jpeg({ quality: 90 }).toBuffer()
    case 'png':
      return image.png().toBuffer()
    case 'webp':
      return image.webp({ quality: 90 }).toBuffer()
    case 'avif':
      // Effort 2: AVIF encoding at the default effort takes seconds per picture on a small server.
      return image.avif({ quality: 70, effort: 2 }).toBuffer()
    case 'gif':
      return image.gif().toBuffer()
  }
}

/**
 * A lowercase ASCII name (pinyin for Chinese, as slugs are made) from the uploader's file name without
 * its extension, plus the extension of the detected type. `clip.htm` holding a WebM → `clip.webm`.
 */
export function safeName(uploaded: string, ext: string, fallback: string): string {
  const base = path.basename(uploaded ?? '').replace(/\.[^.]*$/, '')
  return `${slugify(base) || fallback}.${ext}`
}
