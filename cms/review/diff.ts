import type { Field } from 'payload'

import { changedFields } from '../lib/field-diff.ts'

/** Fields that are not content: the review workflow's own bookkeeping and the status/trash stamps. */
export const NOT_CONTENT = new Set([
  '_status',
  'deletedAt',
  'reviewState',
  'reviewComment',
  'changedBy',
  'submittedBy',
  'submittedAt',
  'reviewedBy',
  'reviewedAt',
])

/**
 * The content fields a save changes: those in the incoming (possibly partial) data whose values differ
 * from the stored document, compared the way the audit log compares them (cms/lib/field-diff.ts), so
 * what the admin form sends back unchanged is no change.
 */
export function changedContentFields(
  fields: Field[],
  data: Record<string, unknown>,
  before: Record<string, unknown> | undefined,
): string[] {
  return changedFields(fields, data, before).filter((name) => !NOT_CONTENT.has(name.split('.')[0]))
}
