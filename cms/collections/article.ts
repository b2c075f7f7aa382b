import type { CollectionConfig } from 'payload'

import { isStaff, publishedOrStaff } from '../access/index.ts'

type Article = 'news' | 'lectures' | 'cases'

/**
 * What the article collections (news, lectures, cases) share: drafts with versions and scheduled
 * publishing, and public reading of published documents only.
 */
export const articleBehaviour = (): Pick<CollectionConfig, 'access' | 'versions' | 'defaultSort'> => ({
  access: {
    read: publishedOrStaff,
    create: isStaff,
    update: isStaff,
    delete: isStaff,
    readVersions: isStaff,
  },
  // schedulePublish: editors pick a time; the jobs runner in the CMS server publishes then.
  versions: { drafts: { schedulePublish: true }, maxPerDoc: 50 },
  defaultSort: '-publishedAt',
})

/** The 预览 button: the latest draft rendered like the site, for editors only. */
export const previewUrl =
  (collection: Article) =>
  (doc: Record<string, unknown>): string =>
    `/api/preview?collection=${collection}&id=${String(doc.id)}`
