/**
 * The CMS's one public entry. Code outside cms/ (the site's loader and build, scripts/, bench/) imports this
 * file and nothing else of cms/ (lint enforces it): opening the Local API, the anonymised message results,
 * paths, the seed, the deputy importer, backup and restore, the generated document types. Everything behind it may change
 * shape without the rest of the system noticing.
 *
 * It loads Payload and the seed data, so the site imports it where it reads (`await import(...)` in the
 * loader and build hooks), never at config time; types come with `import type`, which costs nothing.
 */
export { openPayload } from './local.ts'
export { chooseDatabase, DatabaseUriError, redactUri, type DatabaseChoice, type DatabaseKind } from './db.ts'
// Paths and running a tool, also on their own for processes that never open the CMS (./tools.ts).
export { cause, dataDir, mediaDir, ROOT, runTool, scratchDir } from './tools.ts'
// Where the media library's files are (data folder or S3) and how the site build copies them.
export { mediaStore, type MediaStore } from './uploads/media-storage.ts'

// Publishing → site rebuilds: the queue and build history in the database, the builder's lease.
export {
  BuildQueue,
  DEFAULT_DEBOUNCE_MS,
  debounceMs,
  describeRequests,
  requestRebuild,
  type BuildRecord,
  type BuildStatus,
  type QueuedRequest,
  type RebuildRequest,
} from './builds/queue.ts'
export { Lease, processName } from './builds/lease.ts'

// 民呼我应 results for /results/: aggregates and the whitelisted fields of publishable closed messages.
export {
  publicMessageResults,
  type MessageResults,
  type PublicResult,
  type Tally,
} from './messages/public.ts'
// 意见征集 for the site: opinion counts, and the published feedback (anonymised, whitelisted fields).
export {
  publicConsultationOpinions,
  type ArticleFeedback,
  type ConsultationFeedback,
  type ConsultationOpinions,
  type FeedbackItem,
} from './consultations/public.ts'
// 活动预约 for the site: places booked per activity (the counter only, never a booking).
export { publicActivityPlaces, type ActivityPlacesCount } from './activities/public.ts'
// The public endpoints' limits as an environment configures them (the load benchmark checks against them).
export { configuredMessageLimits, type MessageLimitName } from './messages/limits.ts'
export type { Limit } from './messages/rate-limit.ts'

// Seed and first admin (npm start, npm run seed, the tests and the benchmark's corpus).
export { seed, type SeedOptions, type SeedReport } from './seed/index.ts'
export { adminLogin, ensureAdmin, type AdminLogin } from './seed/admin.ts'
export { toLexical, type LexicalState } from './seed/lexical.ts'
export { renderSeedImage } from './seed/images.ts'

// Bulk import of deputies (npm run import:deputies, the benchmark).
export {
  COLUMNS as DEPUTY_COLUMNS,
  formatReport,
  ImportFileError,
  importDeputies,
  readSheet,
  type ImportReport,
} from './import/deputies.ts'

// Backup and restore (npm run backup, npm run restore): SQLite snapshot + the data folder's files.
export {
  createBackup,
  MONGODB_BACKUP_MESSAGE,
  type BackupOptions,
  type BackupResult,
} from './backup/backup.ts'
export { restoreBackup, type RestoreOptions, type RestoreResult } from './backup/restore.ts'
export { BackupError, formatBytes } from './backup/files.ts'
export type { BackupManifest } from './backup/manifest.ts'

// The document types Payload generates from the collections: the contract between CMS and site.
export type {
  Activity,
  Case,
  Consultation,
  Deputy,
  Lecture,
  Media,
  Message,
  News,
  Site,
  Station,
} from './payload-types.ts'
