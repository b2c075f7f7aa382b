/**
 * Bulk import of deputies from a CSV or Excel sheet, shared by `npm run import:deputies` and the admin.
 * Every row is checked first and every problem is reported by row and column, in Chinese; only a clean
 * file is written, inside one transaction, so a failure leaves nothing half written. Rows are matched
 * on 编号 (the stable key): a re-run updates instead of duplicating, and unchanged rows are left alone.
 */
import fs from 'node:fs'
import path from 'node:path'

import { parse as parseCsv } from 'csv-parse/sync'
import iconv from 'iconv-lite'
import {
  commitTransaction,
  createLocalReq,
  initTransaction,
  killTransaction,
  ValidationError,
  type Payload,
  type PayloadRequest,
} from 'payload'

import type { Deputy, User } from '../payload-types.ts'
import { safeName } from '../uploads/media-file.ts'
import { DEPUTY_LEVELS, EXPERTISE_FIELDS, STREETS } from '../../vocabulary/options.ts'
import { hasMobileNumber } from '../../vocabulary/phone.ts'

/** The columns of the template, in order. Required ones are marked in the template's header note. */
export const COLUMNS = [
  '编号',
  '姓名',
  '性别',
  '层级',
  '届别',
  '选区',
  '街道',
  '联系社区',
  '实践站',
  '职业',
  '专业领域',
  '亮身份',
  '亮职责',
  '亮承诺',
  '接待时间',
  '照片',
  '示例数据',
] as const
export type Column = (typeof COLUMNS)[number]

export interface SheetRow {
  /** Line in the sheet as the editor sees it (the header is line 1). */
  line: number
  values: Partial<Record<Column, string>>
}

export interface ImportProblem {
  line: number
  column: Column | '文件'
  message: string
}

export interface ImportReport {
  rows: number
  created: number
  updated: number
  unchanged: number
  /** Problems stop the import: nothing is written. */
  problems: ImportProblem[]
  /** Warnings do not: the rows are imported (a photo that is nowhere to be found is left out). */
  warnings: ImportProblem[]
  dryRun: boolean
  /** True when the database was changed. */
  written: boolean
}

export interface ImportOptions {
  dryRun?: boolean
  /** Folder with photo files named in 照片; photos already in the media library are reused by file name. */
  photoDir?: string
  /** Photo files sent along with the sheet (the admin's form), by file name; like `photoDir`. */
  photoFiles?: Map<string, Buffer>
  /** Who imports (access rules apply to them); omit for a trusted script. */
  user?: User | null
  onProgress?: (done: number, total: number) => void
}

/** Where editors get the template: the import panel in the admin links to it (see ./endpoint.ts). */
export const TEMPLATE_HINT = '请在“人大代表”列表上方的“批量导入代表”中点“下载导入模板”，按模板的表头填写'

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030'

/**
 * The encoding of a CSV file, found from its bytes: a byte-order mark (UTF-8, or UTF-16 from Excel's
 * "Unicode text"), else UTF-8 when the bytes are valid UTF-8, else GB18030, the superset of GBK that
 * Chinese Excel writes with "CSV (逗号分隔)". Chinese text in GBK is practically never valid UTF-8.
 */
export function detectEncoding(data: Buffer): TextEncoding {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return 'utf-8'
  if (data[0] === 0xff && data[1] === 0xfe) return 'utf-16le'
  if (data[0] === 0xfe && data[1] === 0xff) return 'utf-16be'
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data)
    return 'utf-8'
  } catch {
    return 'gb18030'
  }
}

/** The text of a CSV file in whichever encoding it was saved, without a byte-order mark. */
export function decodeText(data: Buffer): string {
  // iconv-lite strips the BOM by default.
  return iconv.decode(data, detectEncoding(data))
}

/**
 * Reads a .csv (UTF-8 with or without BOM, GBK/GB18030, UTF-16; see `detectEncoding`) or .xlsx sheet
 * into rows keyed by the header names.
 */
export async function readSheet(data: Buffer, fileName: string): Promise<SheetRow[]> {
  const ext = path.extname(fileName).toLowerCase()
  let table: string[][]
  if (ext === '.csv' || ext === '.txt') {
    const text = decodeText(data)
    const firstLine = text.split('\n', 1)[0]
    table = parseCsv(text, {
      // Excel's "Unicode text" is tab-separated.
      delimiter: firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',',
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      trim: true,
    }) as string[][]
  } else if (ext === '.xlsx') {
    const { default: ExcelJS } = await import('exceljs')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(data as unknown as ArrayBuffer)
    const sheet = book.worksheets[0]
    table = []
    sheet?.eachRow({ includeEmpty: true }, (row, number) => {
      const cells: string[] = []
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cell.text?.trim() ?? ''
      })
      table[number - 1] = cells
    })
    table = Array.from(table, (r) => r ?? [])
  } else {
    throw new ImportFileError(`不支持的文件类型“${ext || fileName}”：请上传 .csv 或 .xlsx 文件。`)
  }
  const [header = [], ...body] = table
  const names = header.map((h) => h.replace(/[*＊\s]/g, ''))
  const missing = ['编号', '姓名', '层级', '街道'].filter((c) => !names.includes(c))
  if (missing.length) {
    throw new ImportFileError(`表头缺少“${missing.join('”“')}”列：${TEMPLATE_HINT}。`)
  }
  return body
    .map((cells, i) => ({
      line: i + 2,
      values: Object.fromEntries(
        names.flatMap((name, col) =>
          (COLUMNS as readonly string[]).includes(name) ? [[name, (cells[col] ?? '').trim()]] : [],
        ),
      ) as SheetRow['values'],
    }))
    .filter((row) => Object.values(row.values).some((v) => v))
}

/** A problem with the whole file (wrong type, wrong header): shown as one line. */
export class ImportFileError extends Error {
  override name = 'ImportFileError'
}

const split = (text: string | undefined) =>
  (text ?? '')
    .split(/[、，,;；/|\n]+/)
    .map((s) => s.trim())
    .filter(Boolean)

const LEVEL_WORDS: Record<string, Deputy['level']> = {
  区: 'district',
  区级: 'district',
  市: 'city',
  市级: 'city',
  省: 'province',
  省级: 'province',
  全国: 'national',
}

function levelOf(text: string): Deputy['level'] | undefined {
  const t = text.replace(/人大代表|代表/g, '').trim()
  return LEVEL_WORDS[t] ?? DEPUTY_LEVELS.find((l) => l.value === text)?.value
}

function streetOf(text: string): string | undefined {
  const t = text.trim()
  return STREETS.find((s) => s.label === t || s.label === `${t}街道` || s.value === t)?.value
}

type DeputyData = Omit<
  Deputy,
  'id' | 'createdAt' | 'updatedAt' | 'pinyin' | 'pinyinInitials' | 'slug' | 'photo'
> & {
  photo?: number | null
}

/** Checks every row and, unless dry-run or a problem was found, writes them all in one transaction. */
export async function importDeputies(
  payload: Payload,
  rows: SheetRow[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const problems: ImportProblem[] = []
  const warnings: ImportProblem[] = []
  const report = (extra: Partial<ImportReport> = {}): ImportReport => ({
    rows: rows.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    problems,
    warnings,
    dryRun: Boolean(options.dryRun),
    written: false,
    ...extra,
  })
  if (rows.length === 0) {
    problems.push({ line: 1, column: '文件', message: '文件里没有代表数据（只有表头或是空文件）。' })
    return report()
  }

  const stations = (await payload.find({ collection: 'stations', limit: 0, depth: 0, overrideAccess: true }))
    .docs
  const stationId = new Map<string, number>()
  for (const s of stations) {
    stationId.set(s.name, s.id)
    if (s.slug) stationId.set(s.slug, s.id)
  }
  const codes = rows.map((r) => r.values.编号 ?? '').filter(Boolean)
  const existing = new Map<string, Deputy>()
  for (let i = 0; i < codes.length; i += 200) {
    const { docs } = await payload.find({
      collection: 'deputies',
      where: { code: { in: codes.slice(i, i + 200) } },
      limit: 0,
      depth: 0,
      overrideAccess: true,
    })
    for (const d of docs) if (d.code) existing.set(d.code, d)
  }

  const seen = new Map<string, number>()
  const planned: { line: number; data: DeputyData; photoName?: string; existing?: Deputy }[] = []
  for (const { line, values: v } of rows) {
    const problem = (column: Column, message: string) => problems.push({ line, column, message })
    const code = v.编号 ?? ''
    if (!code) problem('编号', '不能为空：每位代表需要一个编号，再次导入时按编号更新。')
    else if (code.length > 40) problem('编号', '太长（最多 40 个字符）。')
    else if (seen.has(code)) problem('编号', `与第 ${seen.get(code)} 行重复：同一位代表只能出现一次。`)
    else seen.set(code, line)

    const name = v.姓名 ?? ''
    if (!name) problem('姓名', '不能为空。')
    else if (!/^[\p{Script=Han}·]{2,10}$/u.test(name))
      problem('姓名', `“${name}”不像中文姓名（2–10 个汉字）。`)

    const level = levelOf(v.层级 ?? '')
    if (!v.层级) problem('层级', '不能为空：填写 区、市、省 或 全国。')
    else if (!level) problem('层级', `“${v.层级}”无法识别：只能填写 区、市、省 或 全国。`)

    const street = streetOf(v.街道 ?? '')
    if (!v.街道) problem('街道', '不能为空。')
    else if (!street) problem('街道', `未知的街道“${v.街道}”：应为泉山区的街道，例如“奎山街道”。`)

    let station: number | undefined
    if (v.实践站) {
      station = stationId.get(v.实践站)
      if (station === undefined)
        problem('实践站', `未找到实践站“${v.实践站}”：请先在“实践站点”中建好，或检查名称。`)
    }

    const fields: NonNullable<Deputy['fields']> = []
    for (const label of split(v.专业领域)) {
      const field = EXPERTISE_FIELDS.find((f) => f.label === label || f.value === label)
      if (field) fields.push(field.value)
      else
        problem('专业领域', `未知的领域“${label}”：可选 ${EXPERTISE_FIELDS.map((f) => f.label).join('、')}。`)
    }

    const gender = v.性别 === '男' ? 'male' : v.性别 === '女' ? 'female' : undefined
    if (v.性别 && !gender) problem('性别', `“${v.性别}”无法识别：填写 男 或 女，或留空。`)

    // The same guard as the collection's hook, so a file is refused exactly when a save would be.
    for (const column of [
      '姓名',
      '届别',
      '选区',
      '联系社区',
      '职业',
      '亮身份',
      '亮职责',
      '亮承诺',
      '接待时间',
      '编号',
    ] as const) {
      if (v[column] && hasMobileNumber(v[column]))
        problem(column, '不能填写手机号码：代表的联系方式统一通过实践站公开。')
    }
    for (const [column, max] of [
      ['亮身份', 600],
      ['亮职责', 600],
      ['亮承诺', 600],
      ['接待时间', 120],
      ['职业', 80],
      ['届别', 60],
      ['选区', 40],
    ] as const) {
      if ((v[column]?.length ?? 0) > max) problem(column, `太长（${v[column]!.length} 字，最多 ${max} 字）。`)
    }

    const photoName = v.照片 ? path.basename(v.照片) : undefined
    if (photoName && !/\.(jpe?g|png|webp)$/i.test(photoName)) {
      problem('照片', `“${photoName}”不是 JPG、PNG 或 WebP 图片文件名。`)
    }

    planned.push({
      line,
      photoName,
      existing: existing.get(code),
      data: {
        code,
        name,
        gender: gender ?? null,
        level: level ?? 'district',
        term: v.届别 || null,
        constituency: v.选区 || null,
        street: (street ?? 'kuishan') as Deputy['street'],
        communities: split(v.联系社区),
        station: station ?? null,
        occupation: v.职业 || null,
        fields,
        identity: v.亮身份 || null,
        duties: v.亮职责 || null,
        commitments: v.亮承诺 || null,
        receptionTimes: v.接待时间 || null,
        isSample: ['是', 'true', '1', 'yes'].includes((v.示例数据 ?? '').toLowerCase()),
      },
    })
  }

  // Photos: reuse the media library by file name, else the photo folder; a missing file is a problem.
  const photoIds = new Map<string, number | 'upload'>()
  const photoNames = [...new Set(planned.flatMap((p) => (p.photoName ? [p.photoName] : [])))]
  if (photoNames.length) {
    // The media library stores uploads under an ASCII name (张伟.JPG → zhang-wei.jpg): look for both.
    const storedName = (name: string) =>
      safeName(name, path.extname(name).slice(1).toLowerCase().replace('jpeg', 'jpg'), 'image')
    const { docs } = await payload.find({
      collection: 'media',
      where: { filename: { in: [...new Set([...photoNames, ...photoNames.map(storedName)])] } },
      limit: 0,
      depth: 0,
      overrideAccess: true,
    })
    const byFilename = new Map(docs.map((m) => [m.filename, m.id]))
    for (const name of photoNames) {
      const id = byFilename.get(name) ?? byFilename.get(storedName(name))
      if (id !== undefined) photoIds.set(name, id)
    }
    for (const p of planned) {
      if (!p.photoName || photoIds.has(p.photoName)) continue
      if (photoFile(options, p.photoName)) photoIds.set(p.photoName, 'upload')
      else {
        // Not a reason to refuse the row: it is imported without the photo, which can be added later.
        warnings.push({
          line: p.line,
          column: '照片',
          message: `没有找到照片“${p.photoName}”（媒体库里没有，也没有随表格一起上传）：这一行${options.dryRun ? '可以导入' : '已导入'}，暂不设照片。可以随表格一起选择照片文件再导入一次，或以后在代表资料里上传。`,
        })
        p.photoName = undefined
      }
    }
  }

  problems.sort((a, b) => a.line - b.line)
  const changes = planned.map((p) => ({
    ...p,
    change: p.existing ? (differs(p.existing, p.data, p.photoName, photoIds) ? 'update' : 'same') : 'create',
  }))
  const counts = {
    created: changes.filter((c) => c.change === 'create').length,
    updated: changes.filter((c) => c.change === 'update').length,
    unchanged: changes.filter((c) => c.change === 'same').length,
  }
  if (problems.length || options.dryRun) return report(problems.length ? {} : counts)

  const req: PayloadRequest = await createLocalReq({ user: options.user ?? undefined }, payload)
  const access = options.user ? { overrideAccess: false, user: options.user } : { overrideAccess: true }
  // 先审后发: a reviewer's or admin's import (or the CLI) publishes the roster as approved; an editor's
  // import leaves each row as a draft submitted for review (docs/decisions.md, "Roster imports").
  const publishes = !options.user || options.user.role === 'admin' || options.user.role === 'reviewer'
  const status = publishes
    ? ({ _status: 'published' } as const)
    : ({ _status: 'draft', reviewState: 'pending' } as const)
  req.context = { ...req.context, rosterImport: publishes }
  await initTransaction(req)
  let done = 0
  try {
    for (const c of changes) {
      if (c.change !== 'same') {
        let photo = c.photoName ? photoIds.get(c.photoName) : undefined
        if (photo === 'upload') {
          const data = photoFile(options, c.photoName!)!
          const ext = path.extname(c.photoName!).toLowerCase()
          const mimetype = ext === '.png' ? 'image/png' : ext === '.webp' ? 'image/webp' : 'image/jpeg'
          const media = await payload.create({
            collection: 'media',
            data: { alt: `${c.data.name}代表的照片` },
            file: { data, mimetype, name: c.photoName!, size: data.length },
            req,
            depth: 0,
            ...access,
          })
          photo = media.id
          photoIds.set(c.photoName!, media.id)
        }
        const data = { ...c.data, ...(photo !== undefined ? { photo } : {}), ...status }
        try {
          // depth 0: nothing to populate in the returned document, which saves most of the time per row.
          if (c.existing)
            await payload.update({
              collection: 'deputies',
              id: c.existing.id,
              data,
              req,
              depth: 0,
              draft: !publishes,
              ...access,
            })
          else
            await payload.create({
              collection: 'deputies',
              data,
              req,
              depth: 0,
              draft: !publishes,
              ...access,
            })
        } catch (error) {
          throw rowError(error, c.line)
        }
      }
      options.onProgress?.(++done, changes.length)
    }
    await commitTransaction(req)
  } catch (error) {
    await killTransaction(req)
    if (error instanceof RowError) {
      problems.push(...error.problems)
      return report()
    }
    throw error
  }
  return report({ ...counts, written: counts.created + counts.updated > 0 })
}

/** The bytes of a photo sent with the sheet or found in the photo folder, if either has it. */
function photoFile(options: ImportOptions, name: string): Buffer | undefined {
  const sent = options.photoFiles?.get(name)
  if (sent) return sent
  if (!options.photoDir) return undefined
  const file = path.join(options.photoDir, name)
  return fs.existsSync(file) ? fs.readFileSync(file) : undefined
}

class RowError extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(problems.map((p) => p.message).join('; '))
  }
}

const COLUMN_OF: Record<string, Column> = {
  name: '姓名',
  level: '层级',
  street: '街道',
  station: '实践站',
  fields: '专业领域',
  identity: '亮身份',
  duties: '亮职责',
  commitments: '亮承诺',
  receptionTimes: '接待时间',
  occupation: '职业',
  constituency: '选区',
  term: '届别',
  code: '编号',
  slug: '姓名',
}

/** Turns a CMS validation error on one row into problems on that row (columns named in Chinese). */
function rowError(error: unknown, line: number): RowError | unknown {
  if (error instanceof ValidationError) {
    const errors = (error.data?.errors ?? []) as { path: string; message: string }[]
    return new RowError(
      errors.map((e) => ({ line, column: COLUMN_OF[e.path] ?? '编号', message: e.message })),
    )
  }
  return error
}

function differs(
  doc: Deputy,
  data: DeputyData,
  photoName: string | undefined,
  photos: Map<string, number | 'upload'>,
): boolean {
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null)
  const keys = Object.keys(data) as (keyof DeputyData)[]
  for (const key of keys) {
    const current = key === 'station' ? relationId(doc.station) : doc[key as keyof Deputy]
    const wanted = data[key]
    if (Array.isArray(wanted) && wanted.length === 0 && (current === null || current === undefined)) continue
    if (!same(current, wanted)) return true
  }
  if (photoName) {
    const photo = photos.get(photoName)
    if (photo === 'upload' || photo !== relationId(doc.photo)) return true
  }
  return false
}

const relationId = (value: unknown) =>
  value && typeof value === 'object' ? (value as { id: unknown }).id : (value ?? null)

/** The report as lines for a terminal or a log. */
export function formatReport(report: ImportReport): string[] {
  const line = (p: ImportProblem) => `第 ${p.line} 行「${p.column}」：${p.message}`
  const lines = report.problems.map(line)
  if (!report.problems.length) lines.push(...report.warnings.map((w) => `提示：${line(w)}`))
  if (report.problems.length) {
    lines.push(
      `发现 ${report.problems.length} 个问题，共 ${report.rows} 行；没有写入任何数据。请修改后重新导入。`,
    )
  } else if (report.dryRun) {
    lines.push(
      `检查通过：共 ${report.rows} 行，将新增 ${report.created} 位、更新 ${report.updated} 位、${report.unchanged} 位无变化（试运行，没有写入）。`,
    )
  } else {
    lines.push(
      `导入完成：共 ${report.rows} 行，新增 ${report.created} 位、更新 ${report.updated} 位、${report.unchanged} 位无变化。`,
    )
  }
  return lines
}
