import type { CollectionConfig } from 'payload'

import { imageField, publishedAtField } from '../fields/common.ts'
import { slugField } from '../fields/slug.ts'
import { articleBehaviour, previewUrl } from './article.ts'

/** 人大微讲堂: short talks explaining how the people's congress works. */
export const Lectures: CollectionConfig = {
  slug: 'lectures',
  labels: { singular: '微讲堂', plural: '人大微讲堂' },
  graphQL: { singularName: 'Lecture', pluralName: 'Lectures' },
  admin: {
    group: '内容',
    useAsTitle: 'title',
    preview: previewUrl('lectures'),
    defaultColumns: ['title', 'speaker', 'publishedAt', '_status'],
  },
  ...articleBehaviour(),
  trash: true,
  fields: [
    { name: 'title', type: 'text', label: '标题', required: true, maxLength: 120 },
    { name: 'speaker', type: 'text', label: '主讲人', required: true, maxLength: 60 },
    { name: 'topic', type: 'text', label: '主题', required: true, maxLength: 60 },
    { name: 'series', type: 'text', label: '系列', defaultValue: '人大微讲堂' },
    { name: 'summary', type: 'textarea', label: '简介', maxLength: 300 },
    imageField('cover', '封面图'),
    {
      name: 'video',
      type: 'upload',
      relationTo: 'media',
      label: '视频文件',
      filterOptions: { mimeType: { contains: 'video' } },
      admin: { description: '上传 MP4 或 WebM 视频；也可以只填写下面的视频链接。' },
    },
    {
      name: 'videoUrl',
      type: 'text',
      label: '视频链接',
      admin: { description: '外部视频地址（以 https:// 开头）。已上传视频文件时可不填。' },
      validate: (value: unknown) => {
        if (value === undefined || value === null || value === '') return true
        if (typeof value !== 'string') return '视频链接格式不正确。'
        try {
          const url = new URL(value)
          return url.protocol === 'https:' || '视频链接必须以 https:// 开头。'
        } catch {
          return '视频链接格式不正确，请填写完整网址，例如 https://example.com/video.mp4。'
        }
      },
    },
    {
      name: 'durationSeconds',
      type: 'number',
      label: '时长（秒）',
      min: 1,
      max: 6 * 3600,
      admin: { position: 'sidebar', step: 1 },
    },
    { name: 'transcript', type: 'richText', label: '文字稿' },
    {
      name: 'deputies',
      type: 'relationship',
      relationTo: 'deputies',
      hasMany: true,
      label: '主讲或参与的代表',
      admin: { position: 'sidebar', description: '代表个人页会列出他参与的微讲堂。' },
    },
    publishedAtField,
    slugField('title'),
  ],
}
