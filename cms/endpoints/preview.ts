import { convertLexicalToHTML } from '@payloadcms/richtext-lexical/html'
import type { PayloadHandler } from 'payload'

import { isStaffRequest } from '../access/index.ts'
import { CASE_CATEGORIES, labelOf, NEWS_CATEGORIES, STREETS } from '../fields/options.ts'
import type { Case, Lecture, Media, News } from '../payload-types.ts'
import { siteCss } from './site-css.ts'

const PREVIEWABLE = ['news', 'lectures', 'cases'] as const
type Previewable = (typeof PREVIEWABLE)[number]

const escape = (text: unknown) => String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
const rich = (state: unknown) =>
  state ? convertLexicalToHTML({ data: state as never, disableContainer: true }) : ''
const paragraphs = (text: string | null | undefined) =>
  (text ?? '')
    .split(/\n+/)
    .filter((p) => p.trim())
    .map((p) => `<p>${escape(p)}</p>`)
    .join('')
const picture = (media: number | Media | null | undefined) =>
  media && typeof media === 'object' && media.url
    ? `<figure><img src="${escape(media.sizes?.card?.url ?? media.url)}" alt="${escape(media.alt)}"></figure>`
    : ''

function body(collection: Previewable, doc: News | Lecture | Case): string {
  if (collection === 'news') {
    const n = doc as News
    return `<p class="meta">${escape(labelOf(NEWS_CATEGORIES, n.category))} · ${escape(n.publishedAt?.slice(0, 10))}${n.source ? ` · 来源：${escape(n.source)}` : ''}</p>
      ${n.summary ? `<p class="panel">${escape(n.summary)}</p>` : ''}${picture(n.cover)}<div class="prose">${rich(n.body)}</div>`
  }
  if (collection === 'lectures') {
    const l = doc as Lecture
    return `<p class="meta">主讲：${escape(l.speaker)} · 主题：${escape(l.topic)}</p>${picture(l.cover)}
      ${l.summary ? `<p class="panel">${escape(l.summary)}</p>` : ''}<h2>文字稿</h2><div class="prose">${rich(l.transcript)}</div>`
  }
  const c = doc as Case
  const timeline = (c.timeline ?? [])
    .map(
      (t) =>
        `<li><strong>${escape(t.date?.slice(0, 10))} ${escape(t.title)}</strong>${t.description ? ` ${escape(t.description)}` : ''}</li>`,
    )
    .join('')
  return `<p class="meta">${escape(labelOf(CASE_CATEGORIES, c.category))} · ${escape(labelOf(STREETS, c.street))} · ${escape(c.community)}</p>
    ${c.summary ? `<p class="panel">${escape(c.summary)}</p>` : ''}
    <h2>群众诉求</h2>${paragraphs(c.request)}<h2>代表履职</h2>${paragraphs(c.action)}<h2>办理结果</h2>${paragraphs(c.result)}
    ${timeline ? `<h2>办理进程</h2><ol>${timeline}</ol>` : ''}`
}

/**
 * GET /api/preview?collection=news&id=12: the latest draft as the site will show it, for editors only
 * (the 预览 button in the admin). Never cached, never indexed, never part of dist/.
 */
export const previewEndpoint: PayloadHandler = async (req) => {
  const headers = {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'x-robots-tag': 'noindex',
  }
  if (!isStaffRequest(req)) {
    return new Response(
      '<!doctype html><html lang="zh-CN"><title>无权预览</title><p>请先登录内容管理系统再预览草稿。</p></html>',
      {
        status: 403,
        headers,
      },
    )
  }
  const url = new URL(req.url ?? '', 'http://localhost')
  const collection = url.searchParams.get('collection') as Previewable
  const id = url.searchParams.get('id')
  if (!PREVIEWABLE.includes(collection) || !id) {
    return new Response(
      '<!doctype html><html lang="zh-CN"><title>无法预览</title><p>预览地址不完整。</p></html>',
      {
        status: 400,
        headers,
      },
    )
  }
  const doc = (await req.payload.findByID({
    collection,
    id,
    draft: true,
    depth: 1,
    overrideAccess: false,
    user: req.user,
    disableErrors: true,
  })) as News | Lecture | Case | null
  if (!doc) {
    return new Response(
      '<!doctype html><html lang="zh-CN"><title>未找到</title><p>没有找到这篇内容。</p></html>',
      {
        status: 404,
        headers,
      },
    )
  }
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>预览：${escape(doc.title)}</title><style>${siteCss()}
.preview-banner{background:#8a6d1d;color:#fff;padding:.5rem 1rem;font-weight:700}</style></head>
<body><p class="preview-banner" role="status">预览：这是${doc._status === 'published' ? '已发布内容的最新修改' : '尚未发布的草稿'}，只有编辑能看到；发布后才会出现在网站上。</p>
<main id="main"><div class="wrap"><article><h1>${escape(doc.title)}</h1>${body(collection, doc)}</article></div></main></body></html>`
  return new Response(html, { status: 200, headers })
}
