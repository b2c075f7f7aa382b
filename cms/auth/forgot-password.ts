/**
 * POST /api/users/forgot-password, hardened:
 * - limited per client address and per e-mail address asked for, so nobody can flood an inbox or probe
 *   addresses at speed. The e-mail limit counts requests whether or not an account has that address, so
 *   a refusal tells nothing about it;
 * - answered before the address is looked up. Payload's own handler sets the token and sends the mail
 *   first, so a known address answered in 90 ms and an unknown one in 17 ms; the reset now runs after
 *   the answer (Next's `after`), through the Local API.
 * GraphQL's forgotPassword mutation gets the limits through the collection hook; server code calling the
 * Local API is not limited.
 */
import {
  addDataAndFileToRequest,
  APIError,
  headersWithCors,
  type CollectionBeforeOperationHook,
  type Endpoint,
  type PayloadRequest,
} from 'payload'
import { after } from 'next/server'

import { clientIp } from '../messages/endpoints.ts'
import { parseLimit, SharedWindow } from '../messages/rate-limit.ts'

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

let windows: { ip: SharedWindow; email: SharedWindow } | undefined

function resetLimits() {
  windows ??= {
    ip: new SharedWindow('reset-ip', parseLimit('RESET_LIMIT_IP', process.env.RESET_LIMIT_IP, '5/1h')),
    email: new SharedWindow(
      'reset-email',
      parseLimit('RESET_LIMIT_EMAIL', process.env.RESET_LIMIT_EMAIL, '3/1h'),
    ),
  }
  return windows
}

/** Payload's normalisation of the address it looks up. */
const normalise = (email: unknown) => (typeof email === 'string' ? email.toLowerCase().trim() : '')

/** Counts one reset request, or throws a 429 (with Retry-After) when the client or the address is over. */
async function admitResetRequest(req: PayloadRequest, email: string): Promise<void> {
  const ip = clientIp(req)
  const { ip: perIp, email: perEmail } = resetLimits()
  const byIp = await perIp.take(req.payload, ip)
  const byEmail = byIp.ok && email ? await perEmail.take(req.payload, email) : undefined
  const refused = !byIp.ok ? byIp : byEmail && !byEmail.ok ? byEmail : undefined
  if (!refused) return
  if (byIp.ok) await byIp.release()
  const seconds = Math.ceil(refused.retryAfterMs / 1000)
  req.responseHeaders ??= new Headers()
  req.responseHeaders.set('retry-after', String(seconds))
  throw new TooManyRequests(
    `Too many password-reset requests; try again in ${Math.ceil(seconds / 60)} minute(s).`,
  )
}

export const limitForgotPassword: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation === 'forgotPassword' && req.payloadAPI !== 'local')
    await admitResetRequest(req, normalise((args.data as { email?: unknown } | undefined)?.email))
  return args
}

/** Replaces Payload's handler (a collection's own endpoints are matched before the built-in ones). */
export const forgotPasswordEndpoint: Endpoint = {
  path: '/forgot-password',
  method: 'post',
  handler: async (req) => {
    await addDataAndFileToRequest(req)
    const email = normalise(req.data?.email)
    if (!email) throw new APIError('Missing email.', 400)
    await admitResetRequest(req, email)
    // After the answer has gone out: SQLite calls hold the event loop, so work started before it
    // (even without awaiting it) still delayed the answer for a known address. Without `req`, the link
    // is built on serverURL (CMS_PUBLIC_URL), never on the request's Host header.
    after(() =>
      req.payload
        .forgotPassword({ collection: 'users', data: { email } })
        .catch((err: unknown) => req.payload.logger.error({ err, msg: 'Password reset failed' })),
    )
    return Response.json(
      { message: req.t('general:success') },
      { headers: headersWithCors({ headers: new Headers(), req }), status: 200 },
    )
  },
}
