import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import * as tar from 'tar'

import type { DatabaseChoice } from '../db.ts'
import {
  BackupError,
  formatBytes,
  freeName,
  isInside,
  sha256File,
  timeStamp,
  walk,
  type FoundEntry,
} from './files.ts'
import {
  DATABASE_ENTRY,
  FILES_PREFIX,
  MANIFEST_NAME,
  newManifest,
  type BackupManifest,
  type ManifestEntry,
} from './manifest.ts'
import { snapshotSqlite, SQLITE_COMPANIONS } from './sqlite.ts'

export interface BackupOptions {
  /** The data folder (DATA_DIR, see cms/paths.ts dataDir()). */
  dataDir: string
  /** Which database the CMS uses (chooseDatabase()). */
  database: DatabaseChoice
  /** Folder for the archive; created (0700) when missing. */
  outDir: string
  /** Only the data folder's files, no database (MongoDB: the database goes with mongodump). */
  filesOnly?: boolean
  log?: (line: string) => void
  now?: Date
}

export interface BackupResult {
  file: string
  bytes: number
  manifest: BackupManifest
}

export const MONGODB_BACKUP_MESSAGE =
  'DATABASE_URI is MongoDB: this command snapshots only the embedded SQLite database. Back up the ' +
  'database with mongodump (e.g. mongodump --uri "$DATABASE_URI" --gzip --archive=backups/db.archive.gz) ' +
  'and the uploaded files with "npm run backup -- --files-only"; restore with mongorestore and ' +
  '"npm run restore -- <archive> --files-only" (README: Backup and restore).'

/** Names of the live SQLite files the CMS writes in the data folder: never copied, the snapshot is. */
const LIVE_DATABASE_NAMES = ['cms.db', ...SQLITE_COMPANIONS.map((s) => `cms.db${s}`)]

/**
 * Left out of every archive:
 * - the live database files: copying a file SQLite is writing gives a torn copy; the snapshot stands in;
 * - data/site-builds/, the built sites `npm start` serves: it builds the site again from the database on
 *   its next start (two copies of the whole site, hundreds of MB on a large base);
 * - data/site-live, the link nginx serves the live build through (docs/deploy.md), made again with the build;
 * - data/astro-cache/, Astro's cache of the site build (astro.config.mjs), made again by the next build.
 * The build history and the rebuild queue are in the database (cms/builds/queue.ts), so the snapshot has
 * them.
 */
export function backupSkipRule(
  dataDir: string,
  database: DatabaseChoice,
): (rel: string) => string | undefined {
  const live = new Set(LIVE_DATABASE_NAMES)
  if (database.kind === 'sqlite') {
    const file = database.url.slice('file:'.length)
    for (const suffix of ['', ...SQLITE_COMPANIONS]) {
      if (isInside(dataDir, file + suffix))
        live.add(path.relative(dataDir, file + suffix).replaceAll('\\', '/'))
    }
  }
  return (rel) => {
    if (live.has(rel)) return 'live database file'
    if (rel === 'site-builds') return 'built sites, rebuilt by npm start'
    if (rel === 'site-live') return 'link to the live build, made again by npm start'
    if (rel === 'astro-cache') return "the site build's cache, made again by the next build"
    return undefined
  }
}

/**
 * Writes one archive of the CMS's state: a consistent SQLite snapshot (VACUUM INTO) and every other file
 * of the data folder, with a manifest of sizes and sha256s. The database is copied first and the files
 * after it, so a file uploaded meanwhile is at worst in the archive without its document, never a
 * document without its file. The archive is written as `*.partial`, read back and checked against the
 * manifest, and only then given its name: a file named `minhu-backup-….tar.gz` is always complete.
 */
export async function createBackup(options: BackupOptions): Promise<BackupResult> {
  const log = options.log ?? (() => {})
  const { dataDir, database } = options
  const filesOnly = options.filesOnly ?? false
  const now = options.now ?? new Date()
  if (database.kind === 'mongodb' && !filesOnly) throw new BackupError(MONGODB_BACKUP_MESSAGE)
  if (!fs.statSync(dataDir, { throwIfNoEntry: false })?.isDirectory())
    throw new BackupError(`data folder ${dataDir} does not exist (DATA_DIR); nothing to back up`)
  const dbFile = database.kind === 'sqlite' && !filesOnly ? database.url.slice('file:'.length) : undefined
  if (dbFile && !fs.existsSync(dbFile))
    throw new BackupError(
      `no SQLite database at ${dbFile} (DATABASE_URI, DATA_DIR); start the CMS once or use --files-only for the files alone`,
    )
  const outDir = path.resolve(options.outDir)
  if (isInside(dataDir, outDir))
    throw new BackupError(
      `--out ${outDir} is inside the data folder ${dataDir}: each backup would contain the previous ones; choose a folder outside it`,
    )
  fs.mkdirSync(outDir, { recursive: true, mode: 0o700 })

  log(`data folder: ${dataDir}`)
  const staging = fs.mkdtempSync(path.join(outDir, '.minhu-backup-'))
  const target = freeName(path.join(outDir, `minhu-backup-${timeStamp(now)}`), '.tar.gz')
  const partial = `${target}.partial`
  try {
    // 1. The database, before the files.
    let databaseInfo: BackupManifest['database'] = null
    const snapshot = path.join(staging, DATABASE_ENTRY)
    if (dbFile) {
      fs.mkdirSync(path.dirname(snapshot), { mode: 0o700 })
      const { tables } = await snapshotSqlite(dbFile, snapshot)
      const bytes = fs.statSync(snapshot).size
      const rows = Object.values(tables).reduce((a, b) => a + b, 0)
      databaseInfo = { path: DATABASE_ENTRY, bytes, tables }
      log(
        `database: snapshot of ${dbFile} (VACUUM INTO): ${formatBytes(bytes)}, ${Object.keys(tables).length} tables, ${rows} rows`,
      )
    } else {
      log(`database: not included (${filesOnly ? '--files-only' : database.kind})`)
    }

    // 2–5. The files, their checksums, the archive, read back. Files the CMS changes meanwhile (an upload
    // replaced, the build status rewritten) make the read-back differ: then all of it once more.
    for (let attempt = 1; ; attempt += 1) {
      try {
        const result = await archiveFiles({
          dataDir,
          database,
          dbFile,
          databaseInfo,
          snapshot,
          staging,
          partial,
          now,
          attempt,
          log,
        })
        fs.renameSync(partial, target)
        return { file: target, ...result }
      } catch (error) {
        if (!(error instanceof FilesChanged)) throw error
        if (attempt === ATTEMPTS)
          throw new BackupError(
            `files kept changing while the backup ran (last: ${error.message}); run it again when the CMS is quieter`,
          )
        log(`changed while packing: ${error.message}; packing again (attempt ${attempt + 1} of ${ATTEMPTS})`)
        fs.rmSync(partial, { force: true })
      }
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true })
    fs.rmSync(partial, { force: true })
  }
}

const ATTEMPTS = 3

/** A file changed, appeared or vanished between being listed, hashed and packed. */
class FilesChanged extends Error {}

/** Walks the data folder, hashes, writes the manifest and the archive to `partial`, and reads it back. */
async function archiveFiles(o: {
  dataDir: string
  database: DatabaseChoice
  dbFile: string | undefined
  databaseInfo: BackupManifest['database']
  snapshot: string
  staging: string
  partial: string
  now: Date
  attempt: number
  log: (line: string) => void
}): Promise<{ bytes: number; manifest: BackupManifest }> {
  const { dataDir, databaseInfo, snapshot, staging, partial, log } = o
  const { entries, skipped } = walk(dataDir, backupSkipRule(dataDir, o.database))
  const files = entries.filter((e) => e.type === 'file')
  const fileBytes = files.reduce((sum, f) => sum + f.bytes, 0)
  log(`files: ${files.length} files, ${formatBytes(fileBytes)} (${summarise(files)})`)
  if (skipped.length && o.attempt === 1) log(`skipped: ${skipped.join(', ')}`)

  // Checksums, then the manifest (first in the archive, so a reader meets it before the files).
  const manifestEntries: ManifestEntry[] = []
  if (databaseInfo) manifestEntries.push({ path: DATABASE_ENTRY, ...(await describe(snapshot)) })
  for (const file of files)
    manifestEntries.push({
      path: FILES_PREFIX + file.rel,
      ...(await vanishing(file.rel, describe(file.abs))),
    })
  log(`checksums: sha256 of ${manifestEntries.length} files`)
  const manifest = newManifest({
    createdAt: o.now.toISOString(),
    source: { dataDir, database: o.dbFile ?? null },
    database: databaseInfo,
    files: { count: files.length, bytes: fileBytes },
    skipped,
    entries: manifestEntries,
  })
  const manifestFile = path.join(staging, MANIFEST_NAME)
  fs.writeFileSync(manifestFile, JSON.stringify(manifest, null, 2) + '\n', { mode: 0o600 })

  const names = new Map<string, string>([[manifestFile, MANIFEST_NAME]])
  if (databaseInfo) {
    names.set(path.dirname(snapshot), path.dirname(DATABASE_ENTRY))
    names.set(snapshot, DATABASE_ENTRY)
  }
  names.set(dataDir, FILES_PREFIX.slice(0, -1))
  for (const entry of entries) names.set(entry.abs, FILES_PREFIX + entry.rel)
  await vanishing('a file', pack(partial, names))
  const bytes = fs.statSync(partial).size
  log(
    `archive: ${names.size} entries, ${formatBytes(fileBytes + (databaseInfo?.bytes ?? 0))} → ${formatBytes(bytes)} (tar.gz)`,
  )

  // Read it back before it gets its name.
  const checked = await verifyArchive(partial, manifest, fs.readFileSync(manifestFile))
  log(`verified: read the archive back, ${checked} files match the manifest (size and sha256)`)
  return { bytes, manifest }
}

/** A file deleted (ENOENT) or shortened (tar's EOF) while it was read counts as a change. */
async function vanishing<T>(name: string, work: Promise<T>): Promise<T> {
  try {
    return await work
  } catch (error) {
    const { code, path: file } = error as NodeJS.ErrnoException
    if (code === 'ENOENT' || code === 'EOF')
      throw new FilesChanged(
        `${file ?? name} ${code === 'EOF' ? 'got shorter' : 'vanished'} while being read`,
      )
    throw error
  }
}

async function describe(file: string): Promise<{ bytes: number; sha256: string }> {
  return { bytes: fs.statSync(file).size, sha256: await sha256File(file) }
}

/** "media/: 12 files 3.4 MB, message-photos/: 2 files 80 kB, 4 other files 2.1 kB" */
function summarise(files: FoundEntry[]): string {
  const groups = new Map<string, { count: number; bytes: number }>()
  for (const file of files) {
    const slash = file.rel.indexOf('/')
    const key = slash < 0 ? '' : file.rel.slice(0, slash + 1)
    const group = groups.get(key) ?? { count: 0, bytes: 0 }
    group.count += 1
    group.bytes += file.bytes
    groups.set(key, group)
  }
  const parts = [...groups]
    .sort(([a], [b]) => (a === '' ? 1 : b === '' ? -1 : a < b ? -1 : 1))
    .map(
      ([key, g]) =>
        `${key ? `${key}: ` : ''}${g.count} ${key ? '' : 'other '}file${g.count === 1 ? '' : 's'} ${formatBytes(g.bytes)}`,
    )
  return parts.join(', ') || 'none'
}

/**
 * Every file is stored in full: a second name of a hard-linked file would otherwise become a link entry
 * whose content depends on another entry. A map that never finds a link does that.
 */
class NoHardLinks extends Map<`${number}:${number}`, string> {
  override get(): undefined {
    return undefined
  }
}

/** Packs the given absolute paths, in order, under their archive names (gzip, file mode 0600). */
async function pack(file: string, names: Map<string, string>): Promise<void> {
  await tar.create(
    {
      file,
      gzip: true,
      mode: 0o600,
      // Paths are given absolute; onWriteEntry renames each to its place in the archive.
      preservePaths: true,
      noDirRecurse: true,
      linkCache: new NoHardLinks(),
      onWriteEntry: (entry) => {
        const name = names.get(entry.absolute)
        if (!name) throw new BackupError(`archive: unexpected entry ${entry.absolute}`)
        entry.path = entry.type === 'Directory' ? `${name}/` : name
      },
    },
    [...names.keys()],
  )
}

/** Hashes every file entry of an archive and compares the whole set with the manifest. Returns the count. */
async function verifyArchive(file: string, manifest: BackupManifest, manifestBytes: Buffer): Promise<number> {
  const found = await hashArchive(file)
  const expected = new Map(manifest.entries.map((e) => [e.path, e]))
  const manifestHash = crypto.createHash('sha256').update(manifestBytes).digest('hex')
  if (found.get(MANIFEST_NAME)?.sha256 !== manifestHash)
    throw new BackupError('archive: the manifest read back differs from the one written')
  found.delete(MANIFEST_NAME)
  for (const [name, entry] of expected) {
    const got = found.get(name)
    if (!got) throw new FilesChanged(`${name} is missing when read back`)
    if (got.sha256 !== entry.sha256 || got.bytes !== entry.bytes)
      throw new FilesChanged(`${name} differs when read back`)
  }
  const extra = [...found.keys()].filter((name) => !expected.has(name))
  if (extra.length) throw new BackupError(`archive: unexpected files when read back: ${extra.join(', ')}`)
  return expected.size
}

/** Size and sha256 of every regular file in a tar.gz, by its path in the archive. */
async function hashArchive(file: string): Promise<Map<string, { bytes: number; sha256: string }>> {
  const found = new Map<string, { bytes: number; sha256: string }>()
  const pending: Promise<void>[] = []
  await tar.list({
    file,
    onReadEntry: (entry) => {
      if (entry.type !== 'File') return
      const hash = crypto.createHash('sha256')
      let bytes = 0
      pending.push(
        new Promise((resolve, reject) => {
          entry.on('data', (chunk: Buffer) => {
            hash.update(chunk)
            bytes += chunk.length
          })
          entry.on('end', () => {
            found.set(entry.path, { bytes, sha256: hash.digest('hex') })
            resolve()
          })
          entry.on('error', reject)
        }),
      )
    },
  })
  await Promise.all(pending)
  return found
}
