import type { CollectionConfig } from 'payload'

import { isStaff, publishedOrStaff } from '../../access/index.ts'
import { slugField } from '../../fields/slug.ts'
import { CONSULTATION_KINDS, CONSULTATION_STATUSES, selectOptions } from '../../../vocabulary/options.ts'
import { exportOpinionsEndpoint, opinionSummaryEndpoint } from '../../consultations/staff.ts'
import { checkConsultation, splitDraftText, statusNow } from './hooks.ts'

const dayAndTime = { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy-MM-dd HH:mm' } as const

/**
 * 意见征集 (民意表达): a draft law, policy or list of 民生实事 projects put to residents, article by article.
 * Drafts and versions like news; the public reads published ones. Residents' opinions are the staff-only
 * `opinions` collection; what became of them is public only once 公开反馈 is ticked.
 */
export const Consultations: CollectionConfig = {
  slug: 'consultations',
  labels: { singular: '意见征集', plural: '意见征集' },
  graphQL: { singularName: 'Consultation', pluralName: 'Consultations' },
  admin: {
    group: '民意表达',
    useAsTitle: 'title',
    defaultColumns: ['title', 'kind', 'status', 'opensAt', 'closesAt', '_status'],
    description:
      '向群众征求对法规草案、政策和民生实事项目的意见。把草案全文粘贴到“草案全文”，保存后自动拆分为章、节、条；编号有缺漏会在“拆分检查”里列出。到开始和截止时间网站会自动更新。截止后给每条意见写处理结果，再写反馈报告并勾选“公开反馈”。',
  },
  trash: true,
  access: {
    read: publishedOrStaff,
    create: isStaff,
    update: isStaff,
    delete: isStaff,
    readVersions: isStaff,
  },
  versions: { drafts: true, maxPerDoc: 50 },
  defaultSort: '-opensAt',
  endpoints: [
    { path: '/:id/opinion-summary', method: 'get', handler: opinionSummaryEndpoint },
    { path: '/:id/export', method: 'get', handler: exportOpinionsEndpoint },
  ],
  hooks: {
    beforeValidate: [checkConsultation],
    beforeChange: [splitDraftText],
  },
  fields: [
    { name: 'title', type: 'text', label: '标题', required: true, maxLength: 120 },
    {
      type: 'row',
      fields: [
        {
          name: 'kind',
          type: 'select',
          label: '征集类型',
          required: true,
          defaultValue: 'legislation',
          options: selectOptions(CONSULTATION_KINDS),
          index: true,
        },
        {
          name: 'askedBy',
          type: 'text',
          label: '征集单位',
          required: true,
          maxLength: 80,
          admin: { description: '例如：徐州市人大常委会法制工作委员会' },
        },
      ],
    },
    {
      name: 'summary',
      type: 'textarea',
      label: '征集说明',
      required: true,
      maxLength: 600,
      admin: { description: '列表页和分享卡片上显示：征求什么、为什么、意见会怎样被使用。' },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'opensAt',
          type: 'date',
          label: '开始时间',
          required: true,
          index: true,
          admin: { date: dayAndTime },
        },
        {
          name: 'closesAt',
          type: 'date',
          label: '截止时间',
          required: true,
          index: true,
          admin: { date: dayAndTime, description: '到时网站上的意见表自动关闭。' },
        },
      ],
    },
    {
      type: 'tabs',
      tabs: [
        {
          label: '草案',
          fields: [
            {
              name: 'attachment',
              type: 'upload',
              relationTo: 'media',
              label: '草案文本（PDF）',
              filterOptions: { mimeType: { equals: 'application/pdf' } },
              admin: {
                description: '可选：征集单位发布的草案 PDF，网站上提供下载。只接受内容确实是 PDF 的文件。',
              },
            },
            {
              name: 'draftText',
              type: 'textarea',
              label: '草案全文',
              maxLength: 200_000,
              admin: {
                rows: 16,
                description:
                  '粘贴纯文本，例如“第一章 总则 第一条 为了……”。每条以“第×条”开头、后面空一格。保存后自动拆分为下面的章、节、条；改动全文会重新拆分。',
              },
            },
            {
              name: 'splitProblems',
              type: 'textarea',
              label: '拆分检查',
              admin: {
                readOnly: true,
                description: '条文编号的缺漏、重复等问题；为空表示没有发现问题。',
              },
            },
            {
              name: 'parts',
              type: 'array',
              label: '章节条文',
              labels: { singular: '部分', plural: '章节条文' },
              admin: { initCollapsed: true, description: '由草案全文自动拆分，一般不需要手工修改。' },
              fields: [
                {
                  type: 'row',
                  fields: [
                    {
                      name: 'kind',
                      type: 'select',
                      label: '类型',
                      required: true,
                      options: [
                        { value: 'preamble', label: '前言' },
                        { value: 'chapter', label: '章' },
                        { value: 'section', label: '节' },
                        { value: 'article', label: '条' },
                      ],
                    },
                    { name: 'ref', type: 'text', label: '编号', required: true },
                    { name: 'label', type: 'text', label: '序号' },
                    { name: 'heading', type: 'text', label: '标题' },
                  ],
                },
                { name: 'text', type: 'textarea', label: '条文' },
              ],
            },
          ],
        },
        {
          label: '线下参与',
          fields: [
            {
              name: 'stations',
              type: 'relationship',
              relationTo: 'stations',
              hasMany: true,
              label: '座谈地点',
              admin: { description: '组织线下座谈、可以当面提意见的实践站。' },
            },
            {
              name: 'offlineNote',
              type: 'textarea',
              label: '线下参与方式',
              maxLength: 1000,
              admin: { description: '座谈会时间、书面意见寄送地址等。' },
            },
          ],
        },
        {
          label: '反馈',
          fields: [
            {
              name: 'feedbackReport',
              type: 'textarea',
              label: '反馈报告',
              maxLength: 10_000,
              admin: {
                rows: 10,
                description:
                  '意见采纳情况的总体说明：收到多少意见、草案作了哪些修改。公开反馈后在网站上显示。',
              },
            },
            {
              type: 'ui',
              name: 'opinionSummary',
              admin: { components: { Field: '/components/OpinionSummary#OpinionSummary' } },
            },
          ],
        },
      ],
    },
    {
      name: 'status',
      type: 'select',
      label: '状态',
      options: selectOptions(CONSULTATION_STATUSES),
      // Computed from the dates whenever the document is read, so it is never out of date.
      virtual: true,
      hooks: { afterRead: [statusNow] },
      admin: {
        position: 'sidebar',
        readOnly: true,
        disableListFilter: true,
        description: '按开始、截止时间和是否公开反馈自动计算。',
      },
    },
    {
      name: 'feedbackPublished',
      type: 'checkbox',
      label: '公开反馈',
      defaultValue: false,
      admin: {
        position: 'sidebar',
        description: '勾选并发布后，网站上公开每条意见的处理结果（不含姓名电话）和反馈报告。',
      },
    },
    {
      name: 'feedbackPublishedAt',
      type: 'date',
      label: '反馈公开时间',
      admin: { position: 'sidebar', readOnly: true, date: dayAndTime },
    },
    slugField('title'),
    {
      name: 'isSample',
      type: 'checkbox',
      label: '示例数据',
      defaultValue: false,
      admin: { position: 'sidebar' },
    },
  ],
}
