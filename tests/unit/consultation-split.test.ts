import { describe, expect, it } from 'vitest'

import { chineseNumber, parseChineseNumber, splitDraft } from '../../vocabulary/consultations/split.ts'
import { consultationStatus, daysLeft } from '../../vocabulary/consultations/status.ts'

/** Shaped like a municipal regulation's draft as a 法制工作委员会 posts it (line breaks as pasted). */
const DRAFT = `徐州市住宅小区电动自行车停放充电管理条例（草案征求意见稿）

第一章\u3000总则

第一条\u3000为了规范住宅小区电动自行车停放和充电，预防和减少火灾事故，根据有关法律、法规，结合本市实际，制定本条例。
第二条\u3000本市行政区域内住宅小区电动自行车停放、充电及其监督管理，适用本条例。
第三条\u3000电动自行车停放充电管理遵循政府监管、属地管理、业主自治、社会参与的原则。
依照本条例第十条规定设置的充电设施，应当定期检查。
第三条之一\u3000街道办事处应当将电动自行车停放充电纳入基层治理内容。
第二章\u3000设施建设
第一节\u3000规划与配建
第四条\u3000新建住宅小区应当按照规定配建集中停放场所和充电设施。
第二节\u3000既有小区改造
第五条\u3000既有住宅小区应当结合老旧小区改造，逐步增设充电设施。
第三章\u3000附则
第六条\u3000本条例自 2027 年 1 月 1 日起施行。`

describe('splitDraft', () => {
  it('splits 章, 节 and 条 with their text, 之一 articles and a preamble, and finds no problem', () => {
    const { parts, problems } = splitDraft(DRAFT)
    expect(problems).toEqual([])
    expect(parts.map((p) => `${p.kind}:${p.ref}:${p.label}:${p.heading}`)).toEqual([
      'preamble:preamble::',
      'chapter:ch-1:第一章:总则',
      'article:art-1:第一条:',
      'article:art-2:第二条:',
      'article:art-3:第三条:',
      'article:art-3-1:第三条之一:',
      'chapter:ch-2:第二章:设施建设',
      'section:ch-2-sec-1:第一节:规划与配建',
      'article:art-4:第四条:',
      'section:ch-2-sec-2:第二节:既有小区改造',
      'article:art-5:第五条:',
      'chapter:ch-3:第三章:附则',
      'article:art-6:第六条:',
    ])
    expect(parts[0].text).toBe('徐州市住宅小区电动自行车停放充电管理条例（草案征求意见稿）')
    // A citation inside an article stays in its text, and its second paragraph stays a paragraph.
    expect(parts[4].text).toBe(
      '电动自行车停放充电管理遵循政府监管、属地管理、业主自治、社会参与的原则。\n依照本条例第十条规定设置的充电设施，应当定期检查。',
    )
    expect(parts.at(-1)!.text).toBe('本条例自 2027 年 1 月 1 日起施行。')
  })

  it('reads a draft pasted on one line ("第一章 总则 第一条 …")', () => {
    const { parts, problems } = splitDraft(
      '第一章 总则 第一条 为了保障居民用水安全，制定本办法。 第二条 本办法适用于本区。 第二章 附则 第三条 本办法自发布之日起施行。',
    )
    expect(problems).toEqual([])
    expect(parts.map((p) => [p.label, p.heading || p.text])).toEqual([
      ['第一章', '总则'],
      ['第一条', '为了保障居民用水安全，制定本办法。'],
      ['第二条', '本办法适用于本区。'],
      ['第二章', '附则'],
      ['第三条', '本办法自发布之日起施行。'],
    ])
  })

  it('reports numbering gaps, repeats and out-of-order parts in Chinese', () => {
    const { parts, problems } = splitDraft(
      [
        '第一章 总则',
        '第二条 从第二条开始。',
        '第三条 正文。',
        '第六条 跳过了两条。',
        '第六条 重复的一条。',
        '第六条之二 没有之一。',
        '第三章 跳过第二章',
        '第二节 没有第一节',
        '第七条',
      ].join('\n'),
    )
    expect(problems).toEqual([
      '条文从第二条开始，缺少第一条。',
      '第三条之后是第六条，缺少第四条至第五条。',
      '第六条出现了两次。',
      '第六条之后是第六条之二，缺少第六条之一。',
      '第一章之后是第三章，章的编号不连续。',
      '第三章的节从第二节开始，缺少第一节。',
      '第七条没有条文内容。',
    ])
    // Every part keeps a unique reference, the repeated one too.
    const refs = parts.map((p) => p.ref)
    expect(new Set(refs).size).toBe(refs.length)
    expect(refs).toContain('art-6-dup2')
  })

  it('counts past ten and a hundred, and takes Arabic numerals', () => {
    expect(
      ['十', '十二', '二十', '二十一', '一百', '一百零三', '一百一十', '两百'].map(parseChineseNumber),
    ).toEqual([10, 12, 20, 21, 100, 103, 110, 200])
    expect([10, 12, 20, 21, 100, 103, 110].map(chineseNumber)).toEqual([
      '十',
      '十二',
      '二十',
      '二十一',
      '一百',
      '一百零三',
      '一百一十',
    ])
    const articles = Array.from({ length: 21 }, (_, i) => `第${chineseNumber(i + 1)}条 第${i + 1}条的内容。`)
    const { parts, problems } = splitDraft(articles.join('\n') + '\n第22条 阿拉伯数字。')
    expect(problems).toEqual([])
    expect(parts.at(-2)!.label).toBe('第二十一条')
    expect(parts.at(-1)).toMatchObject({ ref: 'art-22', label: '第二十二条', text: '阿拉伯数字。' })
  })

  it('says when no article could be found', () => {
    expect(splitDraft('这是一段没有编号的说明文字。').problems).toEqual([
      '没有找到“第一条”这样的条文编号：请确认每条条文以“第×条”开头，后面空一格。',
    ])
  })
})

describe('consultationStatus', () => {
  const c = { opensAt: '2026-12-01T00:00:00.000Z', closesAt: '2026-12-31T00:00:00.000Z' }
  it('follows the dates and the published feedback', () => {
    expect(consultationStatus(c, new Date('2026-11-30T23:59:59Z'))).toBe('upcoming')
    expect(consultationStatus(c, new Date('2026-12-01T00:00:00Z'))).toBe('open')
    expect(consultationStatus(c, new Date('2026-12-30T23:59:59Z'))).toBe('open')
    expect(consultationStatus(c, new Date('2026-12-31T00:00:00Z'))).toBe('closed')
    expect(consultationStatus({ ...c, feedbackPublished: true }, new Date('2027-01-05Z'))).toBe('answered')
    expect(daysLeft(c.closesAt, new Date('2026-12-29T12:00:00Z'))).toBe(2)
    expect(daysLeft(c.closesAt, new Date('2027-01-01Z'))).toBe(0)
  })
})
