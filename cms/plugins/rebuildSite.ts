import type { CollectionSlug, Config, GlobalSlug } from 'payload'

import {
  rebuildAfterChange,
  rebuildAfterDelete,
  rebuildAfterGlobalChange,
  rememberPublished,
} from '../hooks/requestRebuild.ts'

export interface RebuildSiteConfig {
  /** Collections the site shows: publishing, editing a published document, unpublishing or deleting asks. */
  collections: CollectionSlug[]
  /** Globals the site shows: every save asks. */
  globals: GlobalSlug[]
}

/**
 * Makes the static site follow the CMS: appends the rebuild hooks (cms/hooks/requestRebuild.ts) to the
 * named collections and globals, so the list of what the site is built from sits in one place
 * (cms/payload.config.ts) instead of in each collection. Shaped like Payload's own plugins
 * (`(options) => (config) => config`). Messages are not listed: only what /results/ shows of them
 * matters, and their collection decides that itself (cms/collections/Messages/hooks.ts).
 */
export const rebuildSite =
  ({ collections, globals }: RebuildSiteConfig) =>
  (config: Config): Config => {
    return {
      ...config,
      collections: (config.collections ?? []).map((collection) => {
        if (!collections.includes(collection.slug as CollectionSlug)) return collection
        const hooks = collection.hooks ?? {}
        const edit = collection.admin?.components?.edit ?? {}
        return {
          ...collection,
          admin: {
            ...collection.admin,
            components: {
              ...collection.admin?.components,
              edit: {
                ...edit,
                // Beside 发布 / 保存草稿: when the change will be on the site, a link to its page, and 撤下.
                beforeDocumentControls: [
                  ...(edit.beforeDocumentControls ?? []),
                  {
                    path: '/components/SiteStatus#SiteStatus',
                    clientProps: {
                      unpublish: Boolean(
                        collection.versions &&
                        typeof collection.versions === 'object' &&
                        collection.versions.drafts,
                      ),
                    },
                  },
                ],
              },
            },
          },
          hooks: {
            ...hooks,
            // Only documents with drafts need it (it checks); it records whether the site showed the
            // document before an update, which the after-change hook needs to see an unpublish.
            beforeChange: [...(hooks.beforeChange ?? []), rememberPublished],
            afterChange: [...(hooks.afterChange ?? []), rebuildAfterChange],
            afterDelete: [...(hooks.afterDelete ?? []), rebuildAfterDelete],
          },
        }
      }),
      globals: (config.globals ?? []).map((global) => {
        if (!globals.includes(global.slug as GlobalSlug)) return global
        const hooks = global.hooks ?? {}
        return {
          ...global,
          hooks: { ...hooks, afterChange: [...(hooks.afterChange ?? []), rebuildAfterGlobalChange] },
        }
      }),
    }
  }
