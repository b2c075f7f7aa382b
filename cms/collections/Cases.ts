import type { CollectionConfig } from 'payload'

import { caseCategoryField, dayPicker, imageField, publishedAtField, streetField } from '../fields/common.ts'
import { slugField } from '../fields/slug.ts'
import { articleBehaviour, previewUrl } from './article.ts'

/** Case stories: 群众微心愿、代表帮实现 — a residents' request, what deputies did, the result. */
export const Cases: CollectionConfig = {
  slug: 'cases',
  labels: { singular: '民生案例', plural: '民生案例' },
  graphQL: { singularName: 'CaseStory', pluralName: 'CaseStories' },
  admin: {
    group: '内容',
    useAsTitle: 'title',
    preview: previewUrl('cases'),
    defaultColumns: ['title', 'category', 'street', 'publishedAt', '_status'],
  },
  ...articleBehaviour(),
  trash: true,
  fields: [
    { name: 'title', type: 'text', label: '标题', required: true, maxLength: 120 },
    {
      type: 'row',
      fields: [
        caseCategoryField,
        streetField({ required: true }),
        { name: 'community', type: 'text', label: '社区', required: true, maxLength: 40 },
      ],
    },
    { name: 'summary', type: 'textarea', label: '摘要', maxLength: 300 },
    imageField('cover', '封面图'),
    {
      name: 'request',
      type: 'textarea',
      label: '群众诉求',
      required: true,
      admin: { description: '居民反映了什么问题、希望怎样解决。不要填写居民姓名和电话。' },
    },
    { name: 'action', type: 'textarea', label: '代表履职', required: true },
    { name: 'result', type: 'textarea', label: '办理结果', required: true },
    {
      name: 'timeline',
      type: 'array',
      label: '办理进程',
      labels: { singular: '节点', plural: '节点' },
      admin: { description: '按时间先后填写，网站上显示为时间线。' },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'date',
              type: 'date',
              label: '日期',
              required: true,
              admin: { date: dayPicker },
            },
            { name: 'title', type: 'text', label: '事项', required: true, maxLength: 60 },
          ],
        },
        { name: 'description', type: 'textarea', label: '说明' },
      ],
    },
    imageField('photosBefore', '办理前照片', { hasMany: true }),
    imageField('photosAfter', '办理后照片', { hasMany: true }),
    {
      name: 'deputies',
      type: 'relationship',
      relationTo: 'deputies',
      hasMany: true,
      label: '参与代表',
      admin: { position: 'sidebar' },
    },
    {
      name: 'station',
      type: 'relationship',
      relationTo: 'stations',
      label: '实践站',
      admin: { position: 'sidebar' },
    },
    publishedAtField,
    slugField('title'),
  ],
}
