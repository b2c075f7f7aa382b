import { getPayload, type Migration, type Payload } from 'payload'

import { chooseDatabase, redactUri } from './db.ts'
import { migrations } from './migrations/index.ts'

/**
 * Opens the CMS through the Local API (no server), with the schema migrated. Used by the seed,
 * `npm start`, the site build and the tests. Environment (DATABASE_URI, DATA_DIR) must be set
 * before the first call: the config reads it once.
 */
export async function openPayload(): Promise<Payload> {
  const choice = chooseDatabase()
  if (choice.kind === 'mongodb') await checkMongoReachable(choice.url)
  const { default: config } = await import('./payload.config.ts')
  let payload: Payload
  try {
    payload = await getPayload({ config })
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new Error(
      `DATABASE_URI: cannot open ${choice.kind} database at ${redactUri(choice.url)}: ${reason}`,
      { cause: error },
    )
  }
  // SQL schemas come from the committed migrations (idempotent: applied ones are skipped).
  if (choice.kind === 'sqlite') await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
  return payload
}

/**
 * Payload logs a long driver dump and waits 30 s when MongoDB is down; ask the server once, briefly, so
 * a wrong or unreachable DATABASE_URI ends the start with one line instead.
 */
async function checkMongoReachable(url: string): Promise<void> {
  const { default: mongoose } = await import('mongoose')
  const connection = mongoose.createConnection(url, { serverSelectionTimeoutMS: 5000 })
  try {
    await connection.asPromise()
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new Error(`DATABASE_URI: cannot reach MongoDB at ${redactUri(url)}: ${reason}`, { cause: error })
  } finally {
    await connection.close().catch(() => {})
  }
}
