import type { CollectionConfig } from 'payload'

/**
 * The live places counter of each bookable activity (cms/activities/places.ts): capacity as published
 * and places booked, claimed and given back by single conditional updates. No personal data; nobody
 * reaches it through the API (the booking endpoints and the site's loader read it with overrideAccess).
 */
export const ActivityPlaces: CollectionConfig = {
  slug: 'activity-places',
  admin: { hidden: true },
  access: { read: () => false, create: () => false, update: () => false, delete: () => false },
  timestamps: false,
  fields: [
    { name: 'activity', type: 'relationship', relationTo: 'activities', required: true, unique: true },
    { name: 'capacity', type: 'number', required: true, defaultValue: 0 },
    { name: 'booked', type: 'number', required: true, defaultValue: 0 },
  ],
}
