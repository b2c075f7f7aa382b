import type { Access, FieldAccess, PayloadRequest, Where } from 'payload'

/**
 * Named access predicates. Every collection lists all four operations with these, so the rules
 * read the same in the REST API, GraphQL, the admin and the static build (which reads as an
 * anonymous visitor with `overrideAccess: false`).
 */

/** 管理员, 审核 (approves = publishes, returns with a comment), 编辑 (writes drafts, submits them). */
export type Role = 'admin' | 'reviewer' | 'editor'

export function roleOf(req: PayloadRequest): Role | undefined {
  const user = req.user as { collection?: string; role?: Role } | null | undefined
  if (!user || user.collection !== 'users') return undefined
  return user.role
}

/** Anyone, logged in or not. */
export const anyone: Access = () => true

/** Admins only. */
export const isAdmin: Access = ({ req }) => roleOf(req) === 'admin'

/** True for admins, reviewers and editors (everyone who may write content). */
export function isStaffRequest(req: PayloadRequest): boolean {
  const role = roleOf(req)
  return role === 'admin' || role === 'reviewer' || role === 'editor'
}

/** True for those who may publish (approve): reviewers and admins. */
export function mayPublish(req: PayloadRequest): boolean {
  const role = roleOf(req)
  return role === 'admin' || role === 'reviewer'
}

/** Staff: admins, reviewers and editors. */
export const isStaff: Access = ({ req }) => isStaffRequest(req)

const onlyPublished: Where = { _status: { equals: 'published' } }

/**
 * Staff read everything, drafts included; everybody else reads published documents only. Returning
 * a query (rather than filtering afterwards) lets the database apply it to lists, counts and by-id
 * reads alike.
 */
export const publishedOrStaff: Access = (args) => (isStaff(args) ? true : onlyPublished)

/** Admins see and edit every account; other users only their own. */
export const adminOrSelf: Access = ({ req }) => {
  const role = roleOf(req)
  if (role === 'admin') return true
  if (!req.user) return false
  return { id: { equals: req.user.id } }
}

/** Field-level: only admins may set or change the field (used for roles). */
export const adminFieldOnly: FieldAccess = ({ req }) => roleOf(req) === 'admin'
