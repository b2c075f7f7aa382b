import { ValidationError, type Field, type PayloadRequest } from 'payload'

/**
 * A ValidationError for our own hooks that reads like Payload's own: in the admin's language (Payload
 * falls back to English unless it is handed `req.t`) and naming each field by its label, the way the
 * editor sees it ("答复 2 > 答复内容"), not by its path ("replies.1.text").
 */
export function invalidFields(
  collection: { slug: string; fields: Field[] },
  errors: { path: string; message: string }[],
  req: PayloadRequest,
): ValidationError {
  return new ValidationError(
    {
      collection: collection.slug,
      errors: errors.map((e) => ({ ...e, label: fieldLabel(collection.fields, e.path) })),
      req,
    },
    req.t,
  )
}

type AnyField = Field & { name?: string; label?: unknown; fields?: Field[]; tabs?: AnyField[] }

/** The field called `name` among `fields`, looking through rows, collapsibles and unnamed tabs. */
function findField(fields: Field[], name: string): AnyField | undefined {
  for (const field of fields as AnyField[]) {
    if (field.name === name) return field
    if (!field.name && field.fields) {
      const found = findField(field.fields, name)
      if (found) return found
    }
    if (field.type === 'tabs') {
      for (const tab of field.tabs ?? []) {
        if (tab.name === name) return tab
        if (!tab.name && tab.fields) {
          const found = findField(tab.fields, name)
          if (found) return found
        }
      }
    }
  }
  return undefined
}

/** "replies.1.text" → "答复 2 > 答复内容"; parts without a label keep their name. */
export function fieldLabel(fields: Field[], path: string): string {
  const parts = path.split('.')
  const labels: string[] = []
  let current: Field[] = fields
  for (let i = 0; i < parts.length; i++) {
    const field = findField(current, parts[i])
    if (!field) {
      labels.push(parts.slice(i).join('.'))
      break
    }
    let label = typeof field.label === 'string' ? field.label : parts[i]
    if (/^\d+$/.test(parts[i + 1] ?? '')) label += ` ${Number(parts[++i]) + 1}`
    labels.push(label)
    current = field.fields ?? []
  }
  return labels.join(' > ')
}
