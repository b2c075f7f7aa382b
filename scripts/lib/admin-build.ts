import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { ROOT, runTool } from '../../cms/tools.ts'

const NEXT_DIR = path.join(ROOT, 'cms', '.next')
const STAMP = path.join(NEXT_DIR, 'source-stamp')

/** Hash of the files under `paths` (relative to the repository root): names and contents. */
export function stampOf(paths: string[]): string {
  const hash = crypto.createHash('sha256')
  const walk = (full: string) => {
    const stat = fs.statSync(full, { throwIfNoEntry: false })
    if (!stat) return
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(full).sort()) {
        if (name === '.next' || name === 'node_modules') continue
        walk(path.join(full, name))
      }
    } else {
      hash.update(path.relative(ROOT, full))
      hash.update(fs.readFileSync(full))
    }
  }
  for (const p of paths) walk(path.join(ROOT, p))
  return hash.digest('hex')
}

/** Everything the admin build depends on: cms/ sources, the vocabulary, the content types, the lockfile and
 * the fixes made to the installed Payload (scripts/payload-fixes.mjs). */
const sourceStamp = () =>
  stampOf(['cms', 'content', 'vocabulary', 'package-lock.json', 'scripts/payload-fixes.mjs'])

/** True when cms/.next holds a production build of the current sources. */
function adminBuildIsFresh(): boolean {
  try {
    return fs.existsSync(path.join(NEXT_DIR, 'BUILD_ID')) && fs.readFileSync(STAMP, 'utf8') === sourceStamp()
  } catch {
    return false
  }
}

/** Runs `next build cms` unless the last build is of the same sources. Resolves when done. */
export async function buildAdminIfNeeded(log: (line: string) => void = console.log): Promise<void> {
  if (adminBuildIsFresh()) {
    log('admin: production build is up to date')
    return
  }
  log('admin: building the Next.js admin (about 1–2 minutes the first time)…')
  const started = Date.now()
  const stamp = sourceStamp()
  await runTool('next', ['build', 'cms'], {
    env: { NEXT_TELEMETRY_DISABLED: '1' },
    failure: 'admin: next build cms failed',
    // Show Next's own progress lines (compiling, generating pages) as they come.
    onLine: (line) => {
      const trimmed = line.trim()
      if (/^(✓|Creating|Compiled|Generating static|Finalizing)/.test(trimmed)) log(`admin: ${trimmed}`)
    },
  })
  fs.writeFileSync(STAMP, stamp)
  log(`admin: built in ${((Date.now() - started) / 1000).toFixed(0)} s`)
}
