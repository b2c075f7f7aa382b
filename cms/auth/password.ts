/**
 * Payload's local-strategy password check, re-done here so that a failed login can be decided before
 * Payload's own login runs (see login.ts). The parameters are Payload 3.90's, from
 * node_modules/payload/dist/auth/strategies/local/generatePasswordSaltHash.js and authenticate.js, which
 * the package does not export; tests/security/auth.int.spec.ts checks that a hash Payload stored still
 * verifies here, so an upgrade that changes them fails the tests instead of breaking logins.
 */
import crypto from 'node:crypto'
import { promisify } from 'node:util'

const pbkdf2 = promisify(crypto.pbkdf2)

const CURRENT_PREFIX = 'pbkdf2-sha256-v1:'
const CURRENT = { iterations: 600_000, keyLength: 32 }
/** Hashes from older Payload versions carry no prefix; Payload rehashes them at the next successful login. */
const LEGACY = { iterations: 25_000, keyLength: 512 }

/** Whether `password` matches a user's stored `salt` and `hash`, in the time Payload takes for it. */
export async function passwordMatches(password: string, salt: unknown, hash: unknown): Promise<boolean> {
  if (typeof salt !== 'string' || typeof hash !== 'string') {
    await dummyHash(password)
    return false
  }
  const current = hash.startsWith(CURRENT_PREFIX)
  const { iterations, keyLength } = current ? CURRENT : LEGACY
  const stored = Buffer.from(current ? hash.slice(CURRENT_PREFIX.length) : hash, 'hex')
  const computed = await pbkdf2(password, salt, iterations, keyLength, 'sha256')
  return computed.length === stored.length && crypto.timingSafeEqual(computed, stored)
}

const DUMMY_SALT = crypto.randomBytes(32).toString('hex')

/** Costs what checking a current Payload hash costs, for a login whose e-mail matches no user. */
export async function dummyHash(password: string): Promise<void> {
  await pbkdf2(password, DUMMY_SALT, CURRENT.iterations, CURRENT.keyLength, 'sha256')
}
