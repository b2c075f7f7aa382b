import fs from 'node:fs'
import path from 'node:path'

import type { PayloadHandler } from 'payload'

import { runTool } from '../lib/run-tool.ts'
import { escapeHtml } from '../../vocabulary/html.ts'
import { isStaffRequest } from '../access/index.ts'
import { siteUrl } from '../site-url.ts'
import { scratchDir } from '../paths.ts'

const PREVIEWABLE = ['news', 'lectures', 'cases'] as const
type Previewable = (typeof PREVIEWABLE)[number]

const headers = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-robots-tag': 'noindex',
}
const page = (status: number, title: string, body: string, head = '') =>
  new Response(
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">${head}<title>${escapeHtml(title)}</title></head><body style="font:18px/1.6 system-ui,sans-serif;margin:2rem">${body}</body></html>`,
    { status, headers },
  )

/**
 * The 预览 button (GET /api/preview?collection=&id=): the latest draft rendered by the site's own pages.
 * An `astro build` of just that document (SITE_PREVIEW; the loader reads it as a draft) goes into a
 * throwaway folder with its own cache; the page is read, its stylesheet inlined, its pictures pointed at
 * the CMS and its links at the live site, and the folder deleted: a draft never reaches dist/ or the
 * search index. Staff only, never cached. Building takes a few seconds, so the first answer is a short
 * "正在生成预览" page that reloads itself with &render=1 (browsers keep showing it until the preview arrives).
 */
export const previewEndpoint: PayloadHandler = async (req) => {
  if (!isStaffRequest(req)) return page(403, '无权预览', '<p>请先登录内容管理系统再预览草稿。</p>')
  const url = new URL(req.url ?? '', 'http://localhost')
  const collection = url.searchParams.get('collection') as Previewable
  const id = url.searchParams.get('id') ?? ''
  if (!PREVIEWABLE.includes(collection) || !/^\w+$/.test(id)) {
    return page(400, '无法预览', '<p>预览地址不完整。</p>')
  }
  const doc = await req.payload.findByID({
    collection,
    id,
    draft: true,
    depth: 0,
    overrideAccess: false,
    user: req.user,
    disableErrors: true,
  })
  if (!doc) return page(404, '未找到', '<p>没有找到这篇内容。</p>')

  if (url.searchParams.get('render') !== '1') {
    url.searchParams.set('render', '1')
    const next = `${url.pathname}${url.search}`
    return page(
      200,
      `正在生成预览：${doc.title}`,
      `<p role="status">正在按网站的样式生成预览，通常需要几秒钟……</p><p><a href="${escapeHtml(next)}">如果没有自动打开，请点这里</a></p>`,
      `<meta http-equiv="refresh" content="0;url=${escapeHtml(next)}">`,
    )
  }

  const work = scratchDir('minhu-preview-')
  try {
    const outDir = path.join(work, 'out')
    await runTool('astro', ['build'], {
      env: {
        SITE_PREVIEW: `${collection}:${id}`,
        SITE_OUT_DIR: outDir,
        SITE_CACHE_DIR: path.join(work, 'cache'),
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      failure: 'preview: astro build failed',
    })
    const slug = (doc as { slug?: string | null }).slug || 'preview'
    const file = path.join(outDir, collection, slug, 'index.html')
    const html = previewHtml(fs.readFileSync(file, 'utf8'), outDir, doc._status === 'published')
    return new Response(html, { status: 200, headers })
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    req.payload.logger.error(`preview of ${collection} #${id} failed: ${reason}`)
    return page(
      500,
      '预览失败',
      `<p>预览没能生成，请稍后再试。</p><p><small>${escapeHtml(reason)}</small></p>`,
    )
  } finally {
    fs.rmSync(work, { recursive: true, force: true })
  }
}

/**
 * The built page made standalone on the CMS: stylesheets inlined, pictures from the CMS's media files,
 * links to the live site, a banner saying it is a preview, and kept out of search engines.
 */
function previewHtml(html: string, outDir: string, published: boolean): string {
  const site = siteUrl()
  const banner = `<p role="status" style="margin:0;background:#8a6d1d;color:#fff;padding:.5rem 1rem;font-weight:700">预览：这是${published ? '已发布内容的最新修改' : '尚未发布的草稿'}，只有编辑能看到；发布后才会出现在网站上。</p>`
  return (
    html
      .replace(/<link rel="stylesheet" href="(\/_astro\/[^"]+\.css)"[^>]*>/g, (_, href: string) => {
        const css = path.join(outDir, href)
        return fs.existsSync(css) ? `<style>${fs.readFileSync(css, 'utf8')}</style>` : ''
      })
      // Attribute names in any case: React writes `srcSet`.
      .replace(/(src|srcset|href|poster|content)="([^"]*)"/gi, (_, attr: string, value: string) => {
        const rewritten = value
          .replace(/(^|, )\/media\//g, '$1/api/media/file/')
          .replace(/^\/(?!api\/media\/)/, `${site}/`)
        return `${attr}="${rewritten}"`
      })
      // A page to look at: its scripts (朗读) are not needed, and the CMS's policy would refuse them anyway.
      .replace(/<script type="module"[^>]*><\/script>/g, '')
      .replace('<head>', '<head><meta name="robots" content="noindex">')
      .replace(/<body([^>]*)>/, `<body$1>${banner}`)
  )
}
