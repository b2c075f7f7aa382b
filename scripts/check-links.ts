/**
 * `npm run check:links [-- dist]`: checks every internal link, image and script of the built site
 * (scripts/lib/link-check.ts). Exits 1 and lists them when one does not resolve.
 */
import path from 'node:path'

import { ROOT } from '../cms/tools.ts'
import { siteOutDir } from '../site/index.ts'
import { checkLinks } from './lib/link-check.ts'

const dir = process.argv[2] ? path.resolve(process.argv[2]) : siteOutDir(ROOT)
const { pages, links, broken } = checkLinks(dir)
for (const { page, url } of broken) console.error(`broken link: ${page} → ${url}`)
console.log(`check:links: ${pages} pages, ${links} internal links, ${broken.length} broken (${dir})`)
if (broken.length) process.exitCode = 1
