import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { isAdmin, isStaff } from '../../access/index.ts'
import { BOOKING_STATUSES, selectOptions } from '../../../vocabulary/options.ts'
import { newTrackingCode } from '../../../vocabulary/messages/code.ts'
import { bookEndpoint, cancelBookingEndpoint } from '../../activities/endpoints.ts'
import type { Booking } from '../../payload-types.ts'

const dayAndTime = { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy-MM-dd HH:mm' } as const

/** A new booking gets its code and time. */
const prepareBooking: CollectionBeforeChangeHook<Booking> = ({ data, operation }) => {
  if (operation === 'create') {
    data.code ??= newTrackingCode()
    data.bookedAt ??= new Date().toISOString()
    data.status ??= 'booked'
  }
  return data
}

/**
 * 群众预约 of an activity. Staff only in every operation, like messages and opinions: residents book
 * through POST /api/bookings/submit (every field checked, a place claimed by one conditional update)
 * and cancel with their code and phone (POST /api/bookings/cancel). Editors mark attendance here.
 */
export const Bookings: CollectionConfig = {
  slug: 'bookings',
  labels: { singular: '群众预约', plural: '群众预约' },
  graphQL: { singularName: 'Booking', pluralName: 'Bookings' },
  admin: {
    group: '民主协商',
    useAsTitle: 'code',
    defaultColumns: ['code', 'activity', 'name', 'issue', 'status', 'bookedAt'],
    listSearchableFields: ['code', 'name', 'phone', 'issue'],
    description:
      '群众在网站上的活动预约，含姓名、手机号和想反映的问题，仅工作人员可见。活动当天把到场的群众标记为“已到场”。取消预约请让群众在网站上凭预约码取消，名额会自动让出。',
    pagination: { defaultLimit: 50 },
  },
  access: {
    read: isStaff,
    create: isStaff,
    update: isStaff,
    delete: isAdmin,
  },
  endpoints: [
    { path: '/submit', method: 'post', handler: bookEndpoint },
    { path: '/cancel', method: 'post', handler: cancelBookingEndpoint },
  ],
  defaultSort: '-bookedAt',
  hooks: { beforeChange: [prepareBooking] },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'code',
          type: 'text',
          label: '预约码',
          unique: true,
          index: true,
          admin: { readOnly: true, description: '预约时自动生成，群众凭它和手机号取消预约。' },
        },
        { name: 'bookedAt', type: 'date', label: '预约时间', index: true, admin: { date: dayAndTime } },
      ],
    },
    {
      name: 'activity',
      type: 'relationship',
      relationTo: 'activities',
      required: true,
      index: true,
      label: '活动',
      access: { update: () => false },
    },
    {
      type: 'row',
      fields: [
        { name: 'name', type: 'text', label: '姓名', required: true, maxLength: 20 },
        { name: 'phone', type: 'text', label: '手机号', required: true, maxLength: 20, index: true },
      ],
    },
    {
      name: 'issue',
      type: 'textarea',
      label: '想反映的问题',
      maxLength: 500,
      admin: { description: '群众预约时填写，供代表提前准备；不公开。' },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'status',
          type: 'select',
          label: '状态',
          required: true,
          defaultValue: 'booked',
          options: selectOptions(BOOKING_STATUSES),
          index: true,
          admin: { description: '活动当天标记“已到场”或“未到场”。“已取消”由群众在网站上取消。' },
        },
        { name: 'cancelledAt', type: 'date', label: '取消时间', admin: { readOnly: true, date: dayAndTime } },
      ],
    },
    {
      name: 'isSample',
      type: 'checkbox',
      label: '示例数据',
      defaultValue: false,
      admin: { position: 'sidebar' },
    },
  ],
}
