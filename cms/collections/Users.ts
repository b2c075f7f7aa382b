import type { CollectionConfig } from 'payload'

import { adminFieldOnly, adminOrSelf, isAdmin, isStaffRequest } from '../access/index.ts'
import { streetField } from '../fields/common.ts'
import { forgotPasswordEndpoint, limitForgotPassword } from '../auth/forgot-password.ts'
import { evenLoginFailures } from '../auth/login.ts'
import { recordAudit } from '../audit/record.ts'

/**
 * Served over https (`CMS_PUBLIC_URL=https://…`): the login cookie is `Secure`, so a browser never sends
 * it over plain http. Plain http on 127.0.0.1 (no public URL) keeps a cookie the browser accepts there.
 * Read once per process, like the rest of the config.
 */
const servedOverHttps = /^https:\/\//i.test(process.env.CMS_PUBLIC_URL?.trim() ?? '')

/** Editors and admins. Never readable by anonymous visitors, never part of the site. */
export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: '用户', plural: '用户' },
  admin: { group: '系统', useAsTitle: 'email', defaultColumns: ['email', 'name', 'role'] },
  auth: {
    maxLoginAttempts: 5,
    lockTime: 15 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
    cookies: { sameSite: 'Lax', secure: servedOverHttps },
  },
  hooks: {
    beforeOperation: [evenLoginFailures, limitForgotPassword],
    // 操作日志 (cms/audit/); failed logins are recorded by evenLoginFailures.
    afterLogin: [
      async ({ req, user }) => {
        await recordAudit(req, { action: 'login', collection: 'users', documentId: user.id, user })
      },
    ],
  },
  endpoints: [forgotPasswordEndpoint],
  access: {
    admin: ({ req }) => isStaffRequest(req),
    read: adminOrSelf,
    create: isAdmin,
    update: adminOrSelf,
    delete: isAdmin,
    unlock: isAdmin,
  },
  fields: [
    { name: 'name', type: 'text', label: '姓名', maxLength: 40 },
    {
      name: 'role',
      type: 'select',
      label: '角色',
      required: true,
      defaultValue: 'editor',
      saveToJWT: true,
      options: [
        { value: 'admin', label: '管理员（管理用户和设置，也可审核）' },
        { value: 'reviewer', label: '审核（审核通过即发布，或退回修改）' },
        { value: 'editor', label: '编辑（撰写草稿，提交审核）' },
      ],
      access: { create: adminFieldOnly, update: adminFieldOnly },
    },
    {
      // 按街道分工 (optional): an editor or reviewer with streets or stations here sees and edits only the
      // content, messages and bookings of those (cms/access/scope.ts); empty means the whole district.
      type: 'collapsible',
      label: '负责范围',
      admin: {
        description:
          '不填表示负责全区。填写后，该用户只能看到和修改所选街道、实践站的内容、来信和预约；管理员不受限制。',
        initCollapsed: false,
      },
      fields: [
        streetField({
          name: 'streets',
          label: '负责街道',
          hasMany: true,
          index: false,
          access: { create: adminFieldOnly, update: adminFieldOnly },
        }),
        {
          name: 'stations',
          type: 'relationship',
          relationTo: 'stations',
          hasMany: true,
          label: '负责实践站',
          saveToJWT: false,
          access: { create: adminFieldOnly, update: adminFieldOnly },
        },
      ],
    },
  ],
}
