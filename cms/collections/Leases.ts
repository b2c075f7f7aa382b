import type { CollectionConfig } from 'payload'

/**
 * Named leases (cms/builds/lease.ts): which process holds a job that exactly one may do at a time (the
 * site builder), until when. The unique index on the name decides between two processes claiming it at
 * once, on SQLite and MongoDB alike.
 */
export const Leases: CollectionConfig = {
  slug: 'leases',
  admin: { hidden: true },
  access: { read: () => false, create: () => false, update: () => false, delete: () => false },
  timestamps: false,
  fields: [
    { name: 'name', type: 'text', required: true, unique: true },
    { name: 'holder', type: 'text', required: true },
    { name: 'expiresAt', type: 'number', required: true },
  ],
}
