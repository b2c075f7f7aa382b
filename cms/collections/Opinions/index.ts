import type { CollectionConfig } from 'payload'

import { isAdmin, isStaff } from '../../access/index.ts'
import { streetField } from '../../fields/common.ts'
import { OPINION_OUTCOMES, selectOptions } from '../../../vocabulary/options.ts'
import { receiptEndpoint, submitOpinionEndpoint } from '../../consultations/endpoints.ts'
import { checkOpinion, prepareOpinion, rebuildWhenFeedbackChanges } from './hooks.ts'

const dayAndTime = { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy-MM-dd HH:mm' } as const

/**
 * 群众意见 on a consultation. Staff only in every operation, like messages: residents post through
 * POST /api/opinions/submit (every field checked, only the form's fields written) and read back only
 * the public view of their own opinion with its receipt code (GET /api/opinions/receipt).
 */
export const Opinions: CollectionConfig = {
  slug: 'opinions',
  labels: { singular: '群众意见', plural: '群众意见（意见征集）' },
  graphQL: { singularName: 'Opinion', pluralName: 'Opinions' },
  admin: {
    group: '民意表达',
    useAsTitle: 'code',
    defaultColumns: ['code', 'consultation', 'articleLabel', 'outcome', 'street', 'receivedAt'],
    listSearchableFields: ['code', 'body', 'name', 'phone'],
    description:
      '群众对意见征集提出的意见。给每条意见选择处理结果并写明理由（公开反馈后在网站上显示，不含姓名电话）。重复的意见可以“合并到”另一条，合并后不再单独统计。',
    pagination: { defaultLimit: 50 },
  },
  access: {
    read: isStaff,
    create: isStaff,
    update: isStaff,
    delete: isAdmin,
  },
  endpoints: [
    { path: '/submit', method: 'post', handler: submitOpinionEndpoint },
    { path: '/receipt', method: 'get', handler: receiptEndpoint },
  ],
  defaultSort: '-receivedAt',
  hooks: {
    beforeValidate: [checkOpinion],
    beforeChange: [prepareOpinion],
    afterChange: [rebuildWhenFeedbackChanges],
  },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'code',
          type: 'text',
          label: '回执码',
          unique: true,
          index: true,
          admin: { readOnly: true, description: '提交时自动生成，群众凭它查询处理结果。' },
        },
        { name: 'receivedAt', type: 'date', label: '提交时间', index: true, admin: { date: dayAndTime } },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'consultation',
          type: 'relationship',
          relationTo: 'consultations',
          required: true,
          index: true,
          label: '意见征集',
        },
        {
          name: 'articleRef',
          type: 'text',
          label: '条文编号',
          index: true,
          admin: { description: '例如 art-3；为空表示对草案的总体意见。' },
        },
        {
          name: 'articleLabel',
          type: 'text',
          label: '针对条文',
          admin: { description: '例如 第三条；总体意见为“总体意见”。' },
        },
      ],
    },
    {
      name: 'body',
      type: 'textarea',
      label: '意见原文',
      required: true,
      maxLength: 2000,
      access: { update: () => false },
      admin: { description: '群众原文，保存后不能修改；可能含个人信息，不公开。' },
    },
    {
      type: 'row',
      fields: [
        { name: 'name', type: 'text', label: '姓名', maxLength: 20 },
        { name: 'phone', type: 'text', label: '联系电话', maxLength: 20 },
        streetField({ label: '所在街道' }),
      ],
    },
    {
      type: 'collapsible',
      label: '处理结果（公开反馈后在网站上显示）',
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'outcome',
              type: 'select',
              label: '处理结果',
              required: true,
              defaultValue: 'pending',
              options: selectOptions(OPINION_OUTCOMES),
              index: true,
            },
            {
              name: 'mergedInto',
              type: 'relationship',
              relationTo: 'opinions',
              label: '合并到',
              admin: { description: '与另一条意见重复时选择那一条；合并后随那一条公开和统计。' },
            },
          ],
        },
        {
          name: 'reason',
          type: 'textarea',
          label: '处理理由',
          maxLength: 2000,
          admin: { description: '公开显示：为什么采纳、部分采纳、未采纳或转交给谁。' },
        },
        {
          name: 'publicSummary',
          type: 'textarea',
          label: '公开的意见摘要',
          maxLength: 2000,
          admin: {
            description:
              '公开反馈时显示的意见内容：已按原文预填（手机号已隐去），请删去姓名、门牌等个人信息。',
          },
        },
      ],
    },
    { name: 'textHash', type: 'text', index: true, admin: { hidden: true } },
    {
      name: 'isSample',
      type: 'checkbox',
      label: '示例数据',
      defaultValue: false,
      admin: { position: 'sidebar' },
    },
  ],
}
