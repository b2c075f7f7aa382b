/**
 * GET /api/audit-log/export?from=YYYY-MM-DD&to=YYYY-MM-DD&user=<id>&collection=<slug>&action=<a>: the
 * 操作日志 as CSV for Excel (UTF-8 with BOM, Chinese headers), admins only. Read page by page and
 * streamed, so a year of entries never sits in memory. The export is itself recorded.
 */
import { stringify } from 'csv-stringify/sync'
import type { PayloadHandler, PayloadRequest, Where } from 'payload'

import type { AuditLog } from '../payload-types.ts'
import { actionLabel, AUDIT_ACTION_VALUES } from './actions.ts'
import { AUDIT_SLUG, recordAudit } from './record.ts'

const PAGE = 500

export const AUDIT_CSV_HEADERS = [
  '时间',
  '操作人',
  '操作',
  '对象类型',
  '文档编号',
  '文档',
  '改动字段',
  '说明',
  'IP 地址',
]

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** A calendar day in Beijing time as the UTC instant it starts, or undefined when not a real day. */
function beijingDayStart(text: string): Date | undefined {
  const m = DAY.exec(text)
  if (!m) return undefined
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const probe = new Date(Date.UTC(y, mo - 1, d))
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d)
    return undefined
  return new Date(Date.UTC(y, mo - 1, d) - 8 * 3_600_000)
}

const beijingTime = (iso: string) =>
  new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19)

const bad = (message: string) => Response.json({ message }, { status: 400 })

/** The query's filters as a where clause, or the 400 answer for a malformed one. */
export function auditExportWhere(params: URLSearchParams): { where: Where } | { error: Response } {
  const and: Where[] = []
  const from = params.get('from')?.trim()
  const to = params.get('to')?.trim()
  if (from) {
    const start = beijingDayStart(from)
    if (!start)
      return {
        error: bad(`开始日期应为 年-月-日，例如 2026-12-01。 (from: "${from}" is not a YYYY-MM-DD date)`),
      }
    and.push({ at: { greater_than_equal: start.toISOString() } })
  }
  if (to) {
    const start = beijingDayStart(to)
    if (!start)
      return { error: bad(`结束日期应为 年-月-日，例如 2026-12-31。 (to: "${to}" is not a YYYY-MM-DD date)`) }
    and.push({ at: { less_than: new Date(start.getTime() + 86_400_000).toISOString() } })
  }
  if (from && to && from > to) return { error: bad('开始日期不能晚于结束日期。 (from is after to)') }
  const user = params.get('user')?.trim()
  if (user) {
    if (!/^\d+$/.test(user)) return { error: bad(`操作人应为用户编号。 (user: "${user}" is not an id)`) }
    and.push({ user: { equals: Number(user) } })
  }
  const collection = params.get('collection')?.trim()
  if (collection) {
    if (!/^[a-z][a-z0-9-]{0,63}$/.test(collection))
      return { error: bad(`对象类型不正确。 (collection: "${collection}" is not a slug)`) }
    and.push({ collection: { equals: collection } })
  }
  const action = params.get('action')?.trim()
  if (action) {
    if (!AUDIT_ACTION_VALUES.includes(action))
      return {
        error: bad(`操作类型不正确。 (action: "${action}" is not one of ${AUDIT_ACTION_VALUES.join(', ')})`),
      }
    and.push({ action: { equals: action } })
  }
  return { where: and.length ? { and } : {} }
}

/** A leading = + - @ would be read as a formula by spreadsheet programs. */
const safeCell = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text)

function row(entry: AuditLog, collectionLabels: Map<string, string>): string[] {
  return [
    beijingTime(entry.at),
    entry.userLabel ?? '',
    actionLabel(entry.action),
    entry.collection ? (collectionLabels.get(entry.collection) ?? entry.collection) : '',
    entry.documentId ?? '',
    entry.documentTitle ?? '',
    Array.isArray(entry.changedFields) ? entry.changedFields.join('、') : '',
    entry.detail ?? '',
    entry.ip ?? '',
  ].map(safeCell)
}

const isAdminRequest = (req: PayloadRequest) => {
  const user = req.user as { collection?: string; role?: string } | null
  return user?.collection === 'users' && user.role === 'admin'
}

export const auditExportEndpoint: PayloadHandler = async (req) => {
  if (!isAdminRequest(req)) return Response.json({ message: '只有管理员可以导出操作日志。' }, { status: 403 })
  const parsed = auditExportWhere(new URL(req.url ?? 'http://localhost/').searchParams)
  if ('error' in parsed) return parsed.error
  const { where } = parsed

  const field = req.payload.collections[AUDIT_SLUG].config.fields.find(
    (f) => 'name' in f && f.name === 'collection',
  )
  const collectionLabels = new Map(
    (field && field.type === 'select' ? field.options : []).map((o) =>
      typeof o === 'string' ? [o, o] : [o.value, typeof o.label === 'string' ? o.label : o.value],
    ),
  )

  // The export is an event of its own; recorded before the rows are read, so it is in the file too.
  const asked = [...new URL(req.url ?? 'http://localhost/').searchParams].filter(([, v]) => v.trim())
  await recordAudit(req, {
    action: 'export',
    collection: AUDIT_SLUG,
    detail: `导出操作日志 CSV${asked.length ? `（${asked.map(([k, v]) => `${k}=${v}`).join('，')}）` : ''}`,
  })

  const { payload, user } = req
  let page = 1
  let done = false
  const encoder = new TextEncoder()
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(
        encoder.encode(`\ufeff${stringify([AUDIT_CSV_HEADERS], { record_delimiter: '\r\n' })}`),
      )
    },
    async pull(controller) {
      if (done) return
      try {
        const result = await payload.find({
          collection: AUDIT_SLUG,
          where,
          sort: 'at',
          limit: PAGE,
          page,
          depth: 0,
          pagination: true,
          overrideAccess: false,
          user,
        })
        if (result.docs.length)
          controller.enqueue(
            encoder.encode(
              stringify(
                result.docs.map((d) => row(d, collectionLabels)),
                { record_delimiter: '\r\n' },
              ),
            ),
          )
        page += 1
        if (!result.hasNextPage) {
          done = true
          controller.close()
        }
      } catch (err) {
        payload.logger.error({ err, msg: 'Audit log export failed' })
        controller.error(err)
      }
    },
  })
  const day = beijingTime(new Date().toISOString()).slice(0, 10)
  return new Response(stream, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="audit-log-${day}.csv"; filename*=UTF-8''${encodeURIComponent(`操作日志-${day}.csv`)}`,
      'cache-control': 'no-store',
    },
  })
}
