import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** Repository root (the folder holding package.json). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/**
 * Where the CMS keeps its state: the SQLite file, uploaded media, the generated admin password.
 * Always absolute, because `next start cms`, the payload CLI and the tests run from different cwds.
 * Read from DATA_DIR on every call, not once at import: tests point it at a throwaway folder after
 * modules that import this one are loaded.
 */
export const dataDir = (): string => path.resolve(ROOT, process.env.DATA_DIR ?? 'data')

/** Uploaded files and their generated sizes. */
export const mediaDir = (): string => path.join(dataDir(), 'media')

/**
 * A fresh folder under <root>/tmp/ for data and site builds that are not the served site (previews, tests,
 * the benchmark). Astro keeps a build's server chunks beside its output only when the output lies inside
 * the project (they must resolve node_modules); otherwise it uses the shared <root>/.astro/, where two
 * builds at once delete each other's chunks.
 */
export function scratchDir(prefix: string): string {
  fs.mkdirSync(path.join(ROOT, 'tmp'), { recursive: true })
  return fs.mkdtempSync(path.join(ROOT, 'tmp', prefix))
}
