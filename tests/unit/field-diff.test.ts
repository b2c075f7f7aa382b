import type { Field } from 'payload'
import { describe, expect, it } from 'vitest'

import { changedFields, normalise } from '../../cms/lib/field-diff.ts'

/** A message-like collection: tabs, rows, a group, an array with a relationship inside, an upload. */
const fields: Field[] = [
  { name: 'code', type: 'text' },
  {
    type: 'tabs',
    tabs: [
      {
        label: '内容',
        fields: [
          {
            type: 'row',
            fields: [
              { name: 'name', type: 'text' },
              { name: 'phone', type: 'text' },
            ],
          },
          { name: 'body', type: 'textarea' },
        ],
      },
      { name: 'meta', label: '元数据', fields: [{ name: 'note', type: 'text' }] },
    ],
  },
  { name: 'station', type: 'relationship', relationTo: 'stations' },
  { name: 'photos', type: 'upload', relationTo: 'media', hasMany: true },
  {
    name: 'replies',
    type: 'array',
    fields: [
      { name: 'text', type: 'textarea' },
      { name: 'deputy', type: 'relationship', relationTo: 'deputies' },
    ],
  },
  { name: 'seo', type: 'group', fields: [{ name: 'description', type: 'text' }] },
  { name: 'textHash', type: 'text', hidden: true },
  { type: 'collapsible', label: '结果', fields: [{ name: 'status', type: 'select', options: ['a', 'b'] }] },
]

const base = {
  id: 1,
  code: 'ABCDE',
  name: '张三',
  phone: '13700000000',
  body: '路灯坏了',
  meta: { note: '' },
  station: 3,
  photos: [7],
  replies: [{ id: 'r1', text: '已修', deputy: 5 }],
  seo: { description: null },
  textHash: 'x',
  status: 'a',
  updatedAt: '2026-12-01T00:00:00.000Z',
  createdAt: '2026-12-01T00:00:00.000Z',
}

describe('changedFields', () => {
  it('names the fields that changed, through rows, tabs and collapsibles; never values', () => {
    const now = { ...base, name: '李四', body: '路灯还没修', status: 'b' }
    const changed = changedFields(fields, now, base)
    expect(changed).toEqual(['name', 'body', 'status'])
    expect(JSON.stringify(changed)).not.toContain('李四')
  })

  it('ignores updatedAt/createdAt, hidden fields, and treats null, undefined and "" alike', () => {
    const now = {
      ...base,
      updatedAt: '2026-12-02T00:00:00.000Z',
      textHash: 'y',
      meta: { note: null },
      seo: { description: '' },
      phone: '13700000000',
    }
    expect(changedFields(fields, now, base)).toEqual([])
    expect(changedFields(fields, { ...base, code: '' }, { ...base, code: undefined })).toEqual([])
  })

  it('compares related documents by id, whether read at depth 0 or 1', () => {
    const populated = {
      ...base,
      station: { id: 3, name: '矿山站' },
      photos: [{ id: 7, filename: 'a.jpg' }],
      replies: [{ id: 'r1', text: '已修', deputy: { id: 5, name: '王代表' } }],
    }
    expect(changedFields(fields, populated, base)).toEqual([])
    expect(changedFields(fields, { ...populated, station: { id: 4 } }, base)).toEqual(['station'])
  })

  it('reports a named tab or group field with its path, and an array as one field', () => {
    const now = {
      ...base,
      meta: { note: '回访' },
      seo: { description: '摘要' },
      replies: [...base.replies, { id: 'r2', text: '补充', deputy: null }],
    }
    expect(changedFields(fields, now, base)).toEqual(['meta.note', 'replies', 'seo.description'])
    const edited = { ...base, replies: [{ id: 'r1', text: '已修好', deputy: 5 }] }
    expect(changedFields(fields, edited, base)).toEqual(['replies'])
  })

  it('a field missing from the doc (not readable) is no change; one set on create is', () => {
    const { phone: _phone, ...withoutPhone } = base
    expect(changedFields(fields, withoutPhone, base)).toEqual([])
    expect(changedFields(fields, { code: 'X1', status: 'a' }, {})).toEqual(['code', 'status'])
  })
})

describe('normalise', () => {
  it('makes dates ISO strings, sorts keys and drops empty ones', () => {
    expect(normalise(new Date('2026-12-01T00:00:00Z'))).toBe('2026-12-01T00:00:00.000Z')
    expect(normalise({ b: 1, a: '', c: [] })).toEqual({ b: 1 })
    expect(normalise([])).toBeNull()
    // Related ids compare as strings: the admin form and the database may give 9 or '9'.
    expect(normalise({ relationTo: 'news', value: { id: 9 } }, true)).toEqual({
      relationTo: 'news',
      value: '9',
    })
    expect(normalise(9, true)).toBe(normalise('9', true))
    expect(normalise(9)).toBe(9)
  })
})
