import jsQR from 'jsqr'
import type { Locator } from 'playwright-core'
import sharp from 'sharp'

/**
 * What a phone camera would read: a screenshot of the QR code as Chromium renders the poster's SVG,
 * decoded by jsQR (cozmo/jsQR). Null when nothing decodes.
 */
export async function decodeQr(element: Locator): Promise<string | null> {
  const png = await element.screenshot()
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
  const found = jsQR(
    new Uint8ClampedArray(data.buffer, data.byteOffset, data.length),
    info.width,
    info.height,
  )
  return found?.data ?? null
}

/** Pages in a PDF Chromium printed (each page object has `/Type /Page`, the tree `/Type /Pages`). */
export const pdfPageCount = (pdf: Buffer) =>
  pdf.toString('latin1').match(/\/Type\s*\/Page\b(?!s)/g)?.length ?? 0
