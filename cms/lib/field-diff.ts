/**
 * Which fields a change touched, by name only: the audit log's 改动字段 (it never keeps values:
 * cms/audit/record.ts) and the review workflow's "did this save change the content" (cms/review/hooks.ts).
 * Walks the collection's field config so rows, collapsibles and unnamed tabs are looked through, named
 * groups and tabs give `group.field`, and arrays, blocks and rich text count as one field each.
 */
import type { Field } from 'payload'

/** Never reported: Payload's bookkeeping, and what a login or a password change moves by itself. */
const IGNORED = new Set([
  'id',
  'createdAt',
  'updatedAt',
  'hash',
  'salt',
  'loginAttempts',
  'lockUntil',
  'sessions',
  'resetPasswordToken',
  'resetPasswordExpiration',
])

type Value = unknown

/**
 * A value as it compares: null, undefined and '' alike; a related document (an object with an `id`,
 * as read at depth > 0) as its id; dates as ISO strings; object keys in order.
 */
export function normalise(value: Value, relation = false): Value {
  if (value === undefined || value === null || value === '') return null
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) {
    const items = value.map((v) => normalise(v, relation))
    return items.length ? items : null
  }
  if (typeof value === 'object') {
    const object = value as Record<string, unknown>
    if (relation && 'id' in object) return normalise(object.id, true)
    // A polymorphic relationship: { relationTo, value } with value an id or a document.
    if (relation && 'relationTo' in object && 'value' in object)
      return { relationTo: object.relationTo, value: normalise(object.value, true) }
    const out: Record<string, unknown> = {}
    for (const key of Object.keys(object).sort()) {
      const v = normalise(object[key], relation)
      if (v !== null) out[key] = v
    }
    return Object.keys(out).length ? out : null
  }
  // An id compares alike as a number or a string (the admin and the database may differ).
  if (typeof value === 'number' && relation) return String(value)
  if (typeof value === 'number' || typeof value === 'boolean') return value
  return String(value)
}

const same = (a: Value, b: Value) => JSON.stringify(a) === JSON.stringify(b)

type Doc = Record<string, unknown> | null | undefined

/** Compares an array's rows (or a block list) field by field, so relationships inside rows match too. */
function rowsDiffer(fields: Field[] | undefined, a: Value, b: Value): boolean {
  const left = Array.isArray(a) ? a : []
  const right = Array.isArray(b) ? b : []
  if (left.length !== right.length) return true
  return left.some((row, i) => {
    const other = right[i] as Doc
    const r = row as Doc
    if (!fields) return !same(normalise(r), normalise(other))
    return walk(fields, r ?? {}, other ?? {}, '', true).length > 0
  })
}

function blocksDiffer(field: Extract<Field, { type: 'blocks' }>, a: Value, b: Value): boolean {
  const left = Array.isArray(a) ? (a as Doc[]) : []
  const right = Array.isArray(b) ? (b as Doc[]) : []
  if (left.length !== right.length) return true
  return left.some((row, i) => {
    const other = right[i]
    if (row?.blockType !== other?.blockType) return true
    const block = field.blocks.find((bl) => bl.slug === row?.blockType)
    return block
      ? walk(block.fields, row ?? {}, other ?? {}, '', true).length > 0
      : !same(normalise(row), normalise(other))
  })
}

function walk(fields: Field[], doc: Doc, previous: Doc, prefix: string, strict = false): string[] {
  const changed: string[] = []
  const now = doc ?? {}
  const before = previous ?? {}
  for (const field of fields) {
    if (field.type === 'row' || field.type === 'collapsible') {
      changed.push(...walk(field.fields, now, before, prefix, strict))
      continue
    }
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        if ('name' in tab && tab.name)
          changed.push(
            ...walk(
              tab.fields,
              now[tab.name] as Doc,
              before[tab.name] as Doc,
              `${prefix}${tab.name}.`,
              strict,
            ),
          )
        else changed.push(...walk(tab.fields, now, before, prefix, strict))
      }
      continue
    }
    if (!('name' in field) || !field.name || field.type === 'ui') continue
    const name = field.name
    if (IGNORED.has(name)) continue
    // Hidden fields are internal (a hash, a counter); a field the reader may not see is missing from
    // `doc`, which is no change (unless comparing array rows, where both sides are read alike).
    if (field.hidden) continue
    if (!strict && !(name in now)) continue
    const path = `${prefix}${name}`
    if (field.type === 'group') {
      changed.push(...walk(field.fields, now[name] as Doc, before[name] as Doc, `${path}.`, strict))
      continue
    }
    let differs: boolean
    if (field.type === 'array') differs = rowsDiffer(field.fields, now[name], before[name])
    else if (field.type === 'blocks') differs = blocksDiffer(field, now[name], before[name])
    else {
      const relation = field.type === 'relationship' || field.type === 'upload' || field.type === 'join'
      if (field.type === 'join') continue
      differs = !same(normalise(now[name], relation), normalise(before[name], relation))
    }
    if (differs) changed.push(path)
  }
  return changed
}

/** The names of the fields whose values differ between `previousDoc` and `doc` (see above). */
export function changedFields(fields: Field[], doc: Doc, previousDoc: Doc): string[] {
  return [...new Set(walk(fields, doc, previousDoc, ''))]
}
