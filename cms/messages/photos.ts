import sharp from 'sharp'

/** Formats accepted by content (what sharp reads in the bytes, never the name or the declared type). */
const ACCEPTED = new Set(['jpeg', 'png', 'webp', 'gif', 'avif', 'heif'])
const MAX_PIXELS = 50_000_000

export class PhotoError extends Error {}

/**
 * Reads a resident's photo by its content, and returns it re-encoded as a JPEG at most 2000 px on the
 * long side: turned upright, with EXIF/GPS and every other metadata dropped (sharp writes none unless
 * asked). Anything that is not a readable picture is refused with a message for the form.
 */
export async function reencodePhoto(data: Buffer): Promise<Buffer> {
  let format: string | undefined
  try {
    const meta = await sharp(data, { limitInputPixels: MAX_PIXELS }).metadata()
    format = meta.format
  } catch {
    throw new PhotoError('有一个文件不是能识别的图片，请上传 JPG、PNG 或 WebP 照片。')
  }
  if (!format || !ACCEPTED.has(format))
    throw new PhotoError('有一个文件不是能识别的图片，请上传 JPG、PNG 或 WebP 照片。')
  try {
    return await sharp(data, { limitInputPixels: MAX_PIXELS, pages: 1 })
      .rotate()
      .resize({ width: 2000, height: 2000, fit: 'inside', withoutEnlargement: true })
      .jpeg({ quality: 82, mozjpeg: true })
      .toBuffer()
  } catch {
    throw new PhotoError(
      format === 'heif'
        ? '暂时无法读取这张 HEIC 照片，请在手机上把它存为 JPG（或截图）后再上传。'
        : '有一张照片无法读取，可能已损坏，请换一张。',
    )
  }
}
