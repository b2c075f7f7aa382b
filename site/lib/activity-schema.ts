/**
 * The shape of a 活动 / 接待日 on the site (issue 18): when and where, the deputies taking part, places
 * left at build time, and once held its record (接待记录 / 议事结果). Made by
 * site/loaders/read-activities.ts from published documents and the CMS's places counter; no booking,
 * name or phone is in it.
 */
import { z } from 'astro/zod'

import { pictureSchema } from './picture-schema.ts'

const link = z.object({ slug: z.string(), title: z.string() })

export const activitySchema = z.object({
  slug: z.string(),
  title: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  topic: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  /** The Beijing day of the start, `2026-12-06`: the list groups by it. */
  day: z.string(),
  station: z.object({ slug: z.string(), name: z.string(), address: z.string() }).nullable(),
  deputies: z.array(z.object({ id: z.string(), slug: z.string(), name: z.string() })),
  description: z.string(),
  bookable: z.boolean(),
  capacity: z.number(),
  /** At build time; null when the activity takes no bookings. */
  placesLeft: z.number().nullable(),
  bookingClosesAt: z.string(),
  /** not-bookable, open, full, closed (at build time). */
  bookingState: z.string(),
  /** Ended before the build. */
  past: z.boolean(),
  record: z
    .object({
      attendance: z.number().nullable(),
      issuesRaised: z.string(),
      agreed: z.string(),
      cases: z.array(link),
      consultations: z.array(link),
      /** Follow-ups handled as residents' messages: only how many. */
      messages: z.number(),
    })
    .nullable(),
  photos: z.array(pictureSchema),
  isSample: z.boolean(),
  updatedAt: z.string(),
})

export type ActivityItem = z.infer<typeof activitySchema>
