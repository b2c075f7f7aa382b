import type { CollectionConfig } from 'payload'

import { anyone, isStaff, isStaffRequest } from '../access/index.ts'
import { checkRedirect, repointChains } from '../redirects/hooks.ts'

/**
 * 重定向: an old address of the site that keeps answering. The CMS adds them by itself when a published
 * page's 链接名 changes or the page leaves the site (trash, 撤下, delete: to its section's list), and removes
 * them when a page is back at that address (cms/redirects/hooks.ts); editors add their own. The site build
 * writes a forwarding page for each and `redirects.map` for nginx and the site server (site/build/redirects.ts).
 *
 * Readable by anyone: every row is a pair of public addresses, which the built site publishes anyway (the
 * forwarding pages, the map). Who made a manual one is for staff only.
 */
export const Redirects: CollectionConfig = {
  slug: 'redirects',
  labels: { singular: '重定向', plural: '重定向' },
  admin: {
    group: '系统',
    useAsTitle: 'from',
    defaultColumns: ['from', 'to', 'kind', 'reason', 'updatedAt'],
    description:
      '旧网址自动跳转到新网址。修改已发布内容的“链接名”、撤下、移入回收站或删除时，系统自动添加（类型“自动”）；内容在原网址重新发布后自动移除。也可以手工添加，例如把印刷材料上的旧网址指向新页面。保存后网站会自动更新。',
  },
  access: { read: anyone, create: isStaff, update: isStaff, delete: isStaff },
  hooks: { beforeValidate: [checkRedirect], afterChange: [repointChains] },
  fields: [
    {
      name: 'from',
      type: 'text',
      label: '旧网址',
      required: true,
      unique: true,
      index: true,
      admin: { description: '站内路径，以 / 开头，例如 /news/old-title/（末尾的 / 会自动补上）。' },
    },
    {
      name: 'to',
      type: 'text',
      label: '跳转到',
      required: true,
      index: true,
      admin: { description: '站内路径（例如 /news/new-title/）或 https:// 开头的完整网址。' },
    },
    {
      name: 'kind',
      type: 'select',
      label: '类型',
      required: true,
      defaultValue: 'manual',
      options: [
        { label: '自动', value: 'auto' },
        { label: '手工', value: 'manual' },
      ],
      admin: { position: 'sidebar' },
    },
    { name: 'reason', type: 'text', label: '原因', maxLength: 200 },
    {
      // `news:12`: the document an automatic redirect was made for.
      name: 'document',
      type: 'text',
      label: '相关内容',
      admin: { position: 'sidebar', readOnly: true },
      access: { read: ({ req }) => isStaffRequest(req) },
    },
    {
      name: 'createdBy',
      type: 'relationship',
      relationTo: 'users',
      label: '添加人',
      admin: { position: 'sidebar', readOnly: true },
      access: { read: ({ req }) => isStaffRequest(req), update: () => false },
    },
  ],
}
