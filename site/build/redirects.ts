/**
 * Old addresses keep answering (the CMS's `redirects`, cms/redirects/): for every redirect whose `from`
 * has no page in this build, a small forwarding page at `dist<from>index.html` (meta refresh, canonical,
 * noindex, no script: it works on any static host) and one line in `dist/redirects.map`, which nginx
 * (`map $uri …`, docs/deploy.md) and the site server (scripts/lib/site-server.ts) answer with a 301.
 * A redirect whose `from` is a real page of this build is skipped (the page wins) and said so in the log.
 *
 * Written after the pages (and the linked unchanged ones) are in dist/, every build, so a new redirect
 * gets its page and a removed one leaves none: each build is a fresh folder. The pages are not routes,
 * so the sitemap and the search index never list them.
 */
import fs from 'node:fs'
import path from 'node:path'

import type { RedirectItem } from '../lib/schemas.ts'
import { escapeHtml } from '../../vocabulary/html.ts'
import { redirectsMap } from '../../vocabulary/redirects.ts'

export const REDIRECTS_MAP = 'redirects.map'

/** The file a site path is served from in `out` (`/a/` → a/index.html, `/rss.xml` → rss.xml). */
export function fileOf(out: string, sitePath: string): string {
  const rel = decodeURIComponent(sitePath)
  return path.join(out, rel.endsWith('/') ? path.join(rel, 'index.html') : rel)
}

/** The forwarding page: Chinese, in the site's colours, with the new address as a plain link too. */
export function redirectPage(to: string, siteUrl: string): string {
  const absolute = new URL(to, siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href
  const href = escapeHtml(to)
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>页面已迁移</title>
<meta http-equiv="refresh" content="0; url=${href}">
<link rel="canonical" href="${escapeHtml(absolute)}">
<meta name="robots" content="noindex">
<style>body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;line-height:1.7;color:#1a1a1a}h1{color:#b31b1b;font-size:1.5rem}a{color:#b31b1b}</style>
</head>
<body>
<main>
<h1>页面已迁移</h1>
<p>本页已移至 <a href="${href}">${escapeHtml(absolute)}</a>，正在为您跳转。</p>
<p>如果没有自动跳转，请点击上面的链接；也可以<a href="/">返回首页</a>。</p>
</main>
</body>
</html>
`
}

export interface RedirectsWritten {
  pages: number
  /** Redirects whose `from` is a real page of this build. */
  skipped: string[]
}

export function writeRedirects(
  out: string,
  redirects: RedirectItem[],
  siteUrl: string,
  warn: (line: string) => void = () => {},
): RedirectsWritten {
  const kept: RedirectItem[] = []
  const skipped: string[] = []
  let pages = 0
  for (const redirect of redirects) {
    const file = fileOf(out, redirect.from)
    if (!path.resolve(file).startsWith(path.resolve(out) + path.sep)) continue
    if (fs.existsSync(file)) {
      skipped.push(redirect.from)
      warn(`redirect ${redirect.from} → ${redirect.to} skipped: ${redirect.from} is a page of this build`)
      continue
    }
    kept.push(redirect)
    // A path naming a file (/old.xml) gets only its map line: a page there would have the wrong type.
    if (!redirect.from.endsWith('/')) continue
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, redirectPage(redirect.to, siteUrl))
    pages++
  }
  fs.writeFileSync(path.join(out, REDIRECTS_MAP), redirectsMap(kept))
  return { pages, skipped }
}
