import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'

/** A one-line, developer-facing reason why a backup or restore stopped (the CLIs print it and exit 1). */
export class BackupError extends Error {
  override name = 'BackupError'
}

export interface FoundEntry {
  /** Relative to the walked folder, with `/` separators. */
  rel: string
  abs: string
  type: 'dir' | 'file'
  bytes: number
}

/**
 * Every folder and regular file under `root`, parents before children, sorted by name. `skip` is asked
 * for each path (relative) and returns a reason to leave it (and, for a folder, everything in it) out;
 * symbolic links and other special files are left out with a reason too.
 */
export function walk(
  root: string,
  skip: (rel: string, isDir: boolean) => string | undefined = () => undefined,
): { entries: FoundEntry[]; skipped: string[] } {
  const entries: FoundEntry[] = []
  const skipped: string[] = []
  const visit = (dir: string, prefix: string) => {
    const children = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))
    for (const child of children) {
      const rel = prefix + child.name
      const abs = path.join(dir, child.name)
      const reason = skip(rel, child.isDirectory())
      if (reason) {
        skipped.push(`${rel}${child.isDirectory() ? '/' : ''} (${reason})`)
      } else if (child.isDirectory()) {
        entries.push({ rel, abs, type: 'dir', bytes: 0 })
        visit(abs, `${rel}/`)
      } else if (child.isFile()) {
        entries.push({ rel, abs, type: 'file', bytes: fs.statSync(abs).size })
      } else {
        skipped.push(`${rel} (${child.isSymbolicLink() ? 'symbolic link' : 'not a regular file'})`)
      }
    }
  }
  visit(root, '')
  return { entries, skipped }
}

export async function sha256File(file: string): Promise<string> {
  const hash = crypto.createHash('sha256')
  await pipeline(fs.createReadStream(file), hash)
  return hash.digest('hex')
}

/** 1234567 → "1.2 MB" (decimal units, as the README's figures). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`
  const units = ['kB', 'MB', 'GB', 'TB']
  let value = bytes
  let unit = -1
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit += 1
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`
}

/** Local time as `2026-12-01T1200` (minutes) or `2026-12-01T120005` (seconds), for file names. */
export function timeStamp(date: Date, seconds = false): string {
  const p = (n: number) => String(n).padStart(2, '0')
  const day = `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}`
  return `${day}T${p(date.getHours())}${p(date.getMinutes())}${seconds ? p(date.getSeconds()) : ''}`
}

/** `base` + `suffix`, or `base-2` + `suffix`, … : the first name that does not exist yet. */
export function freeName(base: string, suffix = ''): string {
  for (let n = 1; ; n += 1) {
    const candidate = `${base}${n === 1 ? '' : `-${n}`}${suffix}`
    if (!fs.existsSync(candidate)) return candidate
  }
}

/**
 * Moves a file or folder. A rename when both are on one file system; otherwise (the data folder is a
 * mount point, say) a copy that keeps modes and times, then the source is removed.
 */
export function move(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true })
  try {
    fs.renameSync(from, to)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error
    fs.cpSync(from, to, { recursive: true, preserveTimestamps: true, errorOnExist: true, force: false })
    fs.rmSync(from, { recursive: true, force: true })
  }
}

/** `path` is `folder` or inside it. */
export function isInside(folder: string, target: string): boolean {
  const rel = path.relative(folder, target)
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))
}
