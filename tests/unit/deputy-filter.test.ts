import { describe, expect, it } from 'vitest'

import { namePinyin } from '../../cms/fields/pinyin.ts'
import {
  filterDeputies,
  filtersFromSearch,
  matchesQuery,
  normaliseQuery,
  searchFromFilters,
  type DeputyRecord,
} from '../../site/lib/deputy-filter.ts'

/** Records built the way the site builds them: pinyin from the CMS's own derivation. */
function deputy(name: string, extra: Partial<DeputyRecord> = {}): DeputyRecord {
  return {
    slug: name,
    name,
    syllables: namePinyin(name).split(' '),
    street: 'kuishan',
    station: 'kuishan-station',
    level: 'district',
    fields: [],
    communities: [],
    keywords: '奎山街道 奎山街道人大代表实践站',
    ...extra,
  }
}

const zhangWei = deputy('张伟')
const shan = deputy('单小明')
const zeng = deputy('曾国华')
const xie = deputy('解文军')
const qiu = deputy('仇红梅')
const ou = deputy('区永健')
const xian = deputy('王先', { street: 'hubin' })

describe('matching a deputy by what a visitor types', () => {
  it.each([
    ['张伟', true],
    ['伟', true],
    ['zhangwei', true],
    ['zhang wei', true],
    ['Zhang Wei', true],
    ['ＺＨＡＮＧ', true],
    ['zhang', true],
    ['zw', true],
    ['zhangw', true],
    ['zhang伟', true],
    ['z伟', true],
    ['wei', true],
    ['zhangwie', false],
    ['wz', false],
    ['李', false],
    ['zhangweii', false],
  ])('张伟 ← "%s": %s', (query, expected) => {
    expect(matchesQuery(zhangWei, query)).toBe(expected)
  })

  it('reads polyphonic surnames as surnames', () => {
    expect(matchesQuery(shan, 'shanxiaoming')).toBe(true)
    expect(matchesQuery(shan, 'sxm')).toBe(true)
    expect(matchesQuery(shan, 'danxiaoming')).toBe(false)
    expect(matchesQuery(zeng, 'zeng')).toBe(true)
    expect(matchesQuery(zeng, 'ceng')).toBe(false)
    expect(matchesQuery(xie, 'xiewenjun')).toBe(true)
    expect(matchesQuery(xie, 'jiewen')).toBe(false)
    expect(matchesQuery(qiu, 'qhm')).toBe(true)
    expect(matchesQuery(ou, 'ouyongjian')).toBe(true)
    expect(matchesQuery(ou, 'quyong')).toBe(false)
  })

  it('splits ambiguous letter runs either way (xian = xi+an or xian)', () => {
    expect(matchesQuery(xian, 'wangxian')).toBe(true)
    expect(matchesQuery(xian, 'wx')).toBe(true)
  })

  it('finds Chinese words of the street, station or field', () => {
    expect(matchesQuery(zhangWei, '奎山')).toBe(true)
    expect(matchesQuery(zhangWei, '湖滨')).toBe(false)
  })

  it('normalises spaces, case and full-width letters', () => {
    expect(normaliseQuery(' Zhang  Wei ')).toBe('zhangwei')
    expect(normaliseQuery('ｚｗ')).toBe('zw')
  })
})

describe('combining filters', () => {
  const all = [
    zhangWei,
    shan,
    zeng,
    xian,
    deputy('李芳', { level: 'city', fields: ['health'], communities: ['矿山社区'] }),
  ]

  it('narrows by street, level, field and community, together with the text', () => {
    expect(filterDeputies(all, { street: 'hubin' }).map((d) => d.name)).toEqual(['王先'])
    expect(filterDeputies(all, { level: 'city' }).map((d) => d.name)).toEqual(['李芳'])
    expect(filterDeputies(all, { field: 'health', level: 'city' }).map((d) => d.name)).toEqual(['李芳'])
    expect(filterDeputies(all, { field: 'health', level: 'district' })).toEqual([])
    expect(filterDeputies(all, { community: '矿山社区' }).map((d) => d.name)).toEqual(['李芳'])
    expect(filterDeputies(all, { q: 'z', street: 'kuishan' }).map((d) => d.name)).toEqual(['张伟', '曾国华'])
  })

  it('with no filters keeps everyone in order', () => {
    expect(filterDeputies(all, {})).toEqual(all)
  })
})

describe('the URL carries the filters', () => {
  it('round-trips through the query string', () => {
    const filters = { q: 'zhang wei', street: 'kuishan', level: 'city' }
    const search = searchFromFilters(filters)
    expect(search).toBe('?q=zhang+wei&street=kuishan&level=city')
    expect(filtersFromSearch(search)).toEqual(filters)
  })

  it('drops empty and unknown keys', () => {
    expect(searchFromFilters({ q: '  ', street: '' })).toBe('')
    expect(filtersFromSearch('?q=&foo=bar&field=law')).toEqual({ field: 'law' })
  })
})
