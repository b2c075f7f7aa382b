import type { CollectionConfig } from 'payload'

import { imageField, publishedAtField } from '../fields/common.ts'
import { NEWS_CATEGORIES, selectOptions } from '../../vocabulary/options.ts'
import { slugField } from '../fields/slug.ts'
import { articleBehaviour, previewUrl } from './article.ts'

/** 新闻动态 and 通知公告. */
export const News: CollectionConfig = {
  slug: 'news',
  labels: { singular: '新闻公告', plural: '新闻公告' },
  graphQL: { singularName: 'NewsItem', pluralName: 'NewsItems' },
  admin: {
    group: '内容',
    useAsTitle: 'title',
    preview: previewUrl('news'),
    defaultColumns: ['title', 'category', 'publishedAt', '_status'],
    description: '新闻动态与通知公告。保存为草稿不会出现在网站上，点击“发布”后才公开。',
  },
  ...articleBehaviour(),
  trash: true,
  fields: [
    { name: 'title', type: 'text', label: '标题', required: true, maxLength: 120 },
    {
      name: 'category',
      type: 'select',
      label: '栏目',
      required: true,
      defaultValue: 'news',
      options: selectOptions(NEWS_CATEGORIES),
      index: true,
      admin: { position: 'sidebar' },
    },
    {
      name: 'summary',
      type: 'textarea',
      label: '摘要',
      maxLength: 300,
      admin: { description: '列表页和搜索结果中显示的一两句话。' },
    },
    imageField('cover', '封面图'),
    { name: 'body', type: 'richText', label: '正文', required: true },
    { name: 'source', type: 'text', label: '来源', admin: { position: 'sidebar' } },
    { name: 'author', type: 'text', label: '作者', admin: { position: 'sidebar' } },
    publishedAtField,
    slugField('title'),
  ],
}
