import type { CollectionConfig } from 'payload'

/**
 * The site builds, as the admin dashboard shows them (cms/builds/queue.ts): running, succeeded (and the
 * folder served since) or failed with the error. Written by the elected builder; the newest successful
 * one names the folder any builder serves after taking over.
 */
export const SiteBuildRecords: CollectionConfig = {
  slug: 'site-build-records',
  admin: { hidden: true },
  access: { read: () => false, create: () => false, update: () => false, delete: () => false },
  fields: [
    { name: 'buildId', type: 'text', required: true, unique: true },
    { name: 'state', type: 'text', required: true, index: true },
    { name: 'trigger', type: 'text', required: true },
    { name: 'startedAt', type: 'date', required: true, index: true },
    { name: 'ms', type: 'number' },
    { name: 'error', type: 'textarea' },
    /** host:pid of the builder that ran it. */
    { name: 'builder', type: 'text' },
    /** Where the build was written (served once it succeeded). */
    { name: 'folder', type: 'text' },
  ],
}
