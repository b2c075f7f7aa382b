import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import { migrations } from './migrations/index.ts'
import { dataDir, ROOT } from './paths.ts'

export type DatabaseKind = 'sqlite' | 'mongodb'

export interface DatabaseChoice {
  kind: DatabaseKind
  /** Connection URL (for SQLite: `file:` + absolute path). */
  url: string
}

/** One line for developers, naming the variable, for any URI we cannot use. */
export class DatabaseUriError extends Error {
  override name = 'DatabaseUriError'
}

/** Hides the password in `mongodb://user:secret@host` before a URI is printed. */
export function redactUri(uri: string): string {
  return uri.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@')
}

/**
 * Picks the database from `DATABASE_URI`:
 * - unset or empty → embedded SQLite at `data/cms.db` (nothing to install or run);
 * - `file:<path>` → SQLite at that path (relative paths are taken from the repository root);
 * - `mongodb://…` or `mongodb+srv://…` → MongoDB (production).
 */
export function chooseDatabase(uri: string | undefined = process.env.DATABASE_URI): DatabaseChoice {
  const value = uri?.trim() ?? ''
  if (!value) return { kind: 'sqlite', url: `file:${path.join(dataDir(), 'cms.db')}` }
  if (value.startsWith('file:')) {
    const file = value.slice('file:'.length).replace(/^\/\/(?=\/)/, '')
    if (!file) throw new DatabaseUriError('DATABASE_URI: "file:" needs a path, e.g. file:data/cms.db')
    return { kind: 'sqlite', url: `file:${path.resolve(ROOT, file)}` }
  }
  if (/^mongodb(\+srv)?:\/\/[^/\s]+/.test(value)) return { kind: 'mongodb', url: value }
  throw new DatabaseUriError(
    `DATABASE_URI: unsupported value "${redactUri(value)}"; use mongodb://host/db, file:path/to.db, or leave it unset for the embedded SQLite file data/cms.db`,
  )
}

/** The Payload adapter for a choice. SQL schemas come from the committed migrations in cms/migrations. */
export function databaseAdapter(choice: DatabaseChoice = chooseDatabase()): DatabaseAdapterObj {
  if (choice.kind === 'mongodb') {
    return mongooseAdapter({ url: choice.url })
  }
  return sqliteAdapter({
    client: { url: choice.url },
    // The schema is never pushed: dev, tests and production all run the same committed migrations.
    push: false,
    // MIGRATION_DIR exists for scripts/check-generated.ts, which diffs the schema in a scratch copy.
    migrationDir: process.env.MIGRATION_DIR ?? path.join(ROOT, 'cms', 'migrations'),
    prodMigrations: migrations,
    busyTimeout: 5000,
  })
}
