/**
 * The opinion endpoints' limits as the environment configures them (README: configuration), in the
 * database like the message limits (cms/messages/rate-limit.ts), so every CMS process shares them.
 */
import { parseLimit, SharedWindow, type Limit } from '../messages/rate-limit.ts'

export const OPINION_LIMIT_VARIABLES = {
  attempts: ['OPINION_LIMIT_ATTEMPTS', '60/1h'],
  ip: ['OPINION_LIMIT_IP', '20/1h'],
  phone: ['OPINION_LIMIT_PHONE', '20/1d'],
  all: ['OPINION_LIMIT_ALL', '600/1h'],
  receipt: ['RECEIPT_LIMIT_IP', '120/10m'],
} as const
export type OpinionLimitName = keyof typeof OPINION_LIMIT_VARIABLES

export function configuredOpinionLimits(
  env: Record<string, string | undefined> = process.env,
): Record<OpinionLimitName, Limit> {
  return Object.fromEntries(
    Object.entries(OPINION_LIMIT_VARIABLES).map(([key, [name, fallback]]) => [
      key,
      parseLimit(name, env[name], fallback),
    ]),
  ) as Record<OpinionLimitName, Limit>
}

let windows: Record<OpinionLimitName, SharedWindow> | undefined
/** The shared windows, made on first use (after the environment is set). */
export function opinionLimits(): Record<OpinionLimitName, SharedWindow> {
  windows ??= Object.fromEntries(
    Object.entries(configuredOpinionLimits()).map(([name, limit]) => [
      name,
      new SharedWindow(`opinion-${name}`, limit),
    ]),
  ) as Record<OpinionLimitName, SharedWindow>
  return windows
}
