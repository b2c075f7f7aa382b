/**
 * Issue 11, finding 7: the guard against mobile numbers in public texts was a regular expression on the raw
 * text; full-width digits, dots, underscores, Unicode dashes, spaced digits and Chinese numerals went
 * through. Every format, in every guarded field of deputies and stations, written by an editor through the
 * Local API with access checks on, must be refused with the Chinese message and store nothing; so must a
 * message reply.
 */
import { describe, expect, it } from 'vitest'

import { importDeputies } from '../../cms/import/deputies.ts'
import { toLexical } from '../../cms/seed/lexical.ts'
import { fieldErrors, useThrowawayCms } from '../helpers/cms.ts'

const local = useThrowawayCms()
const { asEditor } = local

const FORMATS: [string, string][] = [
  ['full-width digits', '１３８００１３８０００'],
  ['dots', '138.0013.8000'],
  ['underscores', '138_0013_8000'],
  ['U+2010 hyphens', '138\u20100013\u20108000'],
  ['spaced digits', '1 3 8 0 0 1 3 8 0 0 0'],
  ['Chinese numerals', '一三八〇〇一三八〇〇〇'],
  ['mixed', '138〇〇13八０００'],
  ['+86', '+86 138-0013-8000'],
]

const count = async (collection: 'deputies' | 'stations') =>
  (await local.payload.count({ collection, overrideAccess: true })).totalDocs

describe('deputies', () => {
  const deputy = { name: '王芳', level: 'district', street: 'hubin' } as const
  const fields: [string, (phone: string) => unknown][] = [
    ['term', (p) => `泉山区第十八届人民代表大会代表 ${p}`],
    ['constituency', (p) => `第三选区${p}`],
    ['communities', (p) => ['奎山社区', p]],
    ['occupation', (p) => `社区医生，${p}`],
    ['identity', (p) => `联系我：${p}`],
    ['duties', (p) => `有事请打 ${p}`],
    ['commitments', (p) => `随时打 ${p}`],
    ['receptionTimes', (p) => `每周一 9:00–11:30，预约 ${p}`],
  ]

  it.each(FORMATS)('refuses %s in every public text, storing nothing', async (_, phone) => {
    const before = await count('deputies')
    for (const [field, text] of fields) {
      const errors = await fieldErrors(
        local.payload.create({
          collection: 'deputies',
          data: { ...deputy, [field]: text(phone) },
          ...asEditor(),
        }),
      )
      expect(errors[field], field).toBe('这里不能填写手机号码：代表的联系方式统一通过实践站公开。')
    }
    expect(await count('deputies')).toBe(before)
  })

  it('refuses it on update too, keeping the stored text', async () => {
    const doc = await local.payload.create({
      collection: 'deputies',
      data: { ...deputy, commitments: '2026年11月13日起每周接待，电话 0516-83861065' },
      ...asEditor(),
    })
    for (const [, phone] of FORMATS) {
      const errors = await fieldErrors(
        local.payload.update({
          collection: 'deputies',
          id: doc.id,
          data: { commitments: `请打 ${phone}` },
          ...asEditor(),
        }),
      )
      expect(errors.commitments).toMatch(/不能填写手机号码/)
    }
    const stored = await local.payload.findByID({ collection: 'deputies', id: doc.id, overrideAccess: true })
    expect(stored.commitments).toBe('2026年11月13日起每周接待，电话 0516-83861065')
  })
})

describe('the deputy import', () => {
  it.each(FORMATS)('refuses a sheet with %s in any text column, writing nothing', async (_, phone) => {
    const before = await count('deputies')
    const columns = ['届别', '选区', '联系社区', '职业', '亮身份', '亮职责', '亮承诺', '接待时间'] as const
    const rows = columns.map((column, i) => ({
      line: i + 2,
      values: { 编号: `QS-T-${i}`, 姓名: '王芳', 层级: '区', 街道: '湖滨街道', [column]: `电话 ${phone}` },
    }))
    const report = await importDeputies(local.payload, rows, { user: asEditor().user as never })
    expect(report.written).toBe(false)
    for (const [i, column] of columns.entries())
      expect(report.problems, column).toContainEqual({
        line: i + 2,
        column,
        message: '不能填写手机号码：代表的联系方式统一通过实践站公开。',
      })
    expect(await count('deputies')).toBe(before)
  })
})

describe('stations', () => {
  const station = {
    name: '奎山实践站',
    type: 'station',
    street: 'kuishan',
    address: '奎山路 1 号',
    hours: '工作日',
  }
  const fields: [string, (phone: string) => unknown][] = [
    ['name', (p) => `奎山实践站${p}`],
    ['brand', (p) => `奎声应民声 ${p}`],
    ['address', (p) => `奎山路 1 号（${p}）`],
    ['hours', (p) => `工作日，预约 ${p}`],
    ['description', (p) => toLexical(['欢迎来访。', `值班电话 ${p}`])],
  ]

  it.each(FORMATS)(
    'refuses %s in every public text and the phone field, storing nothing',
    async (_, phone) => {
      const before = await count('stations')
      for (const [field, text] of fields) {
        const errors = await fieldErrors(
          local.payload.create({
            collection: 'stations',
            data: { ...station, [field]: text(phone) } as never,
            ...asEditor(),
          }),
        )
        expect(errors[field], field).toBe('这里不能填写手机号码：站点只公开办公座机（例如 0516-83861065）。')
      }
      const errors = await fieldErrors(
        local.payload.create({ collection: 'stations', data: { ...station, phone } as never, ...asEditor() }),
      )
      expect(errors.phone).toMatch(/办公座机/)
      expect(await count('stations')).toBe(before)
    },
  )

  it('accepts what editors write every day', async () => {
    const doc = await local.payload.create({
      collection: 'stations',
      data: {
        ...station,
        hours: '工作日 8:30–17:30，2026-11-13 起延长',
        phone: '0516-83861065',
        description: toLexical(['2026年11月13日揭牌，服务群众 1380 人次。', '咨询 0516-83861065。']),
      } as never,
      ...asEditor(),
    })
    expect(doc.id).toBeTruthy()
  })
})

describe('message replies', () => {
  it.each(FORMATS)('refuses %s in a reply and in the public summary, storing nothing', async (_, phone) => {
    const message = await local.payload.create({
      collection: 'messages',
      data: {
        category: 'other',
        street: 'kuishan',
        body: '楼道灯坏了',
        name: '张三',
        phone: '13912345678',
      } as never,
      overrideAccess: true,
    })
    const errors = await fieldErrors(
      local.payload.update({
        collection: 'messages',
        id: message.id,
        data: { replies: [{ date: '2026-11-20', text: `已处理，回电 ${phone}` }] },
        ...asEditor(),
      }),
    )
    expect(errors['replies.0.text']).toBe('答复会显示在群众的跟踪页上，不能包含手机号码。')
    const summary = await fieldErrors(
      local.payload.update({
        collection: 'messages',
        id: message.id,
        data: { publicSummary: `已修好，联系 ${phone}` },
        ...asEditor(),
      }),
    )
    expect(summary.publicSummary).toBe('公开摘要不能包含电话号码。')
    const stored = await local.payload.findByID({
      collection: 'messages',
      id: message.id,
      overrideAccess: true,
    })
    expect(stored.replies ?? []).toEqual([])
    expect(stored.publicSummary ?? null).toBeNull()
  })
})
