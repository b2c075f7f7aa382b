import type { CollectionConfig } from 'payload'

import { isStaff, publishedOrStaff } from '../access/index.ts'
import { imageField, streetField } from '../fields/common.ts'
import { STATION_TYPES, selectOptions } from '../../vocabulary/options.ts'
import { slugField } from '../fields/slug.ts'
import { rejectMobileNumbers } from '../hooks/rejectMobileNumbers.ts'

/** A public office number: landline with area code, or a 400/800 service number. */
const PUBLIC_PHONE = /^(0\d{2,3}-?\d{7,8}(-\d{1,6})?|[48]00-?\d{3}-?\d{4})$/

/** 实践中心 / 实践站 / 代表之家: where residents meet their deputies. */
export const Stations: CollectionConfig = {
  slug: 'stations',
  labels: { singular: '实践站点', plural: '实践站点' },
  graphQL: { singularName: 'Station', pluralName: 'Stations' },
  admin: {
    group: '代表与站点',
    useAsTitle: 'name',
    defaultColumns: ['name', 'type', 'street', 'brand'],
  },
  trash: true,
  access: {
    read: publishedOrStaff,
    create: isStaff,
    update: isStaff,
    delete: isStaff,
    readVersions: isStaff,
  },
  // Drafts and versions like the articles: changes are reviewed before they reach the site (先审后发).
  versions: { drafts: true, maxPerDoc: 50 },
  defaultSort: 'name',
  hooks: {
    // The phone field takes office landlines only (below); the texts must not carry a mobile either.
    beforeValidate: [
      rejectMobileNumbers(
        ['name', 'brand', 'address', 'hours', 'description'],
        '这里不能填写手机号码：站点只公开办公座机（例如 0516-83861065）。',
      ),
    ],
  },
  fields: [
    { name: 'name', type: 'text', label: '名称', required: true, maxLength: 60 },
    {
      type: 'row',
      fields: [
        {
          name: 'type',
          type: 'select',
          label: '类型',
          required: true,
          defaultValue: 'station',
          options: selectOptions(STATION_TYPES),
        },
        streetField({ required: true }),
      ],
    },
    {
      name: 'brand',
      type: 'text',
      label: '一站一品',
      maxLength: 40,
      admin: { description: '站点的特色品牌，例如“奎声应民声”。' },
    },
    { name: 'address', type: 'text', label: '地址', required: true, maxLength: 120 },
    { name: 'hours', type: 'text', label: '开放时间', required: true, maxLength: 120 },
    {
      name: 'phone',
      type: 'text',
      label: '办公电话',
      admin: { description: '公开的办公座机，例如 0516-83861065。请勿填写个人手机号。' },
      validate: (value: unknown) => {
        if (value === undefined || value === null || value === '') return true
        return (
          (typeof value === 'string' && PUBLIC_PHONE.test(value)) ||
          '请填写办公座机（例如 0516-83861065），不要填写个人手机号。'
        )
      },
    },
    { name: 'description', type: 'richText', label: '介绍' },
    imageField('photos', '照片', { hasMany: true }),
    {
      name: 'deputies',
      type: 'join',
      collection: 'deputies',
      on: 'station',
      label: '进站代表',
    },
    {
      name: 'isSample',
      type: 'checkbox',
      label: '示例数据',
      defaultValue: false,
      admin: { position: 'sidebar', description: '演示用的虚构内容，网站上会标注“示例”。' },
    },
    slugField('name'),
  ],
}
