import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll } from 'vitest'
import { scratchDir } from '../../cms/paths.ts'

export interface ThrowawayCms {
  payload: Payload
  dataDir: string
  databaseUri: string
  close: () => Promise<void>
}

/**
 * Points the CMS at a fresh temporary folder (SQLite file + media) and opens it through the Local API,
 * migrated. Must run before anything imports cms/payload.config.ts in this process. `copyOf` starts from a
 * copy of a data folder nothing writes to any more (the global setup's seeded CMS), instead of empty.
 */
export async function openThrowawayCms(
  options: { databaseUri?: string; copyOf?: string } = {},
): Promise<ThrowawayCms> {
  const dataDir = scratchDir('minhu-cms-')
  if (options.copyOf) fs.cpSync(options.copyOf, dataDir, { recursive: true })
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
      // A file the stopped CMS or a late write (a build finishing) is still writing makes rmdir fail with
      // ENOTEMPTY: retry for up to 20 s (a loaded machine).
      fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 100, retryDelay: 200 })
    },
  }
}

/** Creates a user with a role and returns it as the Local API expects in `user`. */
export async function makeUser(
  payload: Payload,
  role: 'admin' | 'reviewer' | 'editor',
  email = `${role}-${crypto.randomUUID()}@example.org`,
) {
  const password = crypto.randomBytes(12).toString('base64url')
  const user = await payload.create({
    collection: 'users',
    // Names as staff have them: Chinese (the admin's "no English anywhere" check reads the 工作台's greeting).
    data: { email, password, role, name: { admin: '管理员', reviewer: '审核员', editor: '编辑' }[role] },
    overrideAccess: true,
  })
  return { user: { ...user, collection: 'users' as const }, email, password }
}

/**
 * Switches 双人审核 off, for specs about what publishing does (rebuilds, media, the site) rather than who
 * may publish (review.int): a reviewer may then publish what they wrote. Keeps the site settings' texts.
 */
export async function allowSelfPublishing(payload: Payload) {
  const site = await payload.findGlobal({ slug: 'site', depth: 0, overrideAccess: true })
  await payload.updateGlobal({
    slug: 'site',
    data: {
      siteName: site.siteName || '测试网站',
      organizer: site.organizer || '测试单位',
      dualReview: false,
    },
    overrideAccess: true,
    context: { seed: true },
  })
}

/**
 * A throwaway CMS with one editor and one reviewer for one spec file: opened before its tests, removed after
 * them. `asEditor()` / `asReviewer()` give the Local API options that act as them with access checks on.
 */
export function useThrowawayCms() {
  let cms: ThrowawayCms | undefined
  let editor: Awaited<ReturnType<typeof makeUser>>['user'] | undefined
  let reviewer: Awaited<ReturnType<typeof makeUser>>['user'] | undefined
  beforeAll(async () => {
    cms = await openThrowawayCms()
    editor = (await makeUser(cms.payload, 'editor')).user
    reviewer = (await makeUser(cms.payload, 'reviewer')).user
  })
  afterAll(async () => {
    await cms?.close()
  })
  const opened = () => {
    if (!cms || !editor || !reviewer)
      throw new Error('useThrowawayCms: the CMS is open only inside tests and hooks')
    return { cms, editor, reviewer }
  }
  return {
    get cms() {
      return opened().cms
    },
    get payload() {
      return opened().cms.payload
    },
    asEditor: () => ({ overrideAccess: false as const, user: opened().editor }),
    asReviewer: () => ({ overrideAccess: false as const, user: opened().reviewer }),
  }
}

/** Field errors of a Payload ValidationError, as { path: message }; fails when the write went through. */
export async function fieldErrors(promise: Promise<unknown>): Promise<Record<string, string>> {
  try {
    await promise
  } catch (error) {
    const errors = (error as { data?: { errors?: { path: string; message: string }[] } }).data?.errors ?? []
    return Object.fromEntries(errors.map((e) => [e.path, e.message]))
  }
  throw new Error('expected the write to be refused')
}
