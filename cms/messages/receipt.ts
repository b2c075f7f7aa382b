/**
 * 来信回执: the paper an editor prints for a resident whose message they entered (代录) or who asks for
 * one at the station — the tracking code, when and how it was received, what it is about, and a QR code
 * of the tracking page, so a family member can follow it on a phone. Staff only (it shows the resident's
 * own text); the name and phone number are left off, as the sheet may be lost on the way home.
 *
 * GET /api/messages/:id/receipt → an HTML page in the site's style, ready for Ctrl+P.
 */
import QRCode from 'qrcode'
import type { PayloadHandler } from 'payload'

import { isStaffRequest } from '../access/index.ts'
import { recordAudit } from '../audit/record.ts'
import { siteUrl } from '../site-url.ts'
import { escapeHtml } from '../../vocabulary/html.ts'
import { chineseDateTime } from '../../vocabulary/dates.ts'
import {
  CASE_CATEGORIES,
  MESSAGE_CHANNELS,
  MESSAGE_GRADES,
  STREETS,
  labelOf,
} from '../../vocabulary/options.ts'
import { decorativeSvg, QR_SVG_OPTIONS } from '../../vocabulary/qr.ts'
import type { Message } from '../payload-types.ts'
import { htmlPage } from './endpoints.ts'

const headers = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-robots-tag': 'noindex',
}

/** The tracking page of the public site, opened on `code`. */
export const trackingUrl = (code: string) => `${siteUrl()}/track/?code=${encodeURIComponent(code)}`

export const receiptEndpoint: PayloadHandler = async (req) => {
  if (!isStaffRequest(req))
    return new Response(htmlPage('无权查看', '<h1>无权查看</h1><p>请先用编辑或管理员账号登录。</p>'), {
      status: 403,
      headers,
    })
  const doc = (await req.payload.findByID({
    collection: 'messages',
    id: req.routeParams?.id as string,
    depth: 0,
    overrideAccess: false,
    user: req.user,
    disableErrors: true,
  })) as Message | null
  if (!doc?.code)
    return new Response(htmlPage('没有这件来信', '<h1>没有这件来信</h1>'), { status: 404, headers })
  await recordAudit(req, {
    action: 'export',
    collection: 'messages',
    documentId: doc.id,
    documentTitle: doc.code,
    detail: '打印回执',
  })
  const url = trackingUrl(doc.code)
  const qr = decorativeSvg(await QRCode.toString(url, QR_SVG_OPTIONS))
  const days = MESSAGE_GRADES.find((g) => g.value === doc.grade)?.days ?? MESSAGE_GRADES[0].days
  const rows: [string, string][] = [
    ['受理时间', doc.receivedAt ? chineseDateTime(doc.receivedAt) : '—'],
    ['来信渠道', labelOf(MESSAGE_CHANNELS, doc.channel ?? 'web')],
    ['问题类别', labelOf(CASE_CATEGORIES, doc.category)],
    ['所在街道', [labelOf(STREETS, doc.street), doc.community].filter(Boolean).join(' ')],
  ]
  const main = `<h1>来信回执</h1>
<p>您的跟踪码是</p><p class="code code-large">${escapeHtml(doc.code)}</p>
<dl class="receipt-facts">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>
<h2>您反映的问题或心愿</h2><p style="white-space:pre-wrap">${escapeHtml(doc.body ?? '')}</p>
<div style="display:flex;gap:1.5rem;align-items:center;flex-wrap:wrap;margin-top:1.5rem">
<div role="img" aria-label="查询办理进度的二维码" style="width:9rem;height:9rem">${qr}</div>
<p>用手机扫码，或在网站“查询办理进度”里输入跟踪码，<br>可以看到办理情况和答复；办结后还可以评价。<br><span class="muted">${escapeHtml(url)}</span></p>
</div>
<p>一般来信 ${days} 天内办结答复，代表会按您留的电话回访。请保管好这张回执。</p>
<p class="no-print muted">打印：按 Ctrl+P（苹果电脑按 ⌘+P）。</p>`
  return new Response(htmlPage(`来信回执 ${doc.code}`, main), { status: 200, headers })
}
