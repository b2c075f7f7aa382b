import fs from 'node:fs'
import path from 'node:path'

import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Payload } from 'payload'

import {
  COLUMNS,
  formatReport,
  ImportFileError,
  importDeputies,
  readSheet,
} from '../../cms/import/deputies.ts'
import { ROOT } from '../../cms/paths.ts'
import { seed } from '../../cms/seed/index.ts'
import { makeUser, openThrowawayCms, type ThrowawayCms } from '../helpers/cms.ts'

/** The deputy importer on a seeded throwaway CMS (its stations are the ones the sample refers to). */

const SAMPLE = path.join(ROOT, 'content', 'deputies-sample-262.csv')
const PHOTOS = path.join(ROOT, 'content', 'deputy-photos')
let cms: ThrowawayCms
let payload: Payload

const count = async () => (await payload.count({ collection: 'deputies' })).totalDocs
const csv = (rows: string[][]) => Buffer.from([COLUMNS.join(','), ...rows.map((r) => r.join(','))].join('\n'))
/** A valid row (station and street from the seed content), with some columns changed. */
function row(changes: Partial<Record<(typeof COLUMNS)[number], string>>): string[] {
  const base: Record<string, string> = {
    编号: 'T-001',
    姓名: '王测试',
    性别: '女',
    层级: '区',
    届别: '泉山区第十八届人民代表大会代表',
    选区: '第1选区',
    街道: '奎山街道',
    联系社区: '矿山社区、建新社区',
    实践站: '奎山街道人大代表实践站',
    职业: '教师',
    专业领域: '教育',
    亮身份: '身份',
    亮职责: '职责',
    亮承诺: '承诺',
    接待时间: '每月第一个周三',
    照片: '',
    示例数据: '是',
    ...changes,
  }
  return COLUMNS.map((c) => base[c])
}

beforeAll(async () => {
  cms = await openThrowawayCms()
  payload = cms.payload
  await seed(payload)
})

afterAll(async () => {
  await cms?.close()
})

describe('importing the 262-row sample', () => {
  it('a dry run checks everything and writes nothing', async () => {
    const before = await count()
    const rows = await readSheet(fs.readFileSync(SAMPLE), SAMPLE)
    expect(rows.length).toBe(262)
    const report = await importDeputies(payload, rows, { dryRun: true, photoDir: PHOTOS })
    expect(report.problems).toEqual([])
    expect(report.created).toBe(262)
    expect(report.written).toBe(false)
    expect(await count()).toBe(before)
  })

  it('imports all rows with their photos and derived pinyin, reporting progress', async () => {
    const before = await count()
    const rows = await readSheet(fs.readFileSync(SAMPLE), SAMPLE)
    const progress: number[] = []
    const report = await importDeputies(payload, rows, {
      photoDir: PHOTOS,
      onProgress: (done) => progress.push(done),
    })
    expect(report.problems).toEqual([])
    expect(report.created).toBe(262)
    expect(await count()).toBe(before + 262)
    expect(progress.at(-1)).toBe(262)
    const { docs } = await payload.find({
      collection: 'deputies',
      where: { code: { equals: 'QS-S-001' } },
      depth: 1,
    })
    expect(docs[0].pinyin).toMatch(/^[a-z]+( [a-z]+)+$/)
    expect(typeof docs[0].photo === 'object' && docs[0].photo?.filename).toBe('sample-photo-1.jpg')
    expect(typeof docs[0].station === 'object' && docs[0].station?.name).toBeTruthy()
    expect(formatReport(report).at(-1)).toMatch(/导入完成：共 262 行，新增 262 位/)
  })

  it('a re-run creates no duplicates and changes nothing', async () => {
    const before = await count()
    const media = (await payload.count({ collection: 'media' })).totalDocs
    const rows = await readSheet(fs.readFileSync(SAMPLE), SAMPLE)
    const report = await importDeputies(payload, rows, { photoDir: PHOTOS })
    expect(report).toMatchObject({ created: 0, updated: 0, unchanged: 262, written: false })
    expect(await count()).toBe(before)
    expect((await payload.count({ collection: 'media' })).totalDocs).toBe(media)
  })

  it('a changed row updates that deputy, keeping its page address', async () => {
    const [first] = (await payload.find({ collection: 'deputies', where: { code: { equals: 'QS-S-002' } } }))
      .docs
    const rows = await readSheet(fs.readFileSync(SAMPLE), SAMPLE)
    rows[1].values.职业 = '新职业'
    const report = await importDeputies(payload, rows, { photoDir: PHOTOS })
    expect(report).toMatchObject({ created: 0, updated: 1, unchanged: 261 })
    const after = await payload.findByID({ collection: 'deputies', id: first.id })
    expect(after.occupation).toBe('新职业')
    expect(after.slug).toBe(first.slug)
  })
})

describe('a file with bad rows', () => {
  it('a photo with a Chinese file name is stored under an ASCII name and found again on the next import', async () => {
    const dir = fs.mkdtempSync(path.join(cms.dataDir, 'photos-'))
    fs.copyFileSync(path.join(PHOTOS, 'sample-photo-1.jpg'), path.join(dir, '王测试.JPG'))
    const rows = await readSheet(csv([row({ 编号: 'T-CN-1', 照片: '王测试.JPG' })]), 'x.csv')
    const first = await importDeputies(payload, rows, { photoDir: dir })
    expect(first).toMatchObject({ created: 1, written: true })
    const { docs } = await payload.find({
      collection: 'deputies',
      where: { code: { equals: 'T-CN-1' } },
      depth: 1,
    })
    expect(typeof docs[0].photo === 'object' && docs[0].photo?.filename).toMatch(/^wang-ce-shi(-\d+)?\.jpg$/)
    const media = (await payload.count({ collection: 'media' })).totalDocs
    const again = await importDeputies(payload, rows, { photoDir: dir })
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 1 })
    expect((await payload.count({ collection: 'media' })).totalDocs).toBe(media)
  })

  it('reports every problem by row and column in Chinese, and writes nothing', async () => {
    const before = await count()
    const rows = await readSheet(
      csv([
        row({ 编号: 'B-1', 姓名: '李好人' }),
        row({ 编号: 'B-2', 姓名: '' }),
        row({ 编号: 'B-3', 姓名: '赵某', 街道: '火星街道' }),
        row({ 编号: 'B-4', 姓名: '钱某', 实践站: '不存在的站' }),
        row({ 编号: 'B-1', 姓名: '孙某' }),
        row({ 编号: 'B-6', 姓名: '周某', 层级: '村' }),
        row({ 编号: 'B-7', 姓名: '吴某', 亮承诺: '请打13805161234找我' }),
        row({ 编号: '', 姓名: '郑某' }),
        row({ 编号: 'B-9', 姓名: '冯某', 专业领域: '占卜' }),
        row({ 编号: 'B-10', 姓名: '陈某', 照片: 'missing.jpg' }),
      ]),
      'bad.csv',
    )
    const report = await importDeputies(payload, rows, { photoDir: PHOTOS })
    const where = report.problems.map((p) => `${p.line}:${p.column}`)
    expect(where).toEqual([
      '3:姓名',
      '4:街道',
      '5:实践站',
      '6:编号',
      '7:层级',
      '8:亮承诺',
      '9:编号',
      '10:专业领域',
      '11:照片',
    ])
    const lines = formatReport(report)
    expect(lines[0]).toBe('第 3 行「姓名」：不能为空。')
    expect(lines).toContain('第 4 行「街道」：未知的街道“火星街道”：应为泉山区的街道，例如“奎山街道”。')
    expect(lines).toContain('第 6 行「编号」：与第 2 行重复：同一位代表只能出现一次。')
    expect(lines.at(-1)).toMatch(/没有写入任何数据/)
    expect(report.written).toBe(false)
    expect(await count()).toBe(before)
    expect(
      (await payload.count({ collection: 'deputies', where: { name: { equals: '李好人' } } })).totalDocs,
    ).toBe(0)
  })

  it('an unreadable or wrong file says so in one line', async () => {
    await expect(readSheet(Buffer.from('%PDF-1.4'), 'x.pdf')).rejects.toThrow(ImportFileError)
    await expect(readSheet(Buffer.from('name,street\n张三,奎山'), 'x.csv')).rejects.toThrow(
      /表头缺少“编号”“姓名”“层级”“街道”列/,
    )
    const empty = await importDeputies(payload, await readSheet(Buffer.from(COLUMNS.join(',')), 'empty.csv'))
    expect(empty.problems[0].message).toMatch(/没有代表数据/)
  })
})

describe('Excel files and access', () => {
  it('reads .xlsx sheets like CSV', async () => {
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('代表')
    sheet.addRow([...COLUMNS])
    sheet.addRow(row({ 编号: 'X-1', 姓名: '韩表格' }))
    const data = Buffer.from(await book.xlsx.writeBuffer())
    const rows = await readSheet(data, 'deputies.xlsx')
    expect(rows[0].values.姓名).toBe('韩表格')
    const report = await importDeputies(payload, rows)
    expect(report).toMatchObject({ created: 1, problems: [] })
  })

  it('runs with the importing user’s rights: an editor may, nobody else', async () => {
    const { user } = await makeUser(payload, 'editor')
    const rows = await readSheet(csv([row({ 编号: 'E-1', 姓名: '编辑导' })]), 'e.csv')
    expect((await importDeputies(payload, rows, { user })).created).toBe(1)
  })
})
