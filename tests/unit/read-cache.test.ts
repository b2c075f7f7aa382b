import { describe, expect, it } from 'vitest'

import { relationsOf, type FieldShape } from '../../site/loaders/read-cache.ts'

/**
 * What a kept document depends on (site/loaders/read-cache.ts): every document it refers to, wherever the
 * reference sits and whether the reader could see the referenced document or only its id.
 */
const fields: FieldShape[] = [
  { type: 'text', name: 'title' },
  { type: 'upload', name: 'cover', relationTo: 'media' },
  { type: 'relationship', name: 'deputies', relationTo: 'deputies' },
  { type: 'row', fields: [{ type: 'relationship', name: 'station', relationTo: 'stations' }] },
  {
    type: 'tabs',
    tabs: [
      { type: 'tab', fields: [{ type: 'upload', name: 'photos', relationTo: 'media' }] },
      {
        type: 'tab',
        name: 'more',
        fields: [{ type: 'relationship', name: 'related', relationTo: ['news', 'cases'] }],
      },
    ],
  },
  { type: 'array', name: 'timeline', fields: [{ type: 'upload', name: 'picture', relationTo: 'media' }] },
  {
    type: 'blocks',
    name: 'layout',
    blocks: [{ slug: 'quote', fields: [{ type: 'relationship', name: 'who', relationTo: 'deputies' }] }],
  },
  { type: 'group', name: 'seo', fields: [{ type: 'upload', name: 'image', relationTo: 'media' }] },
  { type: 'richText', name: 'body' },
]

describe('relationsOf', () => {
  it('finds references in every kind of field, populated or only an id', () => {
    const doc = {
      title: '标题 7',
      cover: { id: 1, filename: 'a.webp', width: 800 },
      deputies: [{ id: 2, name: '张伟', station: 40 }, 3],
      station: 4,
      photos: [{ id: 5 }, 6],
      more: {
        related: [
          { relationTo: 'cases', value: { id: 7 } },
          { relationTo: 'news', value: 8 },
        ],
      },
      timeline: [{ picture: 9 }, { picture: null }],
      layout: [
        { blockType: 'quote', who: { id: 10 } },
        { blockType: 'gone', who: 99 },
      ],
      seo: { image: 11 },
      body: {
        root: {
          children: [
            { type: 'upload', relationTo: 'media', value: { id: 12, sizes: { card: { id: 98 } } } },
            {
              type: 'paragraph',
              children: [{ type: 'link', fields: { doc: { relationTo: 'news', value: { id: 13 } } } }],
            },
            { type: 'list', children: [{ type: 'listitem', value: 1 }] },
          ],
        },
      },
    }
    expect([...relationsOf(fields, doc)].sort()).toEqual(
      [
        'media:1',
        'deputies:2',
        'deputies:3',
        'stations:4',
        'media:5',
        'media:6',
        'cases:7',
        'news:8',
        'media:9',
        'deputies:10',
        'media:11',
        'media:12',
        'news:13',
      ].sort(),
    )
  })

  it('gives nothing for a document without references, and takes string ids (MongoDB)', () => {
    expect(relationsOf(fields, { title: '无引用', deputies: [], body: null }).size).toBe(0)
    expect([...relationsOf(fields, { station: '665f1c2e9b1e8a0012345678' })]).toEqual([
      'stations:665f1c2e9b1e8a0012345678',
    ])
  })
})
