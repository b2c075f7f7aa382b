/**
 * 栏目更新提醒: the site's sections the 工作台 watches for going quiet, and the Site global's fields that
 * hold, per section, how many days without a new published item are allowed (0 = no reminder).
 */
import type { Field, Where } from 'payload'

import { mayPublish } from '../access/index.ts'

export interface WatchedSection {
  /** The field name in the Site global's group `sectionReminders`. */
  key: 'news' | 'notice' | 'lectures' | 'cases' | 'consultations' | 'activities'
  label: string
  collection: 'news' | 'lectures' | 'cases' | 'consultations' | 'activities'
  /** Narrows the collection to the section (news has two). */
  where?: Where
  /** The date that says when an item came out. */
  dateField: string
  defaultDays: number
}

export const WATCHED_SECTIONS: WatchedSection[] = [
  {
    key: 'news',
    label: '新闻动态',
    collection: 'news',
    where: { category: { equals: 'news' } },
    dateField: 'publishedAt',
    defaultDays: 14,
  },
  {
    key: 'notice',
    label: '通知公告',
    collection: 'news',
    where: { category: { equals: 'notice' } },
    dateField: 'publishedAt',
    defaultDays: 30,
  },
  { key: 'lectures', label: '人大微讲堂', collection: 'lectures', dateField: 'publishedAt', defaultDays: 60 },
  { key: 'cases', label: '民生案例', collection: 'cases', dateField: 'publishedAt', defaultDays: 60 },
  {
    key: 'consultations',
    label: '意见征集',
    collection: 'consultations',
    dateField: 'opensAt',
    defaultDays: 180,
  },
  // Activities have no publication date of their own: when the item was first saved stands in for it.
  { key: 'activities', label: '活动', collection: 'activities', dateField: 'createdAt', defaultDays: 30 },
]

/** The Site global's tab 栏目更新提醒: reviewers and admins set the days; everyone on staff reads them. */
export const sectionReminderTab = {
  label: '栏目更新提醒',
  description:
    '工作台会提醒哪些栏目很久没有发布新内容。为每个栏目填写允许多少天没有新内容，超过就在工作台上提醒；填 0 表示这个栏目不提醒。只有审核人员和管理员可以更改。',
  fields: [
    {
      name: 'sectionReminders',
      type: 'group',
      label: '多少天没有新内容时提醒',
      access: { update: ({ req }) => mayPublish(req) },
      fields: WATCHED_SECTIONS.map((s): Field => ({
        name: s.key,
        type: 'number',
        label: `${s.label}（天）`,
        min: 0,
        max: 3650,
        defaultValue: s.defaultDays,
        admin: { step: 1 },
        validate: (value: unknown) =>
          value == null || (Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 3650)
            ? true
            : '请填写 0 到 3650 之间的整数天数（0 表示不提醒）。',
      })),
    },
  ] as Field[],
}
