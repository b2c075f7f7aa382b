/** What the audit log records, with the labels admins read (cms/collections/AuditLog.ts). */
export const AUDIT_ACTIONS = [
  { value: 'create', label: '新建' },
  { value: 'update', label: '修改' },
  { value: 'delete', label: '删除' },
  { value: 'publish', label: '发布' },
  { value: 'unpublish', label: '撤下' },
  { value: 'approve', label: '审核通过' },
  { value: 'return', label: '退回' },
  { value: 'submit', label: '提交审核' },
  { value: 'login', label: '登录' },
  { value: 'loginFailed', label: '登录失败' },
  { value: 'roleChange', label: '角色变更' },
  { value: 'statusChange', label: '状态变更' },
  { value: 'export', label: '导出' },
  { value: 'trash', label: '移入回收站' },
  { value: 'restore', label: '恢复' },
] as const

export type AuditAction = (typeof AUDIT_ACTIONS)[number]['value']

export const AUDIT_ACTION_VALUES: readonly string[] = AUDIT_ACTIONS.map((a) => a.value)

export const actionLabel = (value: string) => AUDIT_ACTIONS.find((a) => a.value === value)?.label ?? value
