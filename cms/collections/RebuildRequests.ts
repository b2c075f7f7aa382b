import type { CollectionConfig } from 'payload'

/**
 * What asked for a site rebuild (cms/builds/queue.ts): one document per publish, edit of a published
 * document, unpublish or delete, written by the CMS hooks in the same transaction as the change, so a
 * change that was rolled back asks for nothing and one that committed is never lost. `build` is empty
 * while it waits and names the build that took it afterwards. Any CMS process writes here; the one
 * elected builder reads. Staff see it through the dashboard's build status, not the API.
 */
export const RebuildRequests: CollectionConfig = {
  slug: 'rebuild-requests',
  admin: { hidden: true },
  access: { read: () => false, create: () => false, update: () => false, delete: () => false },
  fields: [
    /** The collection or global that changed. */
    { name: 'source', type: 'text', required: true },
    { name: 'docId', type: 'text' },
    /** The document's title when it was asked, so the build log names it as editors do. */
    { name: 'title', type: 'text' },
    { name: 'operation', type: 'text', required: true },
    /** The editor's e-mail (staff only see it). */
    { name: 'by', type: 'text' },
    { name: 'build', type: 'text', index: true },
  ],
}
