/**
 * The sign-in sheet of an activity for staff: every booking that was not cancelled, with the issue the
 * resident wants to raise and an empty column to sign, as a page to print (A4, the site's type), as CSV
 * for a spreadsheet, or as JSON with the live places (the admin's 预约 panel). Needs an editor's login.
 */
import type { PayloadHandler } from 'payload'

import { isStaffRequest } from '../access/index.ts'
import { recordAudit } from '../audit/record.ts'
import { ACTIVITY_KINDS, BOOKING_STATUSES, labelOf } from '../../vocabulary/options.ts'
import { beijingClock, chineseDate } from '../../vocabulary/dates.ts'
import { escapeHtml } from '../../vocabulary/html.ts'
import type { Activity, Booking, Station } from '../payload-types.ts'
import { readPlaces } from './places.ts'

const csvCell = (value: unknown) => {
  const text = String(value ?? '')
  // A leading = + - @ would be read as a formula by spreadsheet programs.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

export const signInSheetEndpoint: PayloadHandler = async (req) => {
  if (!isStaffRequest(req)) return Response.json({ message: '请先登录。' }, { status: 403 })
  const id = String(req.routeParams?.id ?? '')
  const activity = (await req.payload.findByID({
    collection: 'activities',
    id,
    depth: 1,
    draft: true,
    overrideAccess: true,
    disableErrors: true,
  })) as Activity | null
  if (!activity) return Response.json({ message: '没有找到这项活动。' }, { status: 404 })
  const { docs } = await req.payload.find({
    collection: 'bookings',
    where: { and: [{ activity: { equals: activity.id } }, { status: { not_equals: 'cancelled' } }] },
    overrideAccess: true,
    depth: 0,
    limit: 0,
    pagination: false,
    sort: 'bookedAt',
  })
  const bookings = docs as Booking[]
  const format = new URL(req.url ?? '', 'http://localhost').searchParams.get('format')
  const headers = { 'cache-control': 'no-store', 'x-robots-tag': 'noindex' }
  const counter = (await readPlaces(req.payload, [activity.id])).get(String(activity.id))
  const places = {
    capacity: counter?.capacity ?? 0,
    booked: counter?.booked ?? 0,
    left: Math.max(0, (counter?.capacity ?? 0) - (counter?.booked ?? 0)),
  }
  if (format === 'json') return Response.json({ places, bookings: bookings.length }, { headers })
  const station = typeof activity.station === 'object' ? (activity.station as Station) : null
  const when = `${chineseDate(activity.startsAt)} ${beijingClock(activity.startsAt)}–${beijingClock(activity.endsAt)}`
  const rows = bookings.map((b, i) => ({
    n: i + 1,
    code: b.code ?? '',
    name: b.name,
    phone: b.phone,
    issue: b.issue ?? '',
    status: labelOf(BOOKING_STATUSES, b.status ?? 'booked'),
  }))
  // The sheet names residents: printing or downloading it is an export (the JSON counts are not).
  await recordAudit(req, {
    action: 'export',
    collection: 'activities',
    documentId: activity.id,
    documentTitle: activity.title,
    detail: `${format === 'csv' ? '导出签到表 CSV' : '打印签到表'}（${rows.length} 人）`,
  })
  if (format === 'csv') {
    const lines = [
      ['序号', '预约码', '姓名', '手机号', '想反映的问题', '状态', '签名'],
      ...rows.map((r) => [r.n, r.code, r.name, r.phone, r.issue, r.status, '']),
    ]
    return new Response(`\ufeff${lines.map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`, {
      headers: {
        ...headers,
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="sign-in-${activity.id}.csv"`,
      },
    })
  }
  const body = rows
    .map(
      (r) =>
        `<tr><td>${r.n}</td><td>${escapeHtml(r.code)}</td><td>${escapeHtml(r.name)}</td><td>${escapeHtml(r.phone)}</td><td>${escapeHtml(r.issue)}</td><td>${escapeHtml(r.status)}</td><td class="sign"></td></tr>`,
    )
    .join('')
  const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>签到表 · ${escapeHtml(activity.title)}</title>
<style>body{font-family:"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:1.5rem;color:#1f2328}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #555;padding:.4rem .5rem;text-align:left;vertical-align:top;font-size:14px}
td.sign{min-width:7rem}h1{font-size:1.4rem;margin:0 0 .25rem}@page{size:A4;margin:15mm}@media print{.no-print{display:none}}</style></head>
<body><h1>签到表：${escapeHtml(activity.title)}</h1>
<p>${escapeHtml(labelOf(ACTIVITY_KINDS, activity.kind))} · ${escapeHtml(when)} · ${escapeHtml(station?.name ?? '')}</p>
<p>预约 ${rows.length} 人（名额 ${places.capacity} 个）。</p>
<table><thead><tr><th>序号</th><th>预约码</th><th>姓名</th><th>手机号</th><th>想反映的问题</th><th>状态</th><th>签名</th></tr></thead><tbody>${body || '<tr><td colspan="7">还没有群众预约。</td></tr>'}</tbody></table>
<p>现场未预约的群众同样接待，请在下方补记。</p></body></html>`
  return new Response(html, { headers: { ...headers, 'content-type': 'text/html; charset=utf-8' } })
}
