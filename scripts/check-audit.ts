/**
 * Part of `npm run lint`: the production dependencies (`npm audit --omit=dev`) must have no high or
 * critical advisory that scripts/audit-allowlist.json does not list with a reason. Lower severities are
 * printed, not failed. When the registry's advisory endpoint cannot be asked (offline, or a mirror that
 * refuses it: this project's CI answers 405), it says so in one line and passes, since a lint that
 * always fails there would block everything; AUDIT_REQUIRED=1 makes that a failure (docs/decisions.md).
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { judgeAudit, parseAllowlist } from './lib/audit.ts'

// Not ROOT from cms/index.ts: that loads Payload, which costs lint half a minute.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

const ALLOWLIST = path.join('scripts', 'audit-allowlist.json')
const log = (line: string) => console.log(`audit: ${line}`)

const allowlist = parseAllowlist(fs.readFileSync(path.join(ROOT, ALLOWLIST), 'utf8'), ALLOWLIST)

// npm exits 1 both when it found advisories and when it could not ask: the JSON tells which.
const output = await new Promise<{ stdout: string; stderr: string }>((resolve) =>
  execFile(
    'npm',
    ['audit', '--omit=dev', '--json', '--fetch-timeout=30000', '--fetch-retries=1'],
    { cwd: ROOT, timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
    (error, stdout, stderr) => resolve({ stdout, stderr: stderr || (error && !stdout ? error.message : '') }),
  ),
)
let report: unknown
try {
  report = JSON.parse(output.stdout)
} catch {
  report = { message: output.stderr.trim().split('\n').at(-1) || 'npm audit printed no JSON' }
}

const verdict = judgeAudit(report, allowlist)
if (verdict.kind === 'unreachable') {
  const required = process.env.AUDIT_REQUIRED === '1'
  log(
    `not checked: npm audit could not get the advisories (${verdict.reason})` +
      (required ? '; AUDIT_REQUIRED=1, so this fails' : '; passing (AUDIT_REQUIRED=1 fails instead)'),
  )
  process.exit(required ? 1 : 0)
}

for (const { advisory: a, reason } of verdict.allowed)
  log(`${a.id} (${a.severity}, ${a.package}) allowed by ${ALLOWLIST}: ${reason}`)
for (const entry of verdict.stale)
  log(`${entry.id} (${entry.package}) is in ${ALLOWLIST} but no longer reported: remove it`)
if (verdict.minor.length)
  log(
    `below high, not failing: ${verdict.minor.map((a) => `${a.id} (${a.severity}, ${a.package})`).join(', ')}`,
  )
for (const a of verdict.failing)
  log(`${a.severity}: ${a.package} ${a.range} — ${a.title} ${a.url}`.replace(/\s+$/, ''))
if (verdict.failing.length) {
  log(
    `${verdict.failing.length} high or critical advisor${verdict.failing.length === 1 ? 'y' : 'ies'} in production dependencies: ` +
      `upgrade (with Node 22 first on PATH), or list it in ${ALLOWLIST} with why it does not apply and in docs/decisions.md`,
  )
  process.exit(1)
}
log(
  `no high or critical advisory in ${verdict.audited} production dependencies` +
    (verdict.allowed.length ? ` beyond the ${verdict.allowed.length} allowed above` : ''),
)
