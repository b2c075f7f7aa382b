import fs from 'node:fs'
import path from 'node:path'

import { CSS_LAYER_ORDER } from '../../vocabulary/css.ts'
import { ROOT } from '../paths.ts'

/**
 * The site's own stylesheet from the built site, so pages the CMS renders itself (previews, answers to
 * the message form) look like the site. Empty when the site has not been built.
 */
export function siteCss(): string {
  const dir = path.resolve(ROOT, process.env.SITE_OUT_DIR ?? 'dist', '_astro')
  if (!fs.existsSync(dir)) return ''
  // The layer order first, as the site's <head> declares it: a layer ranks where it first appears, and the
  // files below come in directory order.
  return [
    CSS_LAYER_ORDER,
    ...fs
      .readdirSync(dir)
      .filter((f) => f.endsWith('.css'))
      .map((f) => fs.readFileSync(path.join(dir, f), 'utf8')),
  ].join('\n')
}
