import fs from 'node:fs'
import path from 'node:path'

import * as tar from 'tar'

import type { DatabaseChoice } from '../db.ts'
import { BackupError, formatBytes, freeName, isInside, move, sha256File, timeStamp, walk } from './files.ts'
import {
  DATABASE_ENTRY,
  FILES_PREFIX,
  MANIFEST_NAME,
  parseManifest,
  type BackupManifest,
} from './manifest.ts'
import { integrityCheck, SQLITE_COMPANIONS, tableRows } from './sqlite.ts'

export interface RestoreOptions {
  archive: string
  /** The archive as the user typed it, for the commands the messages suggest. */
  shownArchive?: string
  /** The data folder to restore into (DATA_DIR). */
  dataDir: string
  /** Where the restored database goes (chooseDatabase()). */
  database: DatabaseChoice
  /** Move what is in the data folder aside first instead of refusing. */
  force?: boolean
  /** Only the files; the database stays as it is (MongoDB: mongorestore does it). */
  filesOnly?: boolean
  log?: (line: string) => void
  now?: Date
}

export interface RestoreResult {
  manifest: BackupManifest
  /** Where the old contents went (with --force), if there were any. */
  movedAside: string[]
  database: string | null
  files: number
}

/**
 * Restores an archive of `npm run backup`. Nothing in the data folder is touched until the whole
 * archive has been unpacked into a staging folder beside it, every file's sha256 matched the manifest
 * and the database snapshot passed `PRAGMA integrity_check` with the manifest's row counts. A data
 * folder with anything in it is refused; with `force` its contents are moved aside (never deleted) to
 * `<data folder>.before-restore-<time>/`, and a database file outside it to `<file>.before-restore-<time>`.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const log = options.log ?? (() => {})
  const { dataDir, database } = options
  const filesOnly = options.filesOnly ?? false
  const now = options.now ?? new Date()
  const archive = path.resolve(options.archive)
  if (!fs.statSync(archive, { throwIfNoEntry: false })?.isFile())
    throw new BackupError(`no archive at ${archive}`)
  if (database.kind === 'mongodb' && !filesOnly)
    throw new BackupError(
      'DATABASE_URI is MongoDB: restore the database with mongorestore and the files with "npm run restore -- <archive> --files-only" (README: Backup and restore)',
    )
  const dbFile = database.kind === 'sqlite' ? database.url.slice('file:'.length) : undefined
  const restoreDb = dbFile && !filesOnly ? dbFile : undefined

  // What is there now. With --files-only the live database stays where it is and does not count.
  const keep = new Set<string>()
  if (dbFile && filesOnly)
    for (const suffix of ['', ...SQLITE_COMPANIONS])
      if (isInside(dataDir, dbFile + suffix)) keep.add(path.relative(dataDir, dbFile + suffix))
  const present = fs.existsSync(dataDir) ? fs.readdirSync(dataDir).filter((name) => !keep.has(name)) : []
  const outsideDb =
    restoreDb && !isInside(dataDir, restoreDb)
      ? ['', ...SQLITE_COMPANIONS].map((s) => restoreDb + s).filter((f) => fs.existsSync(f))
      : []
  const aside = freeName(`${dataDir}.before-restore-${timeStamp(now, true)}`)
  if ((present.length || outsideDb.length) && !options.force) {
    const listed = [...present.slice(0, 5), ...outsideDb].join(', ')
    const more = present.length > 5 ? ` and ${present.length - 5} more` : ''
    throw new BackupError(
      `the data folder ${dataDir} is not empty (${listed}${more}); restoring into it would mix two states. ` +
        `Stop the CMS (npm start) first, then either empty it yourself or run ` +
        `"npm run restore -- ${options.shownArchive ?? archive} --force${filesOnly ? ' --files-only' : ''}" to move its contents aside to ${aside}`,
    )
  }

  fs.mkdirSync(path.dirname(dataDir), { recursive: true })
  const staging = fs.mkdtempSync(path.join(path.dirname(dataDir), `.${path.basename(dataDir)}.restore-`))
  try {
    // 1. Unpack and check everything before touching the data folder.
    const unexpected: string[] = []
    await tar
      .extract({
        file: archive,
        cwd: staging,
        strict: true,
        // The files belong to whoever restores (the user the CMS runs as), even when root runs this.
        preserveOwner: false,
        filter: (name, entry) => {
          const type = 'type' in entry ? entry.type : 'File'
          const known =
            name === MANIFEST_NAME || name.startsWith('database/') || name.startsWith(FILES_PREFIX)
          if (!known || (type !== 'File' && type !== 'Directory')) {
            unexpected.push(`${name} (${type})`)
            return false
          }
          return true
        },
      })
      .catch((error: unknown) => {
        throw new BackupError(
          `${archive} is not a readable tar.gz archive: ${String((error as Error).message ?? error)}`,
        )
      })
    if (unexpected.length)
      throw new BackupError(
        `${archive} holds entries a backup never has: ${unexpected.slice(0, 5).join(', ')}`,
      )
    const manifestFile = path.join(staging, MANIFEST_NAME)
    if (!fs.existsSync(manifestFile))
      throw new BackupError(`${archive} has no ${MANIFEST_NAME}: not a backup archive`)
    let manifest: BackupManifest
    try {
      manifest = parseManifest(fs.readFileSync(manifestFile, 'utf8'))
    } catch (error) {
      throw new BackupError(`${archive}: ${(error as Error).message}`)
    }
    if (!manifest.database && !filesOnly)
      throw new BackupError(
        `${archive} was made with --files-only and holds no database; restore it with --files-only`,
      )
    const total = manifest.entries.reduce((sum, e) => sum + e.bytes, 0)
    log(
      `archive: ${archive}, made ${manifest.createdAt}: ${manifest.database ? 'SQLite database + ' : ''}${manifest.files.count} files, ${formatBytes(total)}`,
    )

    const unpacked = walk(staging).entries.filter((e) => e.type === 'file' && e.rel !== MANIFEST_NAME)
    const listed = new Map(manifest.entries.map((e) => [e.path, e]))
    const notListed = unpacked.filter((e) => !listed.has(e.rel)).map((e) => e.rel)
    if (notListed.length)
      throw new BackupError(`${archive} holds files its manifest does not list: ${notListed.join(', ')}`)
    for (const entry of manifest.entries) {
      const file = path.join(staging, entry.path)
      if (!fs.existsSync(file))
        throw new BackupError(`${archive} lacks ${entry.path}, which its manifest lists`)
      const sha256 = await sha256File(file)
      if (sha256 !== entry.sha256 || fs.statSync(file).size !== entry.bytes)
        throw new BackupError(
          `${entry.path}: sha256 differs from the manifest; the archive is damaged, nothing was restored`,
        )
    }
    log(`verified: ${manifest.entries.length} files unpacked, every sha256 matches the manifest`)

    if (restoreDb && manifest.database) {
      const snapshot = path.join(staging, DATABASE_ENTRY)
      const integrity = await integrityCheck(snapshot)
      if (integrity !== 'ok')
        throw new BackupError(`database snapshot: integrity_check says "${integrity}"; nothing was restored`)
      const rows = await tableRows(snapshot)
      if (JSON.stringify(rows) !== JSON.stringify(manifest.database.tables))
        throw new BackupError(
          'database snapshot: its tables or row counts differ from the manifest; nothing was restored',
        )
      const count = Object.values(rows).reduce((a, b) => a + b, 0)
      log(
        `database: integrity_check ok, ${Object.keys(rows).length} tables and ${count} rows as in the manifest`,
      )
    } else if (manifest.database) {
      log('database: snapshot in the archive left out (--files-only)')
    }

    // 2. Make room: move the old contents aside (only with --force; refused above otherwise).
    const movedAside: string[] = []
    if (present.length) {
      // It holds the old database and secrets: as private as the data folder itself.
      fs.mkdirSync(aside, { mode: 0o700 })
      for (const name of present) move(path.join(dataDir, name), path.join(aside, name))
      movedAside.push(aside)
      log(`moved aside: ${present.length} entries of ${dataDir} to ${aside}`)
    }
    for (const file of outsideDb) {
      const to = freeName(`${file}.before-restore-${timeStamp(now, true)}`)
      move(file, to)
      movedAside.push(to)
      log(`moved aside: ${file} to ${to}`)
    }

    // 3. Put the files and the database in place.
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 })
    const filesRoot = path.join(staging, FILES_PREFIX)
    if (fs.existsSync(filesRoot))
      for (const name of fs.readdirSync(filesRoot)) move(path.join(filesRoot, name), path.join(dataDir, name))
    fs.chmodSync(dataDir, 0o700)
    if (restoreDb && manifest.database) {
      move(path.join(staging, DATABASE_ENTRY), restoreDb)
      fs.chmodSync(restoreDb, 0o600)
    }
    return {
      manifest,
      movedAside,
      database: restoreDb && manifest.database ? restoreDb : null,
      files: manifest.files.count,
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true })
  }
}
