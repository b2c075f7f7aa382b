import type { CollectionSlug, FieldHook, TextField } from 'payload'

import { slugify } from './pinyin.ts'

/** Lowercase ASCII words joined by single hyphens: `kuishan-station`, `zhang-wei-2`. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

const SLUG_ERROR =
  '链接名只能由小写英文字母、数字和连字符组成，且不能以连字符开头或结尾（例如 kuishan-station）。留空则按标题自动生成。'

/** Finds the first free `base`, `base-2`, `base-3`… in `collection`, ignoring document `selfId`. */
async function uniqueSlug(
  base: string,
  collection: CollectionSlug,
  selfId: number | string | undefined,
  req: Parameters<FieldHook>[0]['req'],
): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`
    const { totalDocs } = await req.payload.count({
      collection,
      where: {
        and: [{ slug: { equals: candidate } }, ...(selfId ? [{ id: { not_equals: selfId } }] : [])],
      },
      overrideAccess: true,
      req,
    })
    if (totalDocs === 0) return candidate
  }
}

/**
 * The readable, unique ASCII slug every public document has (its URL on the site).
 * Generated once from `from` (pinyin of the title or name) when left empty; never regenerated when
 * the title changes later, so published links stay stable.
 */
export function slugField(from: string, options: { asName?: boolean } = {}): TextField {
  const generateSlug: FieldHook = async ({ value, data, originalDoc, collection, req, operation }) => {
    const given = typeof value === 'string' ? value.trim() : ''
    if (given) return given
    // Keep the existing slug on edit when the field is sent empty or left out.
    if (operation === 'update' && originalDoc?.slug) return originalDoc.slug
    const source = data?.[from] ?? originalDoc?.[from]
    if (typeof source !== 'string' || !source.trim() || !collection) return value
    const base = slugify(source, { asName: options.asName }) || 'item'
    return uniqueSlug(base, collection.slug as CollectionSlug, originalDoc?.id, req)
  }

  return {
    name: 'slug',
    type: 'text',
    label: '链接名',
    unique: true,
    index: true,
    // Not `required`: the hook fills it in, so editors and the API may leave it out. `validate`
    // still refuses a document that ends up without one.
    admin: {
      position: 'sidebar',
      description:
        '网址中使用的英文名，例如 kuishan-station。留空时按标题（或姓名）的拼音自动生成；之后修改标题不会改变它，已公开的链接保持有效。',
    },
    hooks: { beforeValidate: [generateSlug] },
    validate: (value: unknown) => {
      if (typeof value !== 'string' || !value) return SLUG_ERROR
      if (value.length > 80) return '链接名不能超过 80 个字符。'
      return SLUG_PATTERN.test(value) || SLUG_ERROR
    },
  }
}
