import type { CollectionConfig } from 'payload'

import { isAdmin, isStaff } from '../../access/index.ts'
import { caseCategoryField, dayPicker, streetField } from '../../fields/common.ts'
import {
  MESSAGE_CHANNELS,
  MESSAGE_GRADES,
  MESSAGE_RATINGS,
  MESSAGE_STATUSES,
  selectOptions,
} from '../../../vocabulary/options.ts'
import { promoteEndpoint, rateEndpoint, submitEndpoint, trackEndpoint } from '../../messages/endpoints.ts'
import { receiptEndpoint } from '../../messages/receipt.ts'
import {
  checkPublicTexts,
  deletePhotos,
  keepTimeline,
  keepVerification,
  rebuildAfterMessageDelete,
  rebuildWhenResultsChange,
} from './hooks.ts'
import { checkStaffEntry } from './staff-entry.ts'

const dayAndTime = { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy-MM-dd HH:mm' } as const

/**
 * 群众来信 (民呼我应): what residents write to a deputy or station. Staff only, in every operation:
 * residents never use Payload's generic create; they go through POST /api/messages/submit, which
 * validates every field and writes only the whitelisted ones, and read back only the public view
 * through /api/messages/track with their tracking code.
 */
export const Messages: CollectionConfig = {
  slug: 'messages',
  labels: { singular: '群众来信', plural: '群众来信（民呼我应）' },
  graphQL: { singularName: 'Message', pluralName: 'Messages' },
  admin: {
    group: '民呼我应',
    useAsTitle: 'code',
    defaultColumns: [
      'code',
      'needsVerification',
      'category',
      'street',
      'grade',
      'status',
      'deadline',
      'receivedAt',
    ],
    listSearchableFields: ['code', 'body', 'name', 'phone'],
    description:
      '群众在网站上写给代表或站点的来信。新来信为“已受理”；请定级分类、分派代表和站点、答复并推进状态。超期未办结的来信在列表中标红。网站短时间内收到的来信超过总量上限时，多出的来信标为“待核实”：核实是真实来信后点“确认是真实来信”，它才进入办理队列和公开统计。姓名和电话只有编辑和管理员能看到，永不公开。',
    components: { beforeListTable: ['/components/MessageQueue#MessageQueue'] },
    pagination: { defaultLimit: 50 },
  },
  access: {
    read: isStaff,
    create: isStaff,
    update: isStaff,
    delete: isAdmin,
  },
  endpoints: [
    { path: '/submit', method: 'post', handler: submitEndpoint },
    { path: '/track', method: 'get', handler: trackEndpoint },
    { path: '/rate', method: 'post', handler: rateEndpoint },
    { path: '/:id/promote', method: 'post', handler: promoteEndpoint },
    { path: '/:id/receipt', method: 'get', handler: receiptEndpoint },
  ],
  defaultSort: '-receivedAt',
  hooks: {
    beforeValidate: [checkStaffEntry, checkPublicTexts],
    beforeChange: [keepVerification, keepTimeline],
    afterChange: [rebuildWhenResultsChange],
    afterDelete: [rebuildAfterMessageDelete, deletePhotos],
  },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'code',
          type: 'text',
          label: '跟踪码',
          unique: true,
          index: true,
          admin: {
            readOnly: true,
            description: '提交时自动生成，群众凭它查询进度。',
            // Beside the code once saved: the sentence to read out and the printed 来信回执.
            components: { afterInput: ['/components/MessageReceipt#MessageReceipt'] },
          },
        },
        {
          name: 'receivedAt',
          type: 'date',
          label: '受理时间',
          index: true,
          admin: { date: dayAndTime },
        },
      ],
    },
    {
      type: 'tabs',
      tabs: [
        {
          label: '来信内容',
          fields: [
            {
              type: 'row',
              fields: [
                caseCategoryField,
                streetField({ required: true }),
                { name: 'community', type: 'text', label: '社区', maxLength: 40 },
              ],
            },
            {
              // The resident's own words stay as written: set once when the message is created (by the
              // submit endpoint, or by an editor entering a letter or a call), never changed afterwards.
              // What editors have to add goes into 内部备注 right below.
              name: 'body',
              type: 'textarea',
              label: '诉求内容',
              required: true,
              maxLength: 2000,
              access: { update: () => false },
              admin: {
                description:
                  '群众原文，保存后不能修改；可能含个人信息，不公开。补充说明请写在下面的“内部备注”。',
              },
            },
            {
              name: 'notes',
              type: 'textarea',
              label: '内部备注',
              admin: { description: '编辑的补充说明，只有编辑和管理员能看到。' },
            },
            {
              name: 'photos',
              type: 'upload',
              relationTo: 'message-photos',
              hasMany: true,
              label: '群众上传的照片',
              admin: { description: '只有编辑和管理员能看到。' },
            },
            {
              type: 'row',
              fields: [
                { name: 'name', type: 'text', label: '群众姓名', required: true, maxLength: 20 },
                { name: 'phone', type: 'text', label: '联系电话', required: true, maxLength: 20 },
                {
                  name: 'consentAt',
                  type: 'date',
                  label: '同意隐私说明的时间',
                  admin: { readOnly: true, date: dayAndTime },
                },
              ],
            },
          ],
        },
        {
          label: '办理',
          fields: [
            {
              type: 'row',
              fields: [
                {
                  name: 'grade',
                  type: 'select',
                  label: '等级',
                  defaultValue: 'normal',
                  required: true,
                  options: MESSAGE_GRADES.map(({ value, label }) => ({ value, label })),
                },
                {
                  name: 'deadline',
                  type: 'date',
                  label: '办结期限',
                  index: true,
                  admin: {
                    date: dayPicker,
                    description: '按等级自动计算；改等级会重新计算，也可以手动调整。',
                    components: { Cell: '/components/MessageDeadlineCell#MessageDeadlineCell' },
                  },
                },
              ],
            },
            {
              type: 'row',
              fields: [
                {
                  name: 'deputy',
                  type: 'relationship',
                  relationTo: 'deputies',
                  label: '承办代表',
                },
                {
                  name: 'station',
                  type: 'relationship',
                  relationTo: 'stations',
                  label: '承办站点',
                },
              ],
            },
            {
              name: 'replies',
              type: 'array',
              label: '答复',
              labels: { singular: '答复', plural: '答复' },
              admin: {
                description: '会显示在群众的跟踪页上（不显示群众姓名电话）。不要写入任何人的手机号。',
              },
              fields: [
                {
                  type: 'row',
                  fields: [
                    {
                      name: 'date',
                      type: 'date',
                      label: '日期',
                      required: true,
                      defaultValue: () => new Date().toISOString(),
                      admin: { date: dayPicker },
                    },
                    { name: 'by', type: 'text', label: '答复人/单位', maxLength: 60 },
                  ],
                },
                { name: 'text', type: 'textarea', label: '答复内容', required: true, maxLength: 2000 },
              ],
            },
            {
              name: 'timeline',
              type: 'array',
              label: '办理进程',
              labels: { singular: '节点', plural: '节点' },
              admin: { readOnly: true, description: '状态每变化一次自动记一笔。' },
              fields: [
                {
                  type: 'row',
                  fields: [
                    {
                      name: 'date',
                      type: 'date',
                      label: '时间',
                      required: true,
                      admin: { date: dayAndTime },
                    },
                    {
                      name: 'status',
                      type: 'select',
                      label: '状态',
                      required: true,
                      options: selectOptions(MESSAGE_STATUSES),
                    },
                    { name: 'note', type: 'text', label: '说明', maxLength: 120 },
                  ],
                },
                {
                  name: 'skipped',
                  type: 'checkbox',
                  label: '未单独记录',
                  defaultValue: false,
                  admin: { description: '状态越过了这一步，这一步没有自己的办理日期。' },
                },
              ],
            },
          ],
        },
        {
          label: '结果公开',
          fields: [
            {
              name: 'publishable',
              type: 'checkbox',
              label: '在“办理结果”页公开',
              defaultValue: false,
              admin: {
                description:
                  '已办结后可公开：网站只显示类别、街道、日期、公开摘要、答复和评价，绝不显示姓名、电话、原文和照片。',
              },
            },
            {
              name: 'publicSummary',
              type: 'textarea',
              label: '公开摘要',
              maxLength: 300,
              admin: { description: '用一两句话概括诉求，去掉姓名、门牌号、电话等个人信息。' },
            },
            {
              name: 'caseStory',
              type: 'relationship',
              relationTo: 'cases',
              label: '已转为民生案例',
              admin: { readOnly: true },
            },
            {
              type: 'ui',
              name: 'promote',
              label: '转为民生案例草稿',
              admin: {
                disableListColumn: true,
                components: { Field: '/components/PromoteToCase#PromoteToCase' },
              },
            },
          ],
        },
      ],
    },
    {
      // Set only by the submit endpoint (never a form field) when the overall backstop is exceeded;
      // editors clear it with the confirm button, and the hooks keep it from being set by hand.
      name: 'needsVerification',
      type: 'checkbox',
      label: '待核实',
      defaultValue: false,
      index: true,
      access: { create: () => false },
      admin: {
        position: 'sidebar',
        readOnly: true,
        components: {
          Field: '/components/MessageVerification#MessageVerification',
          Cell: '/components/MessageVerification#MessageVerificationCell',
        },
      },
    },
    {
      name: 'status',
      type: 'select',
      label: '状态',
      required: true,
      defaultValue: 'received',
      index: true,
      options: selectOptions(MESSAGE_STATUSES),
      admin: {
        position: 'sidebar',
        description:
          '按 已受理 → 已分派 → 办理中 → 已办结 → 已回访 逐步推进；越过的步骤在办理进程中记为“未单独记录”。',
      },
    },
    {
      // How the message came in. The submit endpoint sets 网站 or 扫码; an editor entering a letter for
      // a resident who came in or phoned picks 现场代录 or 电话代录. Fixed once stored, like the text.
      name: 'channel',
      type: 'select',
      label: '来信渠道',
      defaultValue: 'web',
      index: true,
      options: selectOptions(MESSAGE_CHANNELS),
      access: { update: () => false },
      admin: {
        position: 'sidebar',
        description:
          '群众到站或来电反映时由工作人员代录：选“现场代录”或“电话代录”，并向群众读明隐私说明、告知跟踪码。网站和扫码来信由系统记录。保存后不能修改。',
      },
    },
    {
      // The 码上见代表 poster whose QR code opened the form (`poster-deputy-<slug>`); set only by the
      // submit endpoint after checking that deputy or station exists.
      name: 'source',
      type: 'text',
      label: '来源海报',
      index: true,
      maxLength: 120,
      access: { create: () => false, update: () => false },
      admin: { position: 'sidebar', readOnly: true, description: '扫码来信来自哪张海报。' },
    },
    {
      name: 'closedAt',
      type: 'date',
      label: '办结时间',
      admin: { position: 'sidebar', readOnly: true, date: dayAndTime },
    },
    {
      name: 'rating',
      type: 'select',
      label: '群众评价',
      options: selectOptions(MESSAGE_RATINGS),
      admin: { position: 'sidebar', readOnly: true, description: '群众凭跟踪码在办结后评价。' },
    },
    { name: 'ratedAt', type: 'date', label: '评价时间', admin: { position: 'sidebar', readOnly: true } },
    {
      name: 'textHash',
      type: 'text',
      label: '重复来信识别码',
      index: true,
      admin: { hidden: true, disableListColumn: true, disableListFilter: true },
    },
    {
      name: 'isSample',
      type: 'checkbox',
      label: '示例数据',
      defaultValue: false,
      admin: { position: 'sidebar', description: '演示用的虚构来信。' },
    },
  ],
}
