import fs from 'node:fs'
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

/**
 * The line to print when the database runs changes without transactions, or null. Payload's MongoDB
 * adapter uses them only on a replica set named in the URI (`replicaSet=`; a `mongodb+srv://` address gets
 * it from DNS); without one a change and what its hooks write with it (the audit entry, the rebuild
 * request) are separate writes. SQLite always runs without them (docs/decisions.md: Transactions).
 */
export function transactionsWarning(choice: DatabaseChoice): string | null {
  if (choice.kind !== 'mongodb' || choice.url.startsWith('mongodb+srv://')) return null
  if (/[?&]replicaSet=[^&]+/.test(choice.url)) return null
  return `DATABASE_URI: ${redactUri(choice.url)} names no replica set (?replicaSet=…): MongoDB runs without transactions, so a change and its audit entry and rebuild request are separate writes (docs/deploy.md)`
}

/** The Payload adapter for a choice. SQL schemas come from the committed migrations in cms/migrations. */
export function databaseAdapter(choice: DatabaseChoice = chooseDatabase()): DatabaseAdapterObj {
  if (choice.kind === 'mongodb') {
    const warning = transactionsWarning(choice)
    if (warning) console.warn(warning)
    return mongooseAdapter({ url: choice.url })
  }
  protectSqliteFile(choice.url.slice('file:'.length))
  return sqliteAdapter({
    client: { url: choice.url },
    // The schema is never pushed: dev, tests and production all run the same committed migrations.
    push: false,
    // MIGRATION_DIR exists for scripts/check-generated.ts, which diffs the schema in a scratch copy.
    migrationDir: process.env.MIGRATION_DIR ?? path.join(ROOT, 'cms', 'migrations'),
    prodMigrations: migrations,
    // Several processes use the file (the CMS server, npm start's seed and checks, the importer, a second CMS
    // process): WAL lets readers go on while one writes, and a writer waits up to 10 s for another instead
    // of failing with SQLITE_BUSY. FULL syncs the log at every commit: a tracking code a resident was
    // given survives a power cut, not only a killed process (docs/decisions.md).
    busyTimeout: 10_000,
    wal: { journalSizeLimit: 64 * 1024 * 1024, synchronous: 'FULL' },
  })
}

/** Files in data/ that only the owner may read; they may predate the modes set at creation. */
const PRIVATE_FILES = ['.payload-secret', 'admin-credentials.json']

/**
 * The SQLite file holds password hashes, residents' names, phones and letters: owner only (0600), like the
 * secret. It is created empty with that mode before libsql opens it (SQLite takes an empty file as a new
 * database and gives its -wal/-shm/-journal files the database file's mode), and existing files are
 * tightened on every open. data/ itself becomes 0700, which also covers the residents' photos in
 * data/message-photos: only the CMS and `npm start`, running as the owner, read anything in it.
 */
function protectSqliteFile(file: string): void {
  const data = dataDir()
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 })
  if (fs.existsSync(data)) {
    chmodIfPresent(data, 0o700)
    for (const name of PRIVATE_FILES) chmodIfPresent(path.join(data, name))
  }
  fs.closeSync(fs.openSync(file, 'a', 0o600))
  for (const companion of ['', '-wal', '-shm', '-journal']) chmodIfPresent(file + companion)
}

function chmodIfPresent(file: string, mode = 0o600): void {
  try {
    fs.chmodSync(file, mode)
  } catch (error) {
    // Missing, or not ours to change (then its owner chose the mode).
    if (!['ENOENT', 'EPERM'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error
  }
}
