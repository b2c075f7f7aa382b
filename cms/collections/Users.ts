import type { CollectionConfig } from 'payload'

import { adminFieldOnly, adminOrSelf, isAdmin, isStaffRequest } from '../access/index.ts'
import { forgotPasswordEndpoint, limitForgotPassword } from '../auth/forgot-password.ts'
import { evenLoginFailures } from '../auth/login.ts'

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
  hooks: { beforeOperation: [evenLoginFailures, limitForgotPassword] },
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
        { value: 'admin', label: '管理员（可管理用户）' },
        { value: 'editor', label: '编辑（可编辑和发布内容）' },
      ],
      access: { create: adminFieldOnly, update: adminFieldOnly },
    },
  ],
}
