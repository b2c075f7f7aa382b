/**
 * Appends the 操作日志 hooks to every collection and global (except the log itself and the hidden
 * internal ones), so each create, update, delete, publish, review step, trash/restore, status and role
 * change is recorded in the transaction of the change (cms/audit/record.ts). Shaped like Payload's own
 * plugins (`(options) => (config) => config`), like cms/plugins/rebuildSite.ts.
 */
import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  CollectionConfig,
  Config,
  Field,
  GlobalAfterChangeHook,
  PayloadRequest,
} from 'payload'

import type { AuditAction } from './actions.ts'
import { changedFields } from '../lib/field-diff.ts'
import { AUDIT_SLUG, recordAudit, type AuditEntry } from './record.ts'
import { mainRowPublished } from '../lib/main-row.ts'

/**
 * Not audited: the log itself, and the CMS's internal state nobody edits (rate-limit places, rebuild
 * requests, build records, builder leases, activity place counters) and Payload's own (jobs,
 * preferences, locks, migrations, folders).
 */
export const UNAUDITED = [
  AUDIT_SLUG,
  'rate-slots',
  'rebuild-requests',
  'site-build-records',
  'leases',
  'activity-places',
]

/** Residents' records and accounts: their titles may be personal, so entries name them by code or id. */
export const PERSONAL = ['messages', 'opinions', 'bookings', 'message-photos', 'users']

/** The fields whose changes are 状态变更 (statuses are no personal data: the entry says from → to). */
const STATUS_FIELDS: Record<string, string> = { messages: 'status', opinions: 'outcome', bookings: 'status' }

export interface AuditLogOptions {
  /** Slugs left out besides UNAUDITED. */
  exclude?: string[]
}

type Doc = Record<string, unknown>

/** A select field's config by name, looking through rows, collapsibles, unnamed tabs. */
function findSelect(fields: Field[], name: string): Extract<Field, { type: 'select' }> | undefined {
  for (const field of fields) {
    if (field.type === 'select' && field.name === name) return field
    if (field.type === 'row' || field.type === 'collapsible') {
      const found = findSelect(field.fields, name)
      if (found) return found
    }
    if (field.type === 'tabs')
      for (const tab of field.tabs) {
        if ('name' in tab && tab.name) continue
        const found = findSelect(tab.fields, name)
        if (found) return found
      }
  }
  return undefined
}

const plainLabel = (label: unknown) =>
  (typeof label === 'string'
    ? label
    : typeof label === 'object' && label
      ? String((label as { zh?: string }).zh ?? '')
      : ''
  )
    // "编辑（可编辑和发布内容）" → "编辑"
    .replace(/（[^）]*）$/, '')
    .trim()

function optionLabel(field: Extract<Field, { type: 'select' }> | undefined, value: unknown): string {
  if (value === null || value === undefined || value === '') return '（空）'
  const option = field?.options.find((o) => (typeof o === 'string' ? o : o.value) === value)
  if (!option) return String(value)
  return typeof option === 'string' ? option : plainLabel(option.label) || String(value)
}

/** "状态：已受理 → 办理中" for a select field that changed. */
function transition(fields: Field[], name: string, before: unknown, after: unknown): string {
  const field = findSelect(fields, name)
  const label = plainLabel(field?.label) || name
  return `${label}：${optionLabel(field, before)} → ${optionLabel(field, after)}`
}

function titleFor(collection: CollectionConfig, doc: Doc | undefined): string | null {
  if (!doc) return null
  if (PERSONAL.includes(collection.slug)) return typeof doc.code === 'string' ? doc.code : null
  const field = collection.admin?.useAsTitle ?? 'id'
  const value = doc[field] ?? doc.title ?? doc.name ?? doc.filename
  return typeof value === 'string' && value.trim() ? value.trim() : null
}

/** Whether the main row (what the site shows) of a document with drafts is published, by collection:id. */
const shownBefore = new Map<string, boolean>()
const keyOf = (slug: string, id: unknown) => `${slug}:${String(id)}`

const hasDrafts = (collection: CollectionConfig) =>
  Boolean(collection.versions && typeof collection.versions === 'object' && collection.versions.drafts)

const skipped = (req: PayloadRequest) => Boolean(req.context?.seed || req.context?.skipAudit)

const rememberPublished: CollectionBeforeChangeHook = async ({
  collection,
  operation,
  originalDoc,
  req,
  data,
}) => {
  if (operation === 'update' && hasDrafts(collection) && originalDoc?.id !== undefined && !skipped(req))
    shownBefore.set(
      keyOf(collection.slug, originalDoc.id),
      await mainRowPublished(req, collection.slug, originalDoc.id, { trash: true }),
    )
  return data
}

/**
 * The one action an update is recorded as, most telling first: trash/restore, a review step, publish/
 * unpublish, a role change, a status change, else 修改. Its changed fields are recorded with it.
 */
async function updateAction(
  collection: CollectionConfig,
  doc: Doc,
  previousDoc: Doc,
  req: PayloadRequest,
): Promise<{ action: AuditAction; detail?: string }> {
  if (doc.deletedAt && !previousDoc.deletedAt) return { action: 'trash' }
  if (!doc.deletedAt && previousDoc.deletedAt) return { action: 'restore' }

  const review = doc.reviewState
  const reviewBefore = previousDoc.reviewState
  if (review !== undefined && review !== reviewBefore) {
    const detail = transition(collection.fields, 'reviewState', reviewBefore, review)
    if (review === 'published' && reviewBefore === 'pending') return { action: 'approve', detail }
    if (review === 'returned') return { action: 'return', detail }
    if (review === 'pending') return { action: 'submit', detail }
  }

  if (hasDrafts(collection)) {
    const key = keyOf(collection.slug, doc.id)
    const wasShown = shownBefore.get(key)
    shownBefore.delete(key)
    if (doc._status === 'published' && wasShown === false) return { action: 'publish' }
    if (doc._status !== 'published' && wasShown === true) {
      if (!(await mainRowPublished(req, collection.slug, doc.id as number, { trash: true })))
        return { action: 'unpublish' }
    }
  }

  if (collection.slug === 'users' && doc.role !== previousDoc.role && previousDoc.role !== undefined)
    return { action: 'roleChange', detail: transition(collection.fields, 'role', previousDoc.role, doc.role) }

  const status = STATUS_FIELDS[collection.slug]
  if (status && doc[status] !== previousDoc[status] && previousDoc[status] !== undefined)
    return {
      action: 'statusChange',
      detail: transition(collection.fields, status, previousDoc[status], doc[status]),
    }

  return { action: 'update' }
}

const auditAfterChange: CollectionAfterChangeHook = async ({
  collection,
  doc,
  previousDoc,
  operation,
  req,
}) => {
  if (skipped(req)) return doc
  const base: Omit<AuditEntry, 'action'> = {
    collection: collection.slug,
    documentId: doc.id,
    documentTitle: titleFor(collection, doc),
  }
  if (operation === 'create') {
    const published = hasDrafts(collection) && doc._status === 'published'
    await recordAudit(req, { ...base, action: 'create', detail: published ? '新建并发布' : undefined })
    return doc
  }
  const fields = changedFields(collection.fields, doc, previousDoc ?? {})
  const { action, detail } = await updateAction(collection, doc, previousDoc ?? {}, req)
  // A save that changed nothing (the admin's 保存 pressed twice; an autosave with no edit) is no event.
  if (action === 'update' && !fields.length) return doc
  await recordAudit(req, { ...base, action, detail, changedFields: fields })
  return doc
}

const auditAfterDelete: CollectionAfterDeleteHook = async ({ collection, doc, id, req }) => {
  if (skipped(req)) return doc
  await recordAudit(req, {
    action: 'delete',
    collection: collection.slug,
    documentId: doc?.id ?? id,
    documentTitle: titleFor(collection, doc),
  })
  return doc
}

const auditGlobalChange: GlobalAfterChangeHook = async ({ global, doc, previousDoc, req }) => {
  if (skipped(req)) return doc
  const fields = changedFields(global.fields, doc, previousDoc ?? {})
  if (!fields.length) return doc
  await recordAudit(req, {
    action: 'update',
    collection: global.slug,
    documentTitle: plainLabel(global.label) || global.slug,
    changedFields: fields,
  })
  return doc
}

const labelOf = (collection: CollectionConfig) =>
  plainLabel(collection.labels?.plural) || plainLabel(collection.labels?.singular) || collection.slug

/** Adds the audit hooks; fills the audit log's 对象类型 options with the audited collections and globals. */
export const auditLog =
  ({ exclude = [] }: AuditLogOptions = {}) =>
  (config: Config): Config => {
    const skip = new Set([...UNAUDITED, ...exclude])
    const audited = (config.collections ?? []).filter(
      (c) => !skip.has(c.slug) && !c.slug.startsWith('payload-'),
    )
    const options = [
      ...audited.map((c) => ({ value: c.slug, label: labelOf(c) })),
      ...(config.globals ?? []).map((g) => ({ value: g.slug, label: plainLabel(g.label) || g.slug })),
      // Its own exports are recorded too.
      { value: AUDIT_SLUG, label: '操作日志' },
    ]
    return {
      ...config,
      collections: (config.collections ?? []).map((collection) => {
        if (collection.slug === AUDIT_SLUG)
          return {
            ...collection,
            fields: collection.fields.map((f) =>
              f.type === 'select' && f.name === 'collection' ? { ...f, options } : f,
            ),
          }
        if (!audited.includes(collection)) return collection
        const hooks = collection.hooks ?? {}
        return {
          ...collection,
          hooks: {
            ...hooks,
            beforeChange: [...(hooks.beforeChange ?? []), rememberPublished],
            afterChange: [...(hooks.afterChange ?? []), auditAfterChange],
            afterDelete: [...(hooks.afterDelete ?? []), auditAfterDelete],
          },
        }
      }),
      globals: (config.globals ?? []).map((global) => {
        const hooks = global.hooks ?? {}
        return {
          ...global,
          hooks: { ...hooks, afterChange: [...(hooks.afterChange ?? []), auditGlobalChange] },
        }
      }),
    }
  }
