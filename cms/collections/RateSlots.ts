import type { CollectionConfig } from 'payload'

/**
 * The rate limits' shared state (cms/messages/rate-limit.ts): one document per hit that counts, named
 * `<key>#<n>` with n below the limit, so the database's unique index decides who gets the last place when
 * several CMS processes take one at the same moment. Keys are hashes (never an address or a phone
 * number). Nobody reaches it through the API; the CMS uses it with overrideAccess.
 */
export const RateSlots: CollectionConfig = {
  slug: 'rate-slots',
  admin: { hidden: true },
  access: { read: () => false, create: () => false, update: () => false, delete: () => false },
  timestamps: false,
  fields: [
    { name: 'slot', type: 'text', required: true, unique: true },
    /** Which limit (ip, phone, all, attempts, track). */
    { name: 'limit', type: 'text', required: true, index: true },
    { name: 'key', type: 'text', required: true, index: true },
    { name: 'at', type: 'number', required: true },
    { name: 'expiresAt', type: 'number', required: true, index: true },
  ],
}
