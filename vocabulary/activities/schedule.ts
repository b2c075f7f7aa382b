/**
 * When an activity can be booked, and the notice rule for 代表接待日 (provincial 网上代表联络站 rules:
 * announce time, place and deputies at least three days ahead). Pure, so the CMS's validation, the
 * booking endpoint and the site agree.
 */
import type { ActivityKind } from '../options.ts'

export const NOTICE_DAYS = 3
export const NOTICE_MS = NOTICE_DAYS * 86_400_000

/** A reception day published with less than three days' notice needs the editor's confirmation. */
export function shortNotice(
  a: { kind?: ActivityKind | null; startsAt?: string | null },
  now: number,
): boolean {
  if (a.kind !== 'reception' || !a.startsAt) return false
  const start = Date.parse(a.startsAt)
  return Number.isFinite(start) && start - now < NOTICE_MS
}

export type BookingState = 'not-bookable' | 'open' | 'full' | 'closed'

export interface Bookable {
  bookable?: boolean | null
  capacity?: number | null
  booked?: number | null
  startsAt: string
  bookingClosesAt?: string | null
}

/** When booking stops: the time the editor set, or the start of the activity. */
export const bookingClosesAt = (a: Bookable): string => a.bookingClosesAt || a.startsAt

/** Places left (never below 0); null when the activity takes no bookings. */
export function placesLeft(a: Bookable): number | null {
  if (!a.bookable || !a.capacity) return null
  return Math.max(0, a.capacity - (a.booked ?? 0))
}

export function bookingState(a: Bookable, now: number): BookingState {
  if (!a.bookable || !a.capacity) return 'not-bookable'
  if (now >= Date.parse(bookingClosesAt(a))) return 'closed'
  return (placesLeft(a) ?? 0) > 0 ? 'open' : 'full'
}
