/**
 * What a backup archive holds (`npm run backup` writes it, `npm run restore` checks it):
 *
 *   manifest.json        this file's data, first in the archive
 *   database/cms.db      the SQLite snapshot (VACUUM INTO); absent in a --files-only archive
 *   files/…              everything else of the data folder, same relative paths
 *
 * Every file but the manifest is listed with its size and sha256.
 */
export const MANIFEST_NAME = 'manifest.json'
export const DATABASE_ENTRY = 'database/cms.db'
export const FILES_PREFIX = 'files/'
const FORMAT = 'minhu-backup'
const VERSION = 1

export interface ManifestEntry {
  /** Path inside the archive (`database/cms.db`, `files/media/x.png`). */
  path: string
  bytes: number
  sha256: string
}

export interface BackupManifest {
  format: typeof FORMAT
  version: typeof VERSION
  /** ISO 8601, UTC. */
  createdAt: string
  /** Where it was made, for the person restoring it (absolute paths on that machine). */
  source: { dataDir: string; database: string | null }
  /** The SQLite snapshot, or null for a --files-only archive. */
  database: { path: typeof DATABASE_ENTRY; bytes: number; tables: Record<string, number> } | null
  /** The data folder's files (the database snapshot not counted). */
  files: { count: number; bytes: number }
  /** What was left out of the data folder and why (the live database files, built sites). */
  skipped: string[]
  entries: ManifestEntry[]
}

export function newManifest(fields: Omit<BackupManifest, 'format' | 'version'>): BackupManifest {
  return { format: FORMAT, version: VERSION, ...fields }
}

/** Parses manifest.json of an archive; anything else than a manifest of this format is refused. */
export function parseManifest(text: string): BackupManifest {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    throw new Error('its manifest.json is not JSON')
  }
  const m = data as Partial<BackupManifest>
  if (m?.format !== FORMAT) throw new Error(`its manifest.json is not a ${FORMAT} manifest`)
  if (m.version !== VERSION)
    throw new Error(`its manifest has version ${String(m.version)}; this code reads version ${VERSION}`)
  const entries = m.entries
  const valid =
    typeof m.createdAt === 'string' &&
    Array.isArray(entries) &&
    entries.every(
      (e) =>
        typeof e?.path === 'string' &&
        Number.isInteger(e.bytes) &&
        typeof e.sha256 === 'string' &&
        /^[0-9a-f]{64}$/.test(e.sha256) &&
        (e.path === DATABASE_ENTRY || e.path.startsWith(FILES_PREFIX)),
    ) &&
    (m.database === null ||
      (m.database?.path === DATABASE_ENTRY && entries.some((e) => e.path === DATABASE_ENTRY)))
  if (!valid) throw new Error('its manifest.json is incomplete or malformed')
  return m as BackupManifest
}
