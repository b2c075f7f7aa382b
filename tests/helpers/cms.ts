import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import { scratchDir } from '../../cms/paths.ts'

export interface ThrowawayCms {
  payload: Payload
  dataDir: string
  databaseUri: string
  close: () => Promise<void>
}

/**
 * Points the CMS at a fresh temporary folder (SQLite file + media) and opens it through the Local API,
 * migrated. Must run before anything imports cms/payload.config.ts in this process.
 */
export async function openThrowawayCms(options: { databaseUri?: string } = {}): Promise<ThrowawayCms> {
  const dataDir = scratchDir('minhu-cms-')
  const databaseUri = options.databaseUri ?? `file:${path.join(dataDir, 'cms.db')}`
  process.env.DATA_DIR = dataDir
  process.env.DATABASE_URI = databaseUri
  process.env.PAYLOAD_SECRET = crypto.randomBytes(16).toString('hex')
  const { openPayload } = await import('../../cms/local.ts')
  const payload = await openPayload()
  return {
    payload,
    dataDir,
    databaseUri,
    close: async () => {
      await payload.destroy()
      // A file the stopped CMS or a late write is still finishing makes rmdir fail with ENOTEMPTY: retry.
      fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 })
    },
  }
}

/** Creates a user with a role and returns it as the Local API expects in `user`. */
export async function makeUser(
  payload: Payload,
  role: 'admin' | 'editor',
  email = `${role}-${crypto.randomUUID()}@example.org`,
) {
  const password = crypto.randomBytes(12).toString('base64url')
  const user = await payload.create({
    collection: 'users',
    data: { email, password, role, name: role },
    overrideAccess: true,
  })
  return { user: { ...user, collection: 'users' as const }, email, password }
}
