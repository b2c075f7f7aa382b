/**
 * 码上见代表: the address a poster's QR code opens and the code itself, drawn at build time as SVG by
 * `qrcode` (node-qrcode), so the printed poster needs no script, font or network to show it.
 */
import QRCode from 'qrcode'

import { posterSource } from '../../vocabulary/options.ts'
import { decorativeSvg, QR_SVG_OPTIONS } from '../../vocabulary/qr.ts'

/** `/contact/` with the addressee preselected and the poster as the message's source. */
export function posterContactUrl(kind: 'deputy' | 'station', slug: string, site: URL | undefined): string {
  const query = `?to=${kind}:${slug}&from=${posterSource(kind, slug)}`
  return new URL(`/contact/${query}`, site ?? 'http://127.0.0.1:4321').href
}

/** The QR code of `text` as an SVG string, drawn as every QR code of the system is (vocabulary/qr.ts). */
export async function qrSvg(text: string): Promise<string> {
  return decorativeSvg(await QRCode.toString(text, QR_SVG_OPTIONS))
}
