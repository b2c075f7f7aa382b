/**
 * Writes one 操作日志 entry (cms/collections/AuditLog.ts). The only way entries are made: the Local API
 * with overrideAccess, in the request's transaction (`req`), so an entry exists exactly when the change
 * it records was committed. Entries carry field names and statuses, never residents' values.
 */
import type { Payload, PayloadRequest } from 'payload'

import { clientIp } from '../messages/endpoints.ts'
import type { AuditLog } from '../payload-types.ts'
import type { AuditAction } from './actions.ts'

export const AUDIT_SLUG = 'audit-log'

export interface AuditEntry {
  action: AuditAction
  /** Collection or global slug. */
  collection?: string
  documentId?: string | number | null
  /** Only for content collections (see titleFor in cms/audit/plugin.ts). */
  documentTitle?: string | null
  changedFields?: string[]
  detail?: string
  /** Who acted, when not req.user (a login: the user who just logged in). */
  user?: AuditUser | null
  /** Set when `user` is unknown (a failed login for an address with no account): 未知账号. */
  userLabel?: string
}

interface AuditUser {
  id: number | string
  email?: string | null
  name?: string | null
  collection?: string
}

/** Name and e-mail of an account as the entry keeps them (they survive the account). */
export const userLabelOf = (user: AuditUser) =>
  [user.name?.trim(), user.email ? `<${user.email}>` : ''].filter(Boolean).join(' ') || String(user.id)

/** The client's address as the CMS server decided it (scripts/lib/client-address.ts), if any. */
export function requestIp(req: Pick<PayloadRequest, 'headers'> | undefined): string | undefined {
  if (!req?.headers || typeof req.headers.get !== 'function') return undefined
  const ip = clientIp(req as PayloadRequest)
  return ip === 'unknown' ? undefined : ip
}

function entryData(entry: AuditEntry, reqUser: unknown, ip: string | undefined) {
  const candidate = (entry.user ?? reqUser) as AuditUser | null | undefined
  // Only accounts of the users collection are related (there is no other auth collection).
  const user = candidate && (candidate.collection ?? 'users') === 'users' ? candidate : undefined
  return {
    at: new Date().toISOString(),
    user: user ? Number(user.id) : null,
    // No account: a resident's form, or the CMS itself (a scheduled publish, a clock task). The residents'
    // endpoints write through the Local API without their request, so their address is not known here.
    userLabel: entry.userLabel ?? (user ? userLabelOf(user) : '无登录账号'),
    action: entry.action,
    collection: (entry.collection ?? null) as AuditLog['collection'],
    documentId: entry.documentId === undefined || entry.documentId === null ? null : String(entry.documentId),
    documentTitle: entry.documentTitle?.slice(0, 200) ?? null,
    changedFields: entry.changedFields?.length ? entry.changedFields : null,
    detail: entry.detail?.slice(0, 300) ?? null,
    ip: ip ?? null,
  }
}

/** Records `entry` in the request's transaction, as its user from its address. */
export async function recordAudit(req: PayloadRequest, entry: AuditEntry): Promise<void> {
  await req.payload.create({
    collection: AUDIT_SLUG,
    data: entryData(entry, req.user, requestIp(req)),
    overrideAccess: true,
    depth: 0,
    req,
  })
}

/**
 * Records `entry` outside any request transaction: for a failed login, whose request fails (and rolls
 * back) right after. Not awaited by the caller; errors are logged, never thrown.
 */
export function recordAuditDetached(
  payload: Payload,
  entry: AuditEntry,
  ip: string | undefined,
): Promise<void> {
  return payload
    .create({ collection: AUDIT_SLUG, data: entryData(entry, null, ip), overrideAccess: true, depth: 0 })
    .then(
      () => undefined,
      (err: unknown) => payload.logger.error({ err, msg: 'Failed to record an audit entry' }),
    )
}
