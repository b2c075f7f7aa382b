import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

import { dataDir } from '../paths.ts'

export interface AdminLogin {
  email: string
  password: string
  /** Where the password came from, for the start banner. */
  source: 'env' | 'generated-now' | 'file'
  file?: string
}

/** Where a generated admin password is kept (mode 0600). */
const credentialsFile = () => path.join(dataDir(), 'admin-credentials.json')

/**
 * The first admin's login: ADMIN_EMAIL/ADMIN_PASSWORD when set; otherwise a random password generated
 * once and kept in data/admin-credentials.json (mode 0600). There is no default password.
 */
export function adminLogin(env = process.env): AdminLogin {
  if (env.ADMIN_EMAIL && env.ADMIN_PASSWORD) {
    return { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD, source: 'env' }
  }
  if (env.ADMIN_EMAIL || env.ADMIN_PASSWORD) {
    throw new Error('ADMIN_EMAIL and ADMIN_PASSWORD: set both or neither')
  }
  const file = credentialsFile()
  try {
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { email: string; password: string }
    return { ...saved, source: 'file', file }
  } catch {
    fs.mkdirSync(dataDir(), { recursive: true })
    const login = { email: 'admin@example.org', password: crypto.randomBytes(12).toString('base64url') }
    fs.writeFileSync(file, JSON.stringify(login, null, 2) + '\n', { mode: 0o600 })
    return { ...login, source: 'generated-now', file }
  }
}

/** Creates the admin account when no user has that e-mail yet. Returns true when it created one. */
export async function ensureAdmin(payload: Payload, login: AdminLogin): Promise<boolean> {
  const { totalDocs } = await payload.count({
    collection: 'users',
    where: { email: { equals: login.email.toLowerCase() } },
    overrideAccess: true,
  })
  if (totalDocs > 0) return false
  await payload.create({
    collection: 'users',
    data: { email: login.email, password: login.password, name: '管理员', role: 'admin' },
    overrideAccess: true,
    context: { seed: true },
  })
  return true
}
