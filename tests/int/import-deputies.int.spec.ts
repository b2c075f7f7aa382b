import fs from 'node:fs'
import path from 'node:path'

import ExcelJS from 'exceljs'
import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Payload } from 'payload'

import {
  COLUMNS,
  detectEncoding,
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

// First, while the media library has none of the sample's photos.
describe('the sample as shipped, from the admin: no photo folder', () => {
  it('imports every row; the photos missing from the media library are listed as warnings', async () => {
    const rows = await readSheet(fs.readFileSync(SAMPLE), SAMPLE)
    const report = await importDeputies(payload, rows, { dryRun: true })
    expect(report.problems).toEqual([])
    expect(report.warnings.map((w) => w.column)).toEqual(Array(6).fill('照片'))
    expect(report.warnings[0].message).toMatch(
      /没有找到照片“sample-photo-1\.jpg”.*这一行可以导入，暂不设照片/,
    )
    expect(formatReport(report).filter((l) => l.startsWith('提示：'))).toHaveLength(6)
    expect(formatReport(report).at(-1)).toMatch(/检查通过：共 262 行/)
  })

  it('photos sent along with the sheet (several files) are used', async () => {
    const rows = await readSheet(
      csv([row({ 编号: 'P-1', 姓名: '随表照', 照片: 'sample-photo-3.jpg' })]),
      'p.csv',
    )
    const photoFiles = new Map([
      ['sample-photo-3.jpg', fs.readFileSync(path.join(PHOTOS, 'sample-photo-3.jpg'))],
    ])
    const report = await importDeputies(payload, rows, { photoFiles })
    expect(report).toMatchObject({ created: 1, warnings: [], problems: [] })
    const { docs } = await payload.find({
      collection: 'deputies',
      where: { code: { equals: 'P-1' } },
      depth: 1,
    })
    expect(typeof docs[0].photo === 'object' && docs[0].photo?.filename).toMatch(
      /^sample-photo-3(-\d+)?\.jpg$/,
    )
  })
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

describe('the encoding is found by itself', () => {
  const text = () => fs.readFileSync(SAMPLE, 'utf8').replace(/^\uFEFF/, '')

  it.each([
    ['UTF-8 with BOM (as shipped)', () => fs.readFileSync(SAMPLE), 'utf-8'],
    ['UTF-8 without BOM', () => Buffer.from(text(), 'utf8'), 'utf-8'],
    ['GBK (saved by Chinese Excel)', () => iconv.encode(text(), 'gbk'), 'gb18030'],
    ['UTF-16 (Excel’s Unicode text)', () => iconv.encode(text(), 'utf-16le', { addBOM: true }), 'utf-16le'],
  ] as const)('%s: the same 262 rows', async (_, bytes, encoding) => {
    const data = bytes()
    expect(detectEncoding(data)).toBe(encoding)
    const rows = await readSheet(data, 'deputies.csv')
    const shipped = await readSheet(fs.readFileSync(SAMPLE), SAMPLE)
    expect(rows).toEqual(shipped)
    expect(rows[0].values.姓名).toBe('叶凯海')
    expect(rows[0].values.街道).toBe('王陵街道')
  })

  it('a GBK file with new rows imports (same report as its UTF-8 twin)', async () => {
    const lines = [COLUMNS.join(','), row({ 编号: 'G-1', 姓名: '冀北辰', 街道: '七里沟街道' }).join(',')]
    const gbk = iconv.encode(lines.join('\r\n'), 'gbk')
    expect(gbk.includes(Buffer.from('冀北辰'))).toBe(false) // really not UTF-8
    const report = await importDeputies(payload, await readSheet(gbk, '代表.csv'))
    expect(report).toMatchObject({ created: 1, problems: [] })
    const { docs } = await payload.find({ collection: 'deputies', where: { code: { equals: 'G-1' } } })
    expect(docs[0]).toMatchObject({ name: '冀北辰', street: 'qiligou', pinyin: 'ji bei chen' })
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
    ])
    // A photo that cannot be found is a warning, not a reason to refuse the row.
    expect(report.warnings.map((p) => `${p.line}:${p.column}`)).toEqual(['11:照片'])
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
    const header = readSheet(Buffer.from('name,street\n张三,奎山'), 'x.csv')
    await expect(header).rejects.toThrow(/表头缺少“编号”“姓名”“层级”“街道”列/)
    // The editor is sent to the template download in the admin, never to a path in the repository.
    await expect(header).rejects.toThrow(/“批量导入代表”中点“下载导入模板”/)
    await expect(header).rejects.not.toThrow(/content\//)
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
