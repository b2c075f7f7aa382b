/**
 * 码上见代表: the address a poster's QR code opens and the code itself, drawn at build time as SVG by
 * `qrcode` (node-qrcode), so the printed poster needs no script, font or network to show it.
 */
import QRCode from 'qrcode'

import { posterSource } from '../../vocabulary/options.ts'

/** `/contact/` with the addressee preselected and the poster as the message's source. */
export function posterContactUrl(kind: 'deputy' | 'station', slug: string, site: URL | undefined): string {
  const query = `?to=${kind}:${slug}&from=${posterSource(kind, slug)}`
  return new URL(`/contact/${query}`, site ?? 'http://127.0.0.1:4321').href
}

/**
 * The QR code of `text` as an SVG string: error correction M (15 %: survives a crease or a smudge on
 * a printed sheet), the standard quiet zone of 4 modules, black on white for any printer.
 */
export async function qrSvg(text: string): Promise<string> {
  const svg = await QRCode.toString(text, {
    type: 'svg',
    errorCorrectionLevel: 'M',
    margin: 4,
    color: { dark: '#000000', light: '#ffffff' },
  })
  // Sized by CSS; the image's name is given by the wrapper (role="img").
  return svg.replace('<svg ', '<svg aria-hidden="true" focusable="false" ')
}
