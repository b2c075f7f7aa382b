import type { Access, CollectionSlug, Config, Where } from 'payload'

import { isAdmin, isStaffRequest } from '../access/index.ts'
import { Redirects } from '../collections/Redirects.ts'
import { followPath, redirectAfterDelete, rememberPath } from './hooks.ts'

export interface SafetyNetsConfig {
  /** Content collections with a trash (回收站) whose pages are followed by redirects. */
  collections: CollectionSlug[]
}

const TRASH_HELP =
  '回收站：删除的内容先移入回收站，网站上随即撤下，原网址自动跳转到栏目列表；在回收站中可以恢复，只有管理员可以永久删除。'
const VERSIONS_HELP =
  '版本：每次保存都会留下一个版本，在“版本”页可以对比任意两个版本的差别，并恢复到旧版本（恢复后仍需审核发布）。'

/**
 * Who may delete what, once a collection has a trash. Payload asks `access.delete` both to move a
 * document into the trash (an update setting `deletedAt`, the access call gets that data) and to
 * delete it for good (no data): staff may do the first, the collection's rule still applying; only admins
 * the second.
 */
export const trashOrAdmin =
  (rule: Access | undefined): Access =>
  async (args) => {
    const trashing = Boolean((args.data as { deletedAt?: unknown } | undefined)?.deletedAt)
    if (!trashing && !(await isAdmin(args))) return false
    return rule ? rule(args) : true
  }

const notTrashed: Where = { deletedAt: { exists: false } }

/**
 * Reading, once a collection has a trash: staff as before (the trash view lists what they may restore);
 * anyone else never a trashed document, also when asking for the trash (`?trash=true`), since the main
 * row of a trashed document may still say `published`.
 */
export const notTrashedForPublic =
  (rule: Access | undefined): Access =>
  async (args) => {
    const result = rule ? await rule(args) : isStaffRequest(args.req)
    if (isStaffRequest(args.req) || result === false) return result
    return result === true ? notTrashed : { and: [result, notTrashed] }
  }

/**
 * 回收站, 版本 and 重定向 (issue 19): adds the `redirects` collection, and to each named collection the
 * trash (`trash: true`), the permanent-delete rule above, the hooks that keep redirects in step with its
 * pages (./hooks.ts), and a line on trash and versions to the list view's description. Shaped like
 * Payload's own plugins and applied before rebuildSite, so redirect changes made here ask for a rebuild
 * in the same transaction.
 */
export const safetyNets =
  ({ collections }: SafetyNetsConfig) =>
  (config: Config): Config => ({
    ...config,
    collections: [
      ...(config.collections ?? []).map((collection) => {
        if (!collections.includes(collection.slug as CollectionSlug)) return collection
        const hooks = collection.hooks ?? {}
        const description = collection.admin?.description
        const versioned = Boolean(collection.versions)
        const help = [TRASH_HELP, ...(versioned ? [VERSIONS_HELP] : [])].join('')
        return {
          ...collection,
          trash: true,
          access: {
            ...collection.access,
            read: notTrashedForPublic(collection.access?.read),
            delete: trashOrAdmin(collection.access?.delete),
          },
          admin: {
            ...collection.admin,
            description: typeof description === 'string' ? `${description}${help}` : (description ?? help),
          },
          hooks: {
            ...hooks,
            beforeChange: [...(hooks.beforeChange ?? []), rememberPath],
            afterChange: [...(hooks.afterChange ?? []), followPath],
            afterDelete: [...(hooks.afterDelete ?? []), redirectAfterDelete],
          },
        }
      }),
      Redirects,
    ],
  })
