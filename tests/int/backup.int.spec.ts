import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { createClient } from '@libsql/client'
import { handleEndpoints, type Payload } from 'payload'
import * as tar from 'tar'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'

import { createBackup } from '../../cms/backup/backup.ts'
import { BuildQueue } from '../../cms/builds/queue.ts'
import { restoreBackup } from '../../cms/backup/restore.ts'
import { ROOT, scratchDir } from '../../cms/paths.ts'
import { adminLogin, ensureAdmin } from '../../cms/seed/admin.ts'
import { seed } from '../../cms/seed/index.ts'
import { buildSite } from '../../scripts/lib/site-build.ts'
import { manifestPathOf } from '../../site/index.ts'
import { makeUser, openThrowawayCms, type ThrowawayCms } from '../helpers/cms.ts'
import { dumpCms, type CmsDump } from '../helpers/cms-dump.ts'

/**
 * `npm run backup` and `npm run restore` as the real CLIs (tsx child processes) on a seeded throwaway CMS
 * with an upload, a resident's photo and accounts: the restored folder, reopened in a fresh process, has
 * every document, file and login of the original, and the site builds from it.
 */

let cms: ThrowawayCms
let payload: Payload
let env: Record<string, string>
let dataDir: string
let outDir: string
let archive: string
let admin: { email: string; password: string }
/** The original, taken by the probe in a fresh process before the folder was wiped. */
let before: CmsDump
/** sha256 of every file of the original data folder except the live database. */
let filesBefore: Map<string, string>
const scratch: string[] = []

interface Probe extends CmsDump {
  login?: { ok: boolean; messagesAsUser?: number; anonymousMessages?: string; error?: string }
}

function run(
  cmd: 'scripts/backup.ts' | 'scripts/restore.ts' | 'tests/helpers/cms-probe.ts',
  args: string[],
  extraEnv: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [cmd, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env, INIT_CWD: ROOT, ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    child.on('error', reject)
    child.on('exit', (code) => resolve({ code, stdout, stderr }))
  })
}

async function probe(extraEnv: Record<string, string> = {}): Promise<Probe> {
  const out = path.join(scratchDir('minhu-probe-'), 'probe.json')
  scratch.push(path.dirname(out))
  const { code, stderr } = await run('tests/helpers/cms-probe.ts', [], { PROBE_OUT: out, ...extraEnv })
  expect(code, stderr).toBe(0)
  return JSON.parse(fs.readFileSync(out, 'utf8')) as Probe
}

/**
 * What a backup leaves out (README: Backup and restore): live database files, built sites and the site
 * build's cache (the CMS's rebuild worker may have built the site into this data folder already).
 */
const leftOut = (rel: string) =>
  /^cms\.db(-wal|-shm|-journal)?$/.test(rel) ||
  /^(site-builds|astro-cache)(\/|$)/.test(rel) ||
  rel === 'site-live'

/** sha256 of every file under `dir` (relative paths) that a backup keeps. */
function hashes(dir: string): Map<string, string> {
  const result = new Map<string, string>()
  for (const rel of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const file = path.join(dir, rel)
    if (leftOut(rel) || !fs.statSync(file).isFile()) continue
    result.set(rel, crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex'))
  }
  return result
}

/** Every path with its size and modification time: what "changes nothing" compares. */
function listing(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((rel) => {
      const stat = fs.statSync(path.join(dir, rel))
      return `${rel} ${stat.size} ${stat.mtimeMs} ${stat.mode.toString(8)}`
    })
}

async function entriesOf(file: string): Promise<string[]> {
  const names: string[] = []
  await tar.list({ file, onReadEntry: (entry) => void names.push(entry.path) })
  return names
}

async function png(): Promise<Buffer> {
  const { default: sharp } = await import('sharp')
  return sharp({ create: { width: 80, height: 60, channels: 3, background: '#aa3322' } })
    .png()
    .toBuffer()
}

beforeAll(async () => {
  // The global setup's seeded CMS (content/ plus canary drafts), copied; seeded here when run without it.
  const seeded = inject('siteDataDir') as string | undefined
  cms = await openThrowawayCms({ copyOf: seeded })
  payload = cms.payload
  dataDir = cms.dataDir
  env = { DATA_DIR: dataDir, DATABASE_URI: cms.databaseUri, PAYLOAD_SECRET: process.env.PAYLOAD_SECRET! }
  outDir = scratchDir('minhu-backups-')
  scratch.push(outDir)
  if (!seeded) await seed(payload)
  // What else `npm start` leaves in data/: the generated secret and admin password, a built site (left
  // out of the archive: npm start builds it again) and, in the database, its build history.
  fs.writeFileSync(path.join(dataDir, '.payload-secret'), env.PAYLOAD_SECRET, { mode: 0o600 })
  const login = adminLogin({} as NodeJS.ProcessEnv)
  await ensureAdmin(payload, login)
  admin = login
  await new BuildQueue(payload).recordBuild({
    buildId: 'backup-test-build',
    trigger: '启动时构建',
    builder: 'backup-test',
    folder: path.join(dataDir, 'site-builds', 'build-1'),
    startedAt: new Date(),
    ms: 1234,
  })
  fs.mkdirSync(path.join(dataDir, 'site-builds', 'build-1'), { recursive: true })
  fs.writeFileSync(path.join(dataDir, 'site-builds', 'build-1', 'index.html'), '<!doctype html>')

  // An editor uploads a picture (with access checks); a resident writes with a photo (the public endpoint).
  const editor = await makeUser(payload, 'editor')
  const picture = await png()
  await payload.create({
    collection: 'media',
    data: { alt: '备份测试图片' },
    file: { data: picture, mimetype: 'image/png', name: 'backup-test.png', size: picture.length },
    overrideAccess: false,
    user: editor.user,
  })
  const form = new FormData()
  for (const [key, value] of Object.entries({
    category: 'elevator',
    street: 'kuishan',
    community: '矿山社区',
    body: '备份测试：小区想加装电梯，老人上下楼困难，希望代表帮忙协调。',
    name: '王女士',
    phone: '13912345678',
    consent: 'yes',
    website: '',
  }))
    form.append(key, value)
  form.append('photos', new File([new Uint8Array(picture)], 'IMG_0001.png', { type: 'image/png' }))
  const response = await handleEndpoints({
    config: payload.config,
    request: new Request('http://127.0.0.1:3000/api/messages/submit', {
      method: 'POST',
      body: form,
      headers: { accept: 'application/json', 'x-forwarded-for': '10.9.9.9' },
    }),
  })
  expect(response.status).toBe(201)
})

afterAll(async () => {
  await cms?.close().catch(() => {})
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  for (const dir of scratch) fs.rmSync(dir, { recursive: true, force: true })
  for (const name of fs.readdirSync(path.dirname(dataDir)))
    if (name.startsWith(`${path.basename(dataDir)}.before-restore-`))
      fs.rmSync(path.join(path.dirname(dataDir), name), { recursive: true, force: true })
})

describe('npm run backup', () => {
  it('writes one dated archive with a snapshot, every other file and a manifest, while the CMS is open', async () => {
    const { code, stdout, stderr } = await run('scripts/backup.ts', ['--out', outDir])
    expect(code, stderr).toBe(0)
    const lines = stdout.trim().split('\n')
    expect(lines.some((l) => /^backup: database: snapshot .*VACUUM INTO.*tables/.test(l))).toBe(true)
    expect(lines.some((l) => /^backup: files: \d+ files/.test(l))).toBe(true)
    expect(lines.at(-1)).toMatch(
      /^backup: wrote .*minhu-backup-\d{4}-\d\d-\d\dT\d{4}\.tar\.gz \([\d.]+ [kM]B\)$/,
    )
    const written = fs.readdirSync(outDir)
    expect(written).toHaveLength(1)
    archive = path.join(outDir, written[0])
    expect(fs.statSync(archive).mode & 0o777).toBe(0o600)
    console.log(`backup of the seeded CMS: ${(fs.statSync(archive).size / 1e6).toFixed(1)} MB`)

    const names = await entriesOf(archive)
    expect(names[0]).toBe('manifest.json')
    expect(names).toContain('database/cms.db')
    for (const name of ['files/.payload-secret', 'files/admin-credentials.json'])
      expect(names).toContain(name)
    expect(names.some((n) => n.startsWith('files/media/backup-test'))).toBe(true)
    expect(names.some((n) => n.startsWith('files/message-photos/'))).toBe(true)
    expect(names.filter((n) => n.startsWith('files/') && leftOut(n.slice(6)))).toEqual([])

    // The manifest lists every file with the sha256 it has in the data folder.
    const dir = scratchDir('minhu-manifest-')
    scratch.push(dir)
    await tar.extract({ file: archive, cwd: dir, filter: (p) => p === 'manifest.json' })
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
      database: { tables: Record<string, number> }
      entries: { path: string; sha256: string }[]
    }
    const current = hashes(dataDir)
    const listed = new Map(
      manifest.entries.filter((e) => e.path.startsWith('files/')).map((e) => [e.path.slice(6), e.sha256]),
    )
    expect(listed).toEqual(current)
    expect(manifest.database.tables.news).toBeGreaterThan(0)

    // The original as the CMS reads it (as JSON, like the probe's), then the CMS is closed for good.
    before = JSON.parse(JSON.stringify(await dumpCms(payload))) as CmsDump
    await payload.destroy()
    filesBefore = current
    expect(before.documents.users.length).toBeGreaterThanOrEqual(2)
    expect(before.documents['message-photos'].length).toBeGreaterThan(0)
  })

  it('with MongoDB refuses and points to mongodump; --files-only archives and restores the files alone', async () => {
    const mongo = { kind: 'mongodb' as const, url: 'mongodb://127.0.0.1:9/minhu' }
    await expect(createBackup({ dataDir, database: mongo, outDir })).rejects.toThrow(
      /^DATABASE_URI is MongoDB.*mongodump.*--files-only.*mongorestore/,
    )
    const filesOut = scratchDir('minhu-files-only-')
    scratch.push(filesOut)
    const lines: string[] = []
    const done = await createBackup({
      dataDir,
      database: mongo,
      outDir: filesOut,
      filesOnly: true,
      log: (line) => lines.push(line),
    })
    expect(lines).toContain('database: not included (--files-only)')
    const filesArchive = done.file
    const names = await entriesOf(filesArchive)
    expect(names.filter((n) => n.startsWith('database/'))).toEqual([])
    expect(names.some((n) => n.startsWith('files/media/'))).toBe(true)

    const target = path.join(scratchDir('minhu-files-restore-'), 'data')
    scratch.push(path.dirname(target))
    const restore = (filesOnly: boolean) =>
      restoreBackup({ archive: filesArchive, dataDir: target, database: mongo, filesOnly })
    await expect(restore(false)).rejects.toThrow(/MongoDB.*mongorestore.*--files-only/)
    await restore(true)
    expect(hashes(target)).toEqual(filesBefore)
  })
})

describe('npm run restore', () => {
  it('restores into the wiped folder: every document, file and login as before, integrity ok', async () => {
    fs.rmSync(dataDir, { recursive: true })
    const { code, stdout, stderr } = await run('scripts/restore.ts', [archive])
    expect(code, stderr).toBe(0)
    expect(stdout).toMatch(/^restore: verified: \d+ files unpacked, every sha256 matches the manifest$/m)
    expect(stdout.trim().split('\n').at(-1)).toMatch(
      /^restore: restored the database .*cms\.db and \d+ files into /,
    )

    expect(hashes(dataDir)).toEqual(filesBefore)
    expect(fs.existsSync(path.join(dataDir, 'site-builds'))).toBe(false)
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700)
    for (const name of ['cms.db', '.payload-secret', 'admin-credentials.json'])
      expect(fs.statSync(path.join(dataDir, name)).mode & 0o777, name).toBe(0o600)

    const db = createClient({ url: `file:${path.join(dataDir, 'cms.db')}` })
    expect((await db.execute('PRAGMA integrity_check')).rows[0].integrity_check).toBe('ok')
    db.close()

    const after = await probe({ PROBE_EMAIL: admin.email, PROBE_PASSWORD: admin.password })
    expect(Object.keys(after.documents).sort()).toEqual(Object.keys(before.documents).sort())
    for (const collection of Object.keys(before.documents))
      expect(after.documents[collection], collection).toEqual(before.documents[collection])
    expect(after.versions).toEqual(before.versions)
    expect(after.globals).toEqual(before.globals)
    expect(after.login).toMatchObject({ ok: true, anonymousMessages: 'Forbidden' })
    expect(after.login!.messagesAsUser).toBe(before.documents.messages.length)
  })

  it('refuses a folder that is not empty without --force, and changes nothing', async () => {
    const was = listing(dataDir)
    const { code, stderr } = await run('scripts/restore.ts', [archive])
    expect(code).toBe(1)
    expect(stderr).toMatch(
      /^restore: the data folder .* is not empty \(.*\); .*--force.* to move its contents aside/,
    )
    expect(listing(dataDir)).toEqual(was)
    const staging = `.${path.basename(dataDir)}.restore-`
    expect(fs.readdirSync(path.dirname(dataDir)).filter((n) => n.startsWith(staging))).toEqual([])
  })

  it('with --force moves the old contents aside and restores', async () => {
    fs.writeFileSync(path.join(dataDir, 'left-over.txt'), 'old')
    const database = { kind: 'sqlite' as const, url: cms.databaseUri }
    const lines: string[] = []
    const { movedAside } = await restoreBackup({
      archive,
      dataDir,
      database,
      force: true,
      log: (l) => lines.push(l),
    })
    expect(lines.some((l) => l.startsWith('moved aside: '))).toBe(true)
    const aside = movedAside[0]
    expect(fs.readFileSync(path.join(aside, 'left-over.txt'), 'utf8')).toBe('old')
    expect(fs.existsSync(path.join(aside, 'cms.db'))).toBe(true)
    expect(fs.statSync(aside).mode & 0o777).toBe(0o700)
    expect(hashes(dataDir)).toEqual(filesBefore)
  })

  it('refuses a damaged archive before touching anything', async () => {
    const unpacked = scratchDir('minhu-damaged-')
    scratch.push(unpacked)
    await tar.extract({ file: archive, cwd: unpacked })
    const photo = fs.readdirSync(path.join(unpacked, 'files', 'message-photos'))[0]
    fs.appendFileSync(path.join(unpacked, 'files', 'message-photos', photo), 'x')
    const damaged = path.join(unpacked, 'damaged.tar.gz')
    await tar.create({ file: damaged, gzip: true, cwd: unpacked }, ['manifest.json', 'database', 'files'])
    const target = path.join(unpacked, 'data')
    const database = { kind: 'sqlite' as const, url: `file:${path.join(target, 'cms.db')}` }
    await expect(restoreBackup({ archive: damaged, dataDir: target, database })).rejects.toThrow(
      `files/message-photos/${photo}: sha256 differs from the manifest`,
    )
    expect(fs.readdirSync(unpacked).sort()).toEqual(['damaged.tar.gz', 'database', 'files', 'manifest.json'])
  })

  it('the site builds from the restored data', async () => {
    const out = scratchDir('minhu-backup-site-')
    scratch.push(out, manifestPathOf(out))
    await buildSite({ outDir: out, env })
    expect(fs.existsSync(path.join(out, 'index.html'))).toBe(true)
    const media = fs.readdirSync(path.join(out, 'media'))
    expect(media.length).toBeGreaterThan(10)
    for (const file of media.slice(0, 20))
      expect(filesBefore.get(`media/${file}`), file).toBe(
        crypto
          .createHash('sha256')
          .update(fs.readFileSync(path.join(out, 'media', file)))
          .digest('hex'),
      )
  })
})
