/**
 * Run as a script (tsx) in a fresh process: opens the CMS at DATA_DIR/DATABASE_URI (PAYLOAD_SECRET) and
 * writes to PROBE_OUT, as JSON, everything `dumpCms` reads. Then, when PROBE_EMAIL and PROBE_PASSWORD are
 * set, logs in with them (after the dump: a login writes a session) and reads the staff-only messages as
 * that user and as an anonymous visitor, with access checks on.
 */
import fs from 'node:fs'

import { openPayload } from '../../cms/local.ts'
import { dumpCms } from './cms-dump.ts'

const payload = await openPayload()
const dump = await dumpCms(payload)

let login: { ok: boolean; messagesAsUser?: number; anonymousMessages?: string; error?: string } | undefined
const { PROBE_EMAIL: email, PROBE_PASSWORD: password } = process.env
if (email && password) {
  try {
    const result = await payload.login({ collection: 'users', data: { email, password } })
    const user = { ...result.user, collection: 'users' as const }
    const asUser = await payload.count({ collection: 'messages', overrideAccess: false, user })
    const anonymous = await payload
      .find({ collection: 'messages', overrideAccess: false, user: null })
      .then(() => 'allowed')
      .catch((error: Error) => error.name)
    login = { ok: Boolean(result.token), messagesAsUser: asUser.totalDocs, anonymousMessages: anonymous }
  } catch (error) {
    login = { ok: false, error: String(error) }
  }
}

fs.writeFileSync(process.env.PROBE_OUT!, JSON.stringify({ ...dump, login }))
await payload.destroy()
process.exit(0)
