import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** Repository root (the folder holding package.json). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/**
 * Where the CMS keeps its state: the SQLite file, uploaded media, the generated admin password.
 * Always absolute, because `next start cms`, the payload CLI and the tests run from different cwds.
 */
export const DATA_DIR = path.resolve(ROOT, process.env.DATA_DIR ?? 'data')

export const MEDIA_DIR = path.join(DATA_DIR, 'media')
