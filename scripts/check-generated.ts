/**
 * Part of `npm run lint`: fails when a generated file is stale, i.e. Payload's types or the admin
 * import map no longer match cms/payload.config.ts, or the schema changed without a migration.
 * Regenerates into a temp copy and compares; never rewrites the committed files.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ROOT } from '../cms/index.ts'

const bin = path.join(ROOT, 'node_modules', '.bin')
const env = {
  ...process.env,
  PAYLOAD_CONFIG_PATH: 'cms/payload.config.ts',
  PATH: `${bin}:${process.env.PATH}`,
}
const problems: string[] = []

function regenerate(file: string, command: string[], fix: string) {
  const committed = fs.readFileSync(file, 'utf8')
  try {
    execFileSync(path.join(bin, 'payload'), command, { cwd: ROOT, env, stdio: 'pipe' })
    const fresh = fs.readFileSync(file, 'utf8')
    if (fresh !== committed)
      problems.push(`${path.relative(ROOT, file)} is stale: run "${fix}" and commit it`)
  } finally {
    fs.writeFileSync(file, committed)
  }
}

regenerate(path.join(ROOT, 'cms', 'payload-types.ts'), ['generate:types'], 'npm run generate:types')
regenerate(
  path.join(ROOT, 'cms', 'app', '(payload)', 'admin', 'importMap.js'),
  ['generate:importmap'],
  'npm run generate:importmap',
)

// A schema change needs a migration: let drizzle diff the schema against a scratch copy of the
// committed migrations; any file it adds there means a migration is missing.
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'migration-check-'))
try {
  const migrations = path.join(scratch, 'migrations')
  fs.cpSync(path.join(ROOT, 'cms', 'migrations'), migrations, { recursive: true })
  const before = fs.readdirSync(migrations).length
  execFileSync(path.join(bin, 'payload'), ['migrate:create', 'schema-check', '--skip-empty'], {
    cwd: ROOT,
    env: { ...env, DATA_DIR: scratch, MIGRATION_DIR: migrations },
    stdio: 'pipe',
  })
  if (fs.readdirSync(migrations).length !== before) {
    problems.push(
      'cms/migrations is behind the collections: run "npm run migrate:create -- <name>" and commit it',
    )
  }
} finally {
  fs.rmSync(scratch, { recursive: true, force: true })
}

if (problems.length) {
  for (const p of problems) console.error(`check-generated: ${p}`)
  process.exit(1)
}
console.log('check-generated: payload-types.ts, importMap.js and migrations are up to date')
