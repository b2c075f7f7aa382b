/**
 * Staff endpoints of a consultation: the opinions grouped by article with counts per outcome (the
 * admin's 意见汇总 panel) and the XLSX export for the body that asked. Both need an editor's login.
 */
import type { Payload, PayloadHandler } from 'payload'

import { isStaffRequest } from '../access/index.ts'
import { recordAudit } from '../audit/record.ts'
import { OPINION_OUTCOMES, STREETS, labelOf, type OpinionOutcome } from '../../vocabulary/options.ts'
import { GENERAL_LABEL, GENERAL_REF } from '../../vocabulary/consultations/validate.ts'
import type { Consultation, Opinion } from '../payload-types.ts'

export interface ArticleSummary {
  ref: string
  label: string
  /** Opinions on it (merged duplicates not counted again). */
  total: number
  /** Merged into another opinion. */
  merged: number
  byOutcome: Record<OpinionOutcome, number>
}

async function loadStaff(payload: Payload, id: string) {
  const consultation = (await payload.findByID({
    collection: 'consultations',
    id,
    depth: 0,
    draft: true,
    overrideAccess: true,
    disableErrors: true,
  })) as Consultation | null
  if (!consultation) return null
  const { docs } = await payload.find({
    collection: 'opinions',
    where: { consultation: { equals: consultation.id } },
    overrideAccess: true,
    depth: 0,
    limit: 0,
    pagination: false,
    sort: 'receivedAt',
  })
  return { consultation, opinions: docs as Opinion[] }
}

const emptyOutcomes = () =>
  Object.fromEntries(OPINION_OUTCOMES.map((o) => [o.value, 0])) as Record<OpinionOutcome, number>

/** Per article in the draft's order (the general opinions first), with counts per outcome. */
export function summariseByArticle(consultation: Consultation, opinions: Opinion[]): ArticleSummary[] {
  const rows = new Map<string, ArticleSummary>()
  const row = (ref: string, label: string) => {
    if (!rows.has(ref)) rows.set(ref, { ref, label, total: 0, merged: 0, byOutcome: emptyOutcomes() })
    return rows.get(ref)!
  }
  row(GENERAL_REF, GENERAL_LABEL)
  for (const p of consultation.parts ?? []) if (p.kind === 'article') row(p.ref, p.label ?? p.ref)
  for (const o of opinions) {
    const r = row(o.articleRef || GENERAL_REF, o.articleLabel || o.articleRef || GENERAL_LABEL)
    if (o.mergedInto) r.merged++
    else {
      r.total++
      r.byOutcome[o.outcome as OpinionOutcome]++
    }
  }
  return [...rows.values()]
}

const refuse = () => Response.json({ message: '请先用编辑或管理员账号登录。' }, { status: 403 })

export const opinionSummaryEndpoint: PayloadHandler = async (req) => {
  if (!isStaffRequest(req)) return refuse()
  const loaded = await loadStaff(req.payload, String(req.routeParams?.id ?? ''))
  if (!loaded) return Response.json({ message: '没有找到这项意见征集。' }, { status: 404 })
  const articles = summariseByArticle(loaded.consultation, loaded.opinions)
  return Response.json(
    {
      id: loaded.consultation.id,
      total: articles.reduce((n, a) => n + a.total, 0),
      pending: loaded.opinions.filter((o) => !o.mergedInto && o.outcome === 'pending').length,
      articles: articles.filter((a) => a.total + a.merged > 0),
      outcomes: OPINION_OUTCOMES,
    },
    { headers: { 'cache-control': 'no-store' } },
  )
}

/** The export's columns, in order (tests check them; the body that asked reads them). */
export const EXPORT_COLUMNS = [
  '序号',
  '回执码',
  '提交时间',
  '条文',
  '意见内容',
  '所在街道',
  '处理结果',
  '处理理由',
  '合并到（回执码）',
] as const

/** The workbook of a consultation's opinions; names and phones stay out (they are for callbacks only). */
export async function opinionsWorkbook(consultation: Consultation, opinions: Opinion[]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs')
  const book = new ExcelJS.Workbook()
  book.creator = '民呼我应 · 意见征集'
  const sheet = book.addWorksheet('群众意见')
  sheet.addRow([consultation.title])
  sheet.addRow([`征集单位：${consultation.askedBy} · 共 ${opinions.length} 条意见`])
  sheet.addRow([...EXPORT_COLUMNS])
  sheet.getRow(3).font = { bold: true }
  const codeOf = new Map(opinions.map((o) => [o.id, o.code]))
  const order = new Map((consultation.parts ?? []).map((p, i) => [p.ref, i]))
  const sorted = [...opinions].sort(
    (a, b) =>
      (order.get(a.articleRef ?? '') ?? -1) - (order.get(b.articleRef ?? '') ?? -1) ||
      (a.receivedAt ?? '').localeCompare(b.receivedAt ?? ''),
  )
  for (const [i, o] of sorted.entries()) {
    const into = typeof o.mergedInto === 'object' ? o.mergedInto?.id : o.mergedInto
    sheet.addRow([
      i + 1,
      o.code,
      o.receivedAt ? new Date(o.receivedAt) : '',
      o.articleLabel || GENERAL_LABEL,
      o.body,
      o.street ? labelOf(STREETS, o.street) : '',
      labelOf(OPINION_OUTCOMES, o.outcome),
      o.reason ?? '',
      into ? (codeOf.get(into) ?? '') : '',
    ])
  }
  sheet.getColumn(3).numFmt = 'yyyy-mm-dd hh:mm'
  for (const [col, width] of [
    [2, 14],
    [3, 18],
    [4, 12],
    [5, 60],
    [8, 40],
  ] as const)
    sheet.getColumn(col).width = width
  return Buffer.from(await book.xlsx.writeBuffer())
}

export const exportOpinionsEndpoint: PayloadHandler = async (req) => {
  if (!isStaffRequest(req)) return refuse()
  const loaded = await loadStaff(req.payload, String(req.routeParams?.id ?? ''))
  if (!loaded) return Response.json({ message: '没有找到这项意见征集。' }, { status: 404 })
  const data = await opinionsWorkbook(loaded.consultation, loaded.opinions)
  const name = `意见汇总-${loaded.consultation.slug ?? loaded.consultation.id}.xlsx`
  await recordAudit(req, {
    action: 'export',
    collection: 'consultations',
    documentId: loaded.consultation.id,
    documentTitle: loaded.consultation.title,
    detail: `导出意见汇总 XLSX（${loaded.opinions.length} 条意见）`,
  })
  return new Response(new Uint8Array(data), {
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="opinions.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
      'cache-control': 'no-store',
    },
  })
}
