/**
 * Failed logins all look and cost the same. Payload's own login answers an unknown e-mail without
 * computing a hash (3.5 ms against 68 ms for a wrong password), and a locked account likewise, with its
 * own message; the attempt that locks an account also says so. Each told an attacker which addresses have
 * accounts. This hook runs before Payload's login (REST, the admin's login form, GraphQL: all go through
 * the same operation) and decides every failure itself: one password hash, then the one "wrong e-mail or
 * password" answer. Only a correct password reaches Payload, which logs in or tells the owner that the
 * account is locked.
 */
import { AuthenticationError, incrementLoginAttempts, type CollectionBeforeOperationHook } from 'payload'

import { recordAuditDetached, requestIp } from '../audit/record.ts'
import type { User } from '../payload-types.ts'
import { dummyHash, passwordMatches } from './password.ts'

export const evenLoginFailures: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  req,
}) => {
  if (operation !== 'login') return args
  const { email, password } = (args.data ?? {}) as { email?: unknown; password?: unknown }
  // Missing fields get Payload's validation answer, which looks up nobody either way.
  if (typeof email !== 'string' || !email.trim() || typeof password !== 'string' || !password.trim())
    return args

  const user = await req.payload.db.findOne<User>({
    collection: collection.slug,
    req,
    // Payload's own lookup: e-mails are stored lower-case.
    where: { email: { equals: email.toLowerCase().trim() } },
  })
  // 操作日志: the account attempted (its id, or 未知账号), never the address typed or the password. Not
  // awaited, and done alike for known and unknown addresses, so it costs both the same.
  const logFailure = () =>
    void recordAuditDetached(
      req.payload,
      {
        action: 'loginFailed',
        collection: collection.slug,
        documentId: user?.id ?? null,
        userLabel: user ? undefined : '未知账号',
        user: user ? { ...user, collection: collection.slug } : null,
      },
      requestIp(req),
    )
  if (!user) {
    await dummyHash(password)
    logFailure()
    throw new AuthenticationError(req.t)
  }
  if (await passwordMatches(password, user.salt, user.hash)) return args

  const locked = Boolean(user.lockUntil && new Date(user.lockUntil).getTime() > Date.now())
  if (!locked && (collection.auth.maxLoginAttempts ?? 0) > 0) {
    // Not awaited: the database write would make a wrong password answer measurably later than an
    // unknown e-mail (47 ms on a busy machine). Payload's increment is atomic and locks on the count it
    // reads back, so attempts in quick succession are all counted; the lock lands a few ms later.
    incrementLoginAttempts({ collection, payload: req.payload, user }).catch((err: unknown) =>
      req.payload.logger.error({ err, msg: 'Failed to count a failed login' }),
    )
  }
  logFailure()
  throw new AuthenticationError(req.t)
}
