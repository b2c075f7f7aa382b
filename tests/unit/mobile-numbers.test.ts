import { describe, expect, it } from 'vitest'

import { findMobileNumber, hasMobileNumber, textOf } from '../../vocabulary/phone.ts'
import { toLexical } from '../../cms/seed/lexical.ts'

describe('the mobile-number guard', () => {
  it.each([
    ['plain', '有事请打13800138000'],
    ['spaced 3-4-4', '有事请打 138 0013 8000'],
    ['hyphens', '138-0013-8000'],
    ['full-width digits', '１３８００１３８０００'],
    ['full-width with full-width hyphens', '１３８－００１３－８０００'],
    ['dots', '138.0013.8000'],
    ['underscores', '138_0013_8000'],
    ['U+2010 hyphens', '138\u20100013\u20108000'],
    ['U+2011 non-breaking hyphens', '138\u20110013\u20118000'],
    ['en and em dashes', '138–0013—8000'],
    ['U+2212 minus', '138\u22120013\u22128000'],
    ['middle dots', '138·0013·8000'],
    ['slashes', '138/0013/8000'],
    ['every digit spaced', '1 3 8 0 0 1 3 8 0 0 0'],
    ['ideographic spaces', '138\u30000013\u30008000'],
    ['no-break spaces', '138\u00a00013\u00a08000'],
    ['several spaces and a dash', '138  -  0013  -  8000'],
    ['zero-width spaces', '138\u200b0013\u200b8000'],
    ['Chinese numerals', '一三八〇〇一三八〇〇〇'],
    ['Chinese numerals with 零 and 幺', '幺三八零零幺三八零零零'],
    ['mixed digits and numerals', '138〇〇13八０００'],
    ['capital numerals', '壹叁捌零零壹叁捌零零零'],
    ['+86', '+86 138 0013 8000'],
    ['+86 without a space', '+8613800138000'],
    ['full-width +86', '＋８６１３８００１３８０００'],
    ['0086', '008613800138000'],
    ['(+86)', '(+86)13800138000'],
    ['after a list number', '1. 138 0013 8000'],
    ['behind a landline', '0516-83861065 13800138000'],
    ['behind a stray digit', '0 13800138000'],
    ['across a line break', '请打138\n0013 8000'],
    ['each 1[3-9] prefix', '19912345678'],
  ])('catches %s', (_, text) => {
    expect(findMobileNumber(text)).toMatch(/^1[3-9]\d{9}$/)
  })

  it.each([
    ['a date in Chinese', '2026年11月13日上午9时'],
    ['an ISO date', '2026-11-13'],
    ['a date with dots', '2026.11.13'],
    ['a date and a time range', '2026-11-13 13:30-17:00'],
    ['a date in Chinese numerals', '二〇二六年十一月十三日'],
    ['a landline with area code', '0516-83861065'],
    ['a landline with extension', '0516-83861065-801'],
    ['a landline without hyphen', '051683861065'],
    ['a landline spaced', '0516 8386 1065'],
    ['a 400 number', '400-123-4567'],
    ['an amount with commas', '投入资金 13,800,138,000 元'],
    ['an amount with decimals', '13.8 万元，人均 138.00 元'],
    ['counts', '走访群众 1380 人次，解决问题 138 件，覆盖 13 个社区'],
    ['an 11-digit number not starting 1[3-9]', '12345678901'],
    ['11 digits starting 10 or 11', '10086123456 和 11012345678'],
    ['a 12-digit run', '138001380001'],
    ['an ID-card-like run', '320311198801011234'],
    ['a postal code', '邮编 221000'],
    ['a year range', '2013—2018 年'],
    ['the 12345 hotline', '市民热线 12345'],
    ['everyday 一', '一站一品、一心一意、十一届'],
    ['a term', '泉山区第十八届人民代表大会代表'],
    ['reception hours', '每月 15 日 9:00–11:30'],
    ['a year next to a count', '2025年 138 户'],
  ])('lets %s through', (_, text) => {
    expect(findMobileNumber(text)).toBeNull()
  })

  it('reads rich text as it renders: runs of one paragraph joined, links included', () => {
    const state = toLexical(['第一段', '联系 138 0013 8000'])
    expect(hasMobileNumber(state)).toBe(true)
    const split = toLexical(['联系 138'])
    const paragraph = split.root.children[0]
    paragraph.children.push({ ...paragraph.children[0], text: '0013', format: 1 as 0 })
    paragraph.children.push({ ...paragraph.children[0], text: '8000' })
    expect(textOf(split)).toContain('13800138000')
    expect(hasMobileNumber(split)).toBe(true)
    const link = {
      root: {
        type: 'root',
        children: [
          {
            type: 'paragraph',
            children: [
              {
                type: 'link',
                fields: { url: 'tel:+8613800138000' },
                children: [{ type: 'text', text: '电话' }],
              },
            ],
          },
        ],
      },
    }
    expect(hasMobileNumber(link)).toBe(true)
    expect(hasMobileNumber(toLexical(['2026年11月13日', '0516-83861065']))).toBe(false)
  })

  it('reads the values of hasMany text fields', () => {
    expect(hasMobileNumber(['奎山社区', '13800138000'])).toBe(true)
    expect(hasMobileNumber(['奎山社区', '湖滨社区'])).toBe(false)
    expect(hasMobileNumber(null)).toBe(false)
  })
})
