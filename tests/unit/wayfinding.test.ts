import { describe, expect, it } from 'vitest'

import { shorterParts } from '../../site/lib/suggest.ts'
import { statsFromData } from '../../site/lib/stats.ts'
import { formatDate } from '../../site/lib/format.ts'
import { beijingDay, chineseDate } from '../../vocabulary/dates.ts'
import { errorSummaryHtml, messageFormHtml, receiptHtml } from '../../vocabulary/messages/form.ts'

/** Issue 14's small pieces, as a resident would read them. */

describe('您是不是要找: the shorter parts of a query that found nothing', () => {
  it('加装电悌 tries 加装电 and 装电悌 first, then 加装, 装电, 电悌', () => {
    expect(shorterParts('加装电悌')).toEqual([
      ['加装电', '装电悌'],
      ['加装', '装电', '电悌'],
    ])
  })

  it('停车南 tries 停车 and 车南; never single characters', () => {
    expect(shorterParts('停车南')).toEqual([['停车', '车南']])
    expect(shorterParts('停车')).toEqual([])
  })

  it('ignores spaces and punctuation, drops whole words of pinyin, and stops at the limit', () => {
    expect(shorterParts(' 停车，难 ')).toEqual([['停车', '车难']])
    expect(shorterParts('zhang weii')).toEqual([['zhang', 'weii']])
    expect(shorterParts('一二三四五六七八九十', 5).flat()).toHaveLength(5)
  })
})

describe('dates', () => {
  it('are written 2026年12月1日, with the year, in Beijing time', () => {
    expect(chineseDate('2026-12-01')).toBe('2026年12月1日')
    expect(chineseDate('2026-11-30T18:00:00.000Z')).toBe('2026年12月1日')
    expect(chineseDate('2026-03-05T02:00:00Z')).toBe('2026年3月5日')
    expect(formatDate('2025-09-26T00:00:00.000Z')).toBe('2025年9月26日')
    expect(chineseDate(null)).toBe('')
    expect(chineseDate('not a date')).toBe('')
  })

  it('keep the Beijing day for <time datetime>', () => {
    expect(beijingDay('2026-11-30T18:00:00.000Z')).toBe('2026-12-01')
  })
})

describe('the headline figures', () => {
  it('count deputies, cases and stations from the data; other figures stay as typed', () => {
    const stats = [
      { label: '首批实践基地', value: '12' },
      { label: '名代表亮身份、亮职责、亮承诺', value: '262' },
      { label: '大平台', value: '5' },
      { label: '件本站收录的微心愿案例', value: '16' },
      { label: '个代表实践站点', value: '3' },
    ]
    expect(statsFromData(stats, { deputies: 310, cases: 17, stations: 12 }).map((s) => s.value)).toEqual([
      '12',
      '310',
      '5',
      '17',
      '310', // 代表 first: a label naming deputies counts deputies
    ])
  })
})

describe('the message form', () => {
  it('the error summary says which field each error is about', () => {
    const html = errorSummaryHtml({
      phone: '请填写 11 位手机号或带区号的固定电话。',
      street: '请选择所在街道。',
    })
    expect(html).toContain('<a href="#f-street">所在街道：请选择所在街道。</a>')
    expect(html).toContain('<a href="#f-phone">联系电话：请填写 11 位手机号或带区号的固定电话。</a>')
    expect(html.indexOf('f-street')).toBeLessThan(html.indexOf('f-phone'))
    expect(errorSummaryHtml({ form: '暂时连不上办理系统。' })).toContain('<li>暂时连不上办理系统。</li>')
  })

  it('groups the deputies of 写给 by street, with a street select for the script', () => {
    const html = messageFormHtml({
      action: '/submit',
      privacyHref: '#privacy',
      targets: {
        stations: [{ value: 'station:kuishan-station', label: '奎山街道人大代表实践站' }],
        deputies: [
          { value: 'deputy:zhang-wei', label: '张伟（奎山街道）', street: 'kuishan' },
          { value: 'deputy:zhang-wei-2', label: '张伟（金山街道）', street: 'jinshan' },
          { value: 'deputy:li-na', label: '李娜（奎山街道）', street: 'kuishan' },
          { value: 'deputy:wu-ming', label: '吴明' },
        ],
      },
      values: { to: 'deputy:li-na' },
    })
    const groups = [...html.matchAll(/<optgroup label="([^"]+)"/g)].map((m) => m[1])
    expect(groups).toEqual(['实践站点', '奎山街道的代表', '金山街道的代表', '人大代表'])
    expect(html).toMatch(
      /<optgroup label="奎山街道的代表" data-street="kuishan"><option value="deputy:zhang-wei">/,
    )
    expect(html).toContain('<option value="deputy:li-na" selected>')
    expect(html).toMatch(/<p class="to-street" hidden><label for="f-to-street">/)
  })

  it('the receipt offers 复制 and says to take a screenshot, not to print', () => {
    const withScript = receiptHtml({
      code: 'K7QM4-XR2PW',
      trackUrl: '/track/?code=K7QM4-XR2PW',
      heading: 'h2',
      copyButton: true,
    })
    expect(withScript).toContain('data-copy>复制跟踪码</button>')
    expect(withScript).toContain('请截图保存')
    expect(withScript).toContain('role="status"')
    expect(withScript).not.toContain('打印跟踪码')
    const without = receiptHtml({ code: 'K7QM4-XR2PW', trackUrl: '/t', heading: 'h1', copyButton: false })
    expect(without).not.toContain('<button')
    expect(without).toContain('请截图保存')
  })
})
