import type { Field } from 'payload'

import { isStaffRequest } from '../access/index.ts'
import { REVIEW_STATES, RETURN_COMMENT_MAX } from '../../vocabulary/review.ts'

/** Staff read the workflow's bookkeeping; the public never (who reviewed what is not site content). */
const staffOnly = { read: ({ req }: { req: Parameters<typeof isStaffRequest>[0] }) => isStaffRequest(req) }

const person = (name: string, label: string): Field => ({
  name,
  type: 'relationship',
  relationTo: 'users',
  label,
  access: staffOnly,
  admin: { position: 'sidebar', readOnly: true },
})

const when = (name: string, label: string): Field => ({
  name,
  type: 'date',
  label,
  access: staffOnly,
  admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
})

/**
 * The review workflow's fields on every reviewed collection. The buttons (提交审核, 退回) and the save
 * hook set them; editors read them in the sidebar and the lists (审核状态 is a column and a filter).
 */
export const reviewFields = (): Field[] => [
  {
    name: 'reviewState',
    type: 'select',
    label: '审核状态',
    options: REVIEW_STATES.map((s) => ({ ...s })),
    defaultValue: 'draft',
    index: true,
    access: staffOnly,
    admin: {
      position: 'sidebar',
      readOnly: true,
      description: '编辑提交审核后，由审核人员审核通过（即发布）或退回修改。',
    },
  },
  {
    name: 'reviewComment',
    type: 'textarea',
    label: '退回意见',
    maxLength: RETURN_COMMENT_MAX,
    access: staffOnly,
    admin: {
      position: 'sidebar',
      readOnly: true,
      condition: (data) => Boolean(data?.reviewComment),
    },
  },
  person('changedBy', '最后修改人'),
  person('submittedBy', '提交人'),
  when('submittedAt', '提交时间'),
  person('reviewedBy', '审核人'),
  when('reviewedAt', '审核时间'),
]
