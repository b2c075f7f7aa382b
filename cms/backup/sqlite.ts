import fs from 'node:fs'

import { createClient, type Client } from '@libsql/client'

/**
 * The SQLite side of backups, through libsql: the library @payloadcms/db-sqlite itself opens the database
 * with, so the snapshot is written by the same SQLite the CMS runs on.
 */

/** Files SQLite keeps beside a database while it is open or after a crash. */
export const SQLITE_COMPANIONS = ['-wal', '-shm', '-journal']

/** How long to wait for the CMS's write lock before giving up (the CMS itself waits 5 s). */
const BUSY_TIMEOUT_MS = 15_000

function open(file: string): Client {
  return createClient({ url: `file:${file}` })
}

/**
 * Writes a consistent copy of the live database `file` to `target` with `VACUUM INTO`: one read
 * transaction, so writes of a running CMS either are in the copy or wait for it; the copy is compacted
 * and has no journal. The live file is opened read-only in spirit: nothing is written to it.
 */
export async function snapshotSqlite(
  file: string,
  target: string,
): Promise<{ tables: Record<string, number> }> {
  const db = open(file)
  try {
    await db.execute(`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`)
    await db.execute({ sql: 'VACUUM INTO ?', args: [target] })
  } finally {
    db.close()
  }
  fs.chmodSync(target, 0o600)
  return { tables: await tableRows(target) }
}

/** Rows per table (SQLite's own tables aside), by name. */
export async function tableRows(file: string): Promise<Record<string, number>> {
  const db = open(file)
  try {
    const { rows } = await db.execute(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    const counts: Record<string, number> = {}
    for (const { name } of rows) {
      const table = String(name)
      const result = await db.execute(`SELECT count(*) AS n FROM "${table.replaceAll('"', '""')}"`)
      counts[table] = Number(result.rows[0].n)
    }
    return counts
  } finally {
    db.close()
  }
}

/** `PRAGMA integrity_check`: "ok", or SQLite's first complaints. */
export async function integrityCheck(file: string): Promise<string> {
  const db = open(file)
  try {
    const { rows } = await db.execute('PRAGMA integrity_check')
    return rows
      .slice(0, 5)
      .map((row) => String(row.integrity_check))
      .join('; ')
  } finally {
    db.close()
  }
}
