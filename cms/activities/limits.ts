/**
 * The booking endpoints' limits as the environment configures them (README: configuration), in the
 * database like the message limits (cms/messages/rate-limit.ts), so every CMS process shares them.
 */
import { parseLimit, SharedWindow, type Limit } from '../messages/rate-limit.ts'

export const BOOKING_LIMIT_VARIABLES = {
  attempts: ['BOOKING_LIMIT_ATTEMPTS', '60/1h'],
  ip: ['BOOKING_LIMIT_IP', '10/1h'],
  phone: ['BOOKING_LIMIT_PHONE', '5/1d'],
  all: ['BOOKING_LIMIT_ALL', '600/1h'],
  cancel: ['BOOKING_LIMIT_CANCEL', '30/1h'],
} as const
export type BookingLimitName = keyof typeof BOOKING_LIMIT_VARIABLES

export function configuredBookingLimits(
  env: Record<string, string | undefined> = process.env,
): Record<BookingLimitName, Limit> {
  return Object.fromEntries(
    Object.entries(BOOKING_LIMIT_VARIABLES).map(([key, [name, fallback]]) => [
      key,
      parseLimit(name, env[name], fallback),
    ]),
  ) as Record<BookingLimitName, Limit>
}

let windows: Record<BookingLimitName, SharedWindow> | undefined
/** The shared windows, made on first use (after the environment is set). */
export function bookingLimits(): Record<BookingLimitName, SharedWindow> {
  windows ??= Object.fromEntries(
    Object.entries(configuredBookingLimits()).map(([name, limit]) => [
      name,
      new SharedWindow(`booking-${name}`, limit),
    ]),
  ) as Record<BookingLimitName, SharedWindow>
  return windows
}
