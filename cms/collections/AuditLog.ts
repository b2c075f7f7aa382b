import { APIError, type CollectionConfig } from 'payload'

import { isAdmin } from '../access/index.ts'
import { AUDIT_ACTIONS } from '../audit/actions.ts'
import { auditExportEndpoint } from '../audit/export.ts'

const appendOnly = () => {
  throw new APIError('操作日志只能追加，不能修改或删除。 (The audit log is append-only.)', 403)
}

/**
 * 操作日志: who did what to which document, when (cms/audit/). Append-only: no route may create, change or
 * delete an entry (access), the Local API refuses updates and deletes even with overrideAccess (hooks),
 * and SQLite triggers refuse them below Payload (the audit_log migration). Entries are written only by
 * recordAudit (cms/audit/record.ts). Field names, never values, of what changed.
 */
export const AuditLog: CollectionConfig = {
  slug: 'audit-log',
  labels: { singular: '操作日志', plural: '操作日志' },
  admin: {
    group: '系统',
    useAsTitle: 'documentTitle',
    defaultColumns: ['at', 'userLabel', 'action', 'collection', 'documentTitle', 'changedFields'],
    listSearchableFields: ['userLabel', 'documentId', 'documentTitle', 'detail'],
    description:
      '所有新建、修改、删除、发布、审核、登录和导出的记录。只能查看和导出，任何人都不能修改或删除。',
    components: { beforeListTable: ['/components/AuditExport#AuditExport'] },
    pagination: { defaultLimit: 50 },
  },
  defaultSort: '-at',
  timestamps: false,
  access: {
    read: isAdmin,
    create: () => false,
    update: () => false,
    delete: () => false,
  },
  hooks: {
    beforeChange: [
      ({ operation, data }) => {
        if (operation !== 'create') appendOnly()
        return data
      },
    ],
    beforeDelete: [appendOnly],
  },
  endpoints: [{ path: '/export', method: 'get', handler: auditExportEndpoint }],
  fields: [
    {
      name: 'at',
      type: 'date',
      label: '时间',
      required: true,
      index: true,
      admin: { date: { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy-MM-dd HH:mm:ss' } },
    },
    {
      name: 'user',
      type: 'relationship',
      relationTo: 'users',
      label: '操作人',
      index: true,
      admin: { description: '账号删除后此处为空，见“操作人（记录时）”。' },
    },
    // A copy, so the entry still says who it was after the account is deleted.
    { name: 'userLabel', type: 'text', label: '操作人（记录时）' },
    {
      name: 'action',
      type: 'select',
      label: '操作',
      required: true,
      index: true,
      options: AUDIT_ACTIONS.map(({ value, label }) => ({ value, label })),
    },
    // Options: every audited collection and global, filled in by the audit plugin (cms/audit/plugin.ts).
    {
      name: 'collection',
      type: 'select',
      label: '对象类型',
      index: true,
      options: [{ value: 'users', label: '用户' }],
    },
    { name: 'documentId', type: 'text', label: '文档编号', index: true },
    // Only for content; for residents' messages, opinions, bookings and for users the code or the id.
    {
      name: 'documentTitle',
      type: 'text',
      label: '文档',
      admin: { components: { Cell: '/components/AuditCells#AuditDocumentCell' } },
    },
    {
      name: 'changedFields',
      type: 'json',
      label: '改动字段',
      admin: {
        description: '只记字段名，不记内容。',
        components: { Cell: '/components/AuditCells#ChangedFieldsCell' },
      },
    },
    { name: 'detail', type: 'text', label: '说明' },
    { name: 'ip', type: 'text', label: 'IP 地址' },
  ],
}
