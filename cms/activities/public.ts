/**
 * What the site may know of bookings: per published activity, its capacity and how many places are
 * taken (the counter, cms/activities/places.ts). Never a booking document, name or phone.
 */
import type { Payload } from 'payload'

import { readPlaces } from './places.ts'

export interface ActivityPlacesCount {
  capacity: number
  booked: number
}

/** Places of every activity that has a counter, by activity id. */
export async function publicActivityPlaces(payload: Payload): Promise<Record<string, ActivityPlacesCount>> {
  return Object.fromEntries(await readPlaces(payload))
}
