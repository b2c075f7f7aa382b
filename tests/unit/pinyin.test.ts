import { describe, expect, it } from 'vitest'

import { nameInitials, namePinyin, slugify } from '../../cms/fields/pinyin.ts'
import { SLUG_PATTERN } from '../../cms/fields/slug.ts'

describe('deputy name pinyin', () => {
  it.each([
    ['单小明', 'shan xiao ming', 'sxm'],
    ['曾国华', 'zeng guo hua', 'zgh'],
    ['解文', 'xie wen', 'xw'],
    ['仇红', 'qiu hong', 'qh'],
    ['区志强', 'ou zhi qiang', 'ozq'],
    ['查良', 'zha liang', 'zl'],
    ['朴成', 'piao cheng', 'pc'],
    ['张伟', 'zhang wei', 'zw'],
    ['吕强', 'lv qiang', 'lq'],
  ])('reads the surname of %s as a surname', (name, pinyin, initials) => {
    expect(namePinyin(name)).toBe(pinyin)
    expect(nameInitials(name)).toBe(initials)
  })

  it('ignores surrounding spaces', () => {
    expect(namePinyin('  王芳 ')).toBe('wang fang')
  })
})

describe('slugify', () => {
  it('turns a Chinese title into readable pinyin words', () => {
    expect(slugify('奎山街道加装电梯')).toBe('kui-shan-jie-dao-jia-zhuang-dian-ti')
  })

  it('keeps Latin letters and digits and drops punctuation', () => {
    expect(slugify('2025年“民呼我应”启动！')).toBe('2025-nian-min-hu-wo-ying-qi-dong')
  })

  it('uses surname readings for names', () => {
    expect(slugify('单小明', { asName: true })).toBe('shan-xiaoming')
  })

  it('cuts long titles on a syllable boundary', () => {
    const slug = slugify('关于开展全过程人民民主实践基地建设情况专项监督调研活动的通知公告全文', {
      maxLength: 40,
    })
    expect(slug.length).toBeLessThanOrEqual(40)
    expect(slug).toMatch(SLUG_PATTERN)
    expect(slug.endsWith('-')).toBe(false)
  })

  it('always produces a valid slug', () => {
    for (const text of ['噪声扰民', 'A/B 测试', '停车难——新增 120 个车位', 'ÉCOLE 学校']) {
      expect(slugify(text)).toMatch(SLUG_PATTERN)
    }
  })
})
