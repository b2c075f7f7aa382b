/**
 * The public message endpoints' limits as the environment configures them (README: configuration). Its
 * own module, importing nothing of Payload: cms/index.ts re-exports it for the load benchmark, and
 * whatever that entry imports is loaded before a caller has set DATA_DIR (the collections compute their
 * upload folders when loaded).
 */
import { parseLimit, type Limit } from './rate-limit.ts'

/** Each limit's variable and default (README: configuration). */
export const MESSAGE_LIMIT_VARIABLES = {
  attempts: ['MESSAGE_LIMIT_ATTEMPTS', '60/1h'],
  ip: ['MESSAGE_LIMIT_IP', '5/1h'],
  phone: ['MESSAGE_LIMIT_PHONE', '3/1d'],
  all: ['MESSAGE_LIMIT_ALL', '300/1h'],
  track: ['TRACK_LIMIT_IP', '120/10m'],
} as const
export type MessageLimitName = keyof typeof MESSAGE_LIMIT_VARIABLES

/** The limits a CMS started with `env` enforces (the load benchmark predicts its answers from them). */
export function configuredMessageLimits(
  env: Record<string, string | undefined> = process.env,
): Record<MessageLimitName, Limit> {
  const entries = Object.entries(MESSAGE_LIMIT_VARIABLES).map(([key, [name, fallback]]) => [
    key,
    parseLimit(name, env[name], fallback),
  ])
  return Object.fromEntries(entries) as Record<MessageLimitName, Limit>
}

/** Days within which the same text again is refused as a duplicate (MESSAGE_DUPLICATE_DAYS). */
export const duplicateDays = () => Number(process.env.MESSAGE_DUPLICATE_DAYS ?? 30) || 30
