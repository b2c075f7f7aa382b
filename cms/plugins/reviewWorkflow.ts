import type { CollectionSlug, Config } from 'payload'

import { reviewedUpdate } from '../review/access.ts'
import { reviewFields } from '../review/fields.ts'
import { reviewBeforeChange, reviewBeforeOperation } from '../review/hooks.ts'

/**
 * 先审后发 on the named collections (they must have drafts): the review fields, the save hook that holds
 * every route to the workflow, publish permission narrowed to reviewers (so the admin shows 发布 only to
 * them), the 提交审核 / 退回 controls above the form, 审核状态 as a list column with quick filters.
 * Shaped like rebuildSite; a new collection joins by being listed in cms/payload.config.ts.
 */
export const reviewWorkflow =
  ({ collections }: { collections: CollectionSlug[] }) =>
  (config: Config): Config => ({
    ...config,
    collections: (config.collections ?? []).map((collection) => {
      if (!collections.includes(collection.slug as CollectionSlug)) return collection
      const versions = collection.versions
      if (!versions || typeof versions !== 'object' || !versions.drafts)
        throw new Error(`reviewWorkflow: collection "${collection.slug}" needs versions.drafts`)
      const hooks = collection.hooks ?? {}
      const components = collection.admin?.components ?? {}
      const edit = components.edit ?? {}
      const columns = collection.admin?.defaultColumns ?? []
      const update = collection.access?.update
      if (!update) throw new Error(`reviewWorkflow: collection "${collection.slug}" needs update access`)
      return {
        ...collection,
        fields: [...collection.fields, ...reviewFields()],
        access: { ...collection.access, update: reviewedUpdate(collection.slug, update) },
        admin: {
          ...collection.admin,
          defaultColumns: columns.includes('_status')
            ? columns.map((c) => (c === '_status' ? 'reviewState' : c))
            : [...columns, 'reviewState'],
          components: {
            ...components,
            beforeListTable: ['/components/ReviewFilter#ReviewFilter', ...(components.beforeListTable ?? [])],
            edit: {
              ...edit,
              beforeDocumentControls: [
                '/components/ReviewControls#ReviewControls',
                ...(edit.beforeDocumentControls ?? []),
              ],
            },
          },
        },
        hooks: {
          ...hooks,
          beforeOperation: [...(hooks.beforeOperation ?? []), reviewBeforeOperation],
          beforeChange: [...(hooks.beforeChange ?? []), reviewBeforeChange],
        },
      }
    }),
  })
