/**
 * Issue 11, findings 5 and 7: the public site must keep answering whatever happens to the CMS or the
 * rebuild worker, and the SQLite file must be private. Runs the real `npm start` entry once (seed and a
 * site build into throwaway folders, ~1 min) and attacks it: kill -9 of the CMS, kill -9 of the site
 * builder, then SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { ROOT, scratchDir } from '../../cms/paths.ts'
import { freePort } from '../helpers/ports.ts'

const BIN = path.join(ROOT, 'node_modules', '.bin')
let dataDir: string
let outDir: string
let start: ChildProcess
let output = ''
let siteUrl: string
let cmsUrl: string
const cmsPids: number[] = []
const builderPids: number[] = []

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Waits for a line of `npm start`'s output matching `pattern` (searched from `from` on). */
async function line(pattern: RegExp, timeoutMs: number, from = 0): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const match = output.slice(from).match(pattern)
    if (match) return match
    if (start.exitCode !== null || start.signalCode !== null)
      throw new Error(`npm start ended (${start.exitCode ?? start.signalCode}):\n${output.slice(-3000)}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`no line matching ${pattern} within ${timeoutMs} ms:\n${output.slice(-3000)}`)
}

async function status(url: string): Promise<number> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) })
    await res.arrayBuffer()
    return res.status
  } catch {
    return 0
  }
}

/** Polls the site's home page for `ms`; returns every status seen (0 = no answer). */
async function pollSite(ms: number): Promise<number[]> {
  const seen: number[] = []
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    seen.push(await status(`${siteUrl}/`))
    await new Promise((r) => setTimeout(r, 100))
  }
  return seen
}

beforeAll(async () => {
  dataDir = scratchDir('minhu-start-data-')
  outDir = scratchDir('minhu-start-site-')
  const [cmsPort, sitePort] = [await freePort(), await freePort()]
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PATH: `${BIN}:${process.env.PATH}`,
    DATABASE_URI: '',
    DATA_DIR: dataDir,
    SITE_OUT_DIR: outDir,
    CMS_PORT: String(cmsPort),
    SITE_PORT: String(sitePort),
    ADMIN_EMAIL: 'admin@example.org',
    ADMIN_PASSWORD: crypto.randomBytes(12).toString('base64url'),
    PAYLOAD_SECRET: crypto.randomBytes(16).toString('hex'),
    // No rebuild may start during the test: only the processes are attacked.
    REBUILD_DEBOUNCE_MS: '600000',
  }
  // Derived from the ports by start.ts.
  delete env.PUBLIC_CMS_URL
  delete env.SITE_URL
  // Exactly the command `npm start` runs (one process, tsx as a loader: under tsx's CLI a wrapper
  // relays SIGTERM and SIGKILLs the script if it has not acknowledged within 30 ms, which a busy
  // machine misses, and the CMS and builder would be left behind).
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'))
  const [command, ...args] = (pkg.scripts.start as string).split(' ')
  start = spawn(path.join(BIN, command), args, {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  start.stdout!.on('data', (c: Buffer) => (output += c.toString()))
  start.stderr!.on('data', (c: Buffer) => (output += c.toString()))
  siteUrl = (await line(/^Site:\s+(\S+?)\/?$/m, 280_000))[1]
  const listening = await line(/^cms: listening on (\S+) \(pid (\d+)\)$/m, 1000)
  cmsUrl = listening[1]
  cmsPids.push(Number(listening[2]))
  builderPids.push(Number((await line(/^builder: running \(pid (\d+)\)$/m, 1000))[1]))
}, 300_000)

afterAll(async () => {
  if (start && start.exitCode === null && start.signalCode === null) start.kill('SIGKILL')
  for (const pid of [...cmsPids, ...builderPids]) if (alive(pid)) process.kill(pid, 'SIGKILL')
  fs.rmSync(dataDir, { recursive: true, force: true })
  fs.rmSync(outDir, { recursive: true, force: true })
})

describe('npm start', () => {
  it('keeps the SQLite file (and data/) private to the owner', () => {
    const db = path.join(dataDir, 'cms.db')
    expect((fs.statSync(db).mode & 0o777).toString(8)).toBe('600')
    for (const companion of ['-wal', '-shm', '-journal']) {
      const stat = fs.statSync(db + companion, { throwIfNoEntry: false })
      if (stat) expect((stat.mode & 0o777).toString(8), companion).toBe('600')
    }
    expect((fs.statSync(dataDir).mode & 0o777).toString(8)).toBe('700')
  })

  it('keeps serving the site while the CMS is killed, and restarts the CMS', async () => {
    const [killed] = cmsPids
    const mark = output.length
    process.kill(killed, 'SIGKILL')
    const seen = await pollSite(5000)
    expect(seen.length).toBeGreaterThan(10)
    expect(seen.filter((s) => s !== 200)).toEqual([])
    await line(/^cms: exited \(signal SIGKILL\); restarting in 1 s \(attempt 1\)$/m, 5000, mark)
    const again = await line(/^cms: running again on \S+ \(pid (\d+)\), down [\d.]+ s$/m, 120_000, mark)
    cmsPids.push(Number(again[1]))
    expect(Number(again[1])).not.toBe(killed)
    expect(alive(killed)).toBe(false)
    expect(await status(`${cmsUrl}/api/users/me`)).toBeLessThan(500)
    expect(await status(`${siteUrl}/`)).toBe(200)
  }, 150_000)

  it('keeps serving the site while the builder is killed, restarts it, and the new one takes over', async () => {
    const [killed] = builderPids
    const mark = output.length
    process.kill(killed, 'SIGKILL')
    const seen = await pollSite(3000)
    expect(seen.filter((s) => s !== 200)).toEqual([])
    await line(/^builder: exited \(signal SIGKILL\); restarting in 1 s \(attempt 1\)$/m, 5000, mark)
    const again = await line(/^builder: running again \(pid (\d+)\), down [\d.]+ s$/m, 120_000, mark)
    builderPids.push(Number(again[1]))
    expect(alive(killed)).toBe(false)
    // The killed builder's lease runs out (20 s) and the restarted one takes the builds over.
    await line(/^rebuild: this process builds the site \(\S+:(\d+)\)/m, 60_000, mark)
    expect((await pollSite(1000)).filter((s) => s !== 200)).toEqual([])
    expect(start.exitCode).toBeNull()
  }, 150_000)

  it('stops everything on SIGTERM, leaving no CMS behind', async () => {
    const exited = new Promise<number | null>((resolve) => start.once('exit', (code) => resolve(code)))
    start.kill('SIGTERM')
    expect(await exited).toBe(0)
    for (const pid of cmsPids) expect(alive(pid), `cms pid ${pid}`).toBe(false)
    for (const pid of builderPids) expect(alive(pid), `builder pid ${pid}`).toBe(false)
    expect(await status(`${cmsUrl}/api/users/me`)).toBe(0)
    expect(await status(`${siteUrl}/`)).toBe(0)
    expect(output.slice(output.indexOf('stopping…'))).not.toMatch(/restarting in/)
  }, 30_000)
})
