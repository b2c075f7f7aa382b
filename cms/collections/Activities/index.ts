import type { CollectionConfig } from 'payload'

import { isStaff, isStaffRequest, publishedOrStaff } from '../../access/index.ts'
import { slugField } from '../../fields/slug.ts'
import { ACTIVITY_KINDS, selectOptions } from '../../../vocabulary/options.ts'
import { placesEndpoint } from '../../activities/endpoints.ts'
import { signInSheetEndpoint } from '../../activities/staff.ts'
import { checkActivity, keepBookedActivities, keepPlacesInStep } from './hooks.ts'

const dayAndTime = { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy-MM-dd HH:mm' } as const

/**
 * 活动 / 接待日 (民主协商, 代表履职): reception days, 议事协商会, inspections, lectures at the stations.
 * Drafts and versions like news; the public reads published ones. Residents book places through
 * POST /api/bookings/submit; the bookings themselves are the staff-only `bookings` collection, listed
 * here in the 预约 tab for staff.
 */
export const Activities: CollectionConfig = {
  slug: 'activities',
  labels: { singular: '活动', plural: '活动与接待日' },
  graphQL: { singularName: 'Activity', pluralName: 'Activities' },
  admin: {
    group: '民主协商',
    useAsTitle: 'title',
    defaultColumns: ['title', 'kind', 'startsAt', 'station', 'capacity', '_status'],
    description:
      '代表接待日、议事协商会、视察调研等活动。发布后网站上公布时间、地点和参加的代表；开放预约的活动群众可以在网站上预约。代表接待日应至少提前三天发布。活动结束后在“活动记录”里填写到场人数、群众反映的问题和议定事项，再发布。',
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
  defaultSort: '-startsAt',
  endpoints: [
    { path: '/places', method: 'get', handler: placesEndpoint },
    { path: '/:id/sign-in-sheet', method: 'get', handler: signInSheetEndpoint },
  ],
  hooks: {
    beforeValidate: [checkActivity],
    afterChange: [keepPlacesInStep],
    beforeDelete: [keepBookedActivities],
  },
  fields: [
    { name: 'title', type: 'text', label: '标题', required: true, maxLength: 120 },
    {
      type: 'row',
      fields: [
        {
          name: 'kind',
          type: 'select',
          label: '活动类型',
          required: true,
          defaultValue: 'reception',
          options: selectOptions(ACTIVITY_KINDS),
          index: true,
        },
        {
          name: 'topic',
          type: 'text',
          label: '主题',
          maxLength: 120,
          admin: { description: '例如：老旧小区加装电梯、背街小巷停车' },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'startsAt',
          type: 'date',
          label: '开始时间',
          required: true,
          index: true,
          admin: { date: dayAndTime },
        },
        {
          name: 'endsAt',
          type: 'date',
          label: '结束时间',
          required: true,
          admin: { date: dayAndTime },
        },
      ],
    },
    {
      name: 'station',
      type: 'relationship',
      relationTo: 'stations',
      required: true,
      index: true,
      label: '活动地点（实践站）',
    },
    {
      name: 'deputies',
      type: 'relationship',
      relationTo: 'deputies',
      hasMany: true,
      label: '参加的代表',
    },
    {
      name: 'description',
      type: 'textarea',
      label: '活动介绍',
      required: true,
      maxLength: 2000,
      admin: { rows: 5, description: '网站上公开：活动内容、欢迎哪些群众参加、需要带什么材料。' },
    },
    {
      name: 'shortNoticeConfirmed',
      type: 'checkbox',
      label: '已确认不足三天公告',
      defaultValue: false,
      admin: {
        description: '代表接待日距开始不足三天才发布时，需要勾选这一项确认（例如临时增加的接待）。',
      },
    },
    {
      type: 'tabs',
      tabs: [
        {
          label: '预约',
          fields: [
            {
              type: 'row',
              fields: [
                {
                  name: 'bookable',
                  type: 'checkbox',
                  label: '开放网上预约',
                  defaultValue: false,
                },
                {
                  name: 'capacity',
                  type: 'number',
                  label: '名额',
                  min: 0,
                  max: 10_000,
                  admin: { description: '可以预约的人数；约满后不再接受预约。' },
                },
                {
                  name: 'bookingClosesAt',
                  type: 'date',
                  label: '预约截止时间',
                  admin: { date: dayAndTime, description: '不填则到活动开始时截止。' },
                },
              ],
            },
            {
              type: 'ui',
              name: 'bookingTools',
              admin: { components: { Field: '/components/ActivityBookings#ActivityBookings' } },
            },
            {
              name: 'bookings',
              type: 'join',
              collection: 'bookings',
              on: 'activity',
              label: '群众预约',
              defaultLimit: 100,
              // Names, phones and issues: staff only, also when an anonymous visitor reads the activity.
              access: { read: ({ req }) => isStaffRequest(req) },
              admin: {
                defaultColumns: ['code', 'name', 'issue', 'status'],
                description: '预约的群众和他们想反映的问题（仅工作人员可见）。点开一条可以标记“已到场”。',
              },
            },
          ],
        },
        {
          label: '活动记录',
          description: '活动结束后填写，发布后在网站上公开（接待记录 / 议事结果）。',
          fields: [
            {
              name: 'attendance',
              type: 'number',
              label: '到场群众人数',
              min: 0,
            },
            {
              name: 'issuesRaised',
              type: 'textarea',
              label: '群众反映的问题',
              maxLength: 4000,
              admin: { rows: 5, description: '公开：不写姓名、电话、门牌号。' },
            },
            {
              name: 'agreed',
              type: 'textarea',
              label: '议定事项',
              maxLength: 4000,
              admin: { rows: 5, description: '公开：达成的共识、分工和时限。' },
            },
            {
              type: 'row',
              fields: [
                {
                  name: 'followUpCases',
                  type: 'relationship',
                  relationTo: 'cases',
                  hasMany: true,
                  label: '后续：民生案例',
                },
                {
                  name: 'followUpConsultations',
                  type: 'relationship',
                  relationTo: 'consultations',
                  hasMany: true,
                  label: '后续：意见征集',
                },
                {
                  name: 'followUpMessages',
                  type: 'relationship',
                  relationTo: 'messages',
                  hasMany: true,
                  label: '后续：转为群众来信办理',
                  admin: { description: '网站上只显示件数，凭跟踪码可查询办理进度。' },
                },
              ],
            },
            {
              name: 'photos',
              type: 'upload',
              relationTo: 'media',
              hasMany: true,
              label: '活动照片',
              filterOptions: { mimeType: { contains: 'image' } },
            },
          ],
        },
      ],
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
