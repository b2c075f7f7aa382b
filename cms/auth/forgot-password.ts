/**
 * Limits on POST /api/users/forgot-password (and GraphQL's forgotPassword): per client address and per
 * e-mail address asked for, so nobody can flood an inbox or probe addresses at speed. The e-mail limit
 * counts requests whether or not an account has that address, so a refusal tells nothing about it.
 * Server code calling the Local API is not limited.
 */
import { APIError, type CollectionBeforeOperationHook } from 'payload'

import { clientIp } from '../messages/endpoints.ts'
import { parseLimit, SlidingWindow } from '../messages/rate-limit.ts'

/**
 * Named by hand: the admin build minifies class names away, and Payload answers an error without a name
 * as "An unknown error occurred.".
 */
class TooManyRequests extends APIError {
  constructor(message: string) {
    super(message, 429)
    this.name = 'TooManyRequests'
  }
}

let windows: { ip: SlidingWindow; email: SlidingWindow } | undefined

export function resetLimits() {
  windows ??= {
    ip: new SlidingWindow(parseLimit('RESET_LIMIT_IP', process.env.RESET_LIMIT_IP, '5/1h')),
    email: new SlidingWindow(parseLimit('RESET_LIMIT_EMAIL', process.env.RESET_LIMIT_EMAIL, '3/1h')),
  }
  return windows
}

export const limitForgotPassword: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'forgotPassword' || req.payloadAPI === 'local') return args
  const ip = clientIp(req)
  const data = (args.data ?? {}) as { email?: unknown }
  // Payload's own normalisation of the address it looks up.
  const email = typeof data.email === 'string' ? data.email.toLowerCase().trim() : ''
  const { ip: perIp, email: perEmail } = resetLimits()
  const wait = Math.max(perIp.retryAfter(ip), email ? perEmail.retryAfter(email) : 0)
  if (wait > 0) {
    const seconds = Math.ceil(wait / 1000)
    req.responseHeaders ??= new Headers()
    req.responseHeaders.set('retry-after', String(seconds))
    throw new TooManyRequests(
      `Too many password-reset requests; try again in ${Math.ceil(seconds / 60)} minute(s).`,
    )
  }
  perIp.hit(ip)
  if (email) perEmail.hit(email)
  return args
}
