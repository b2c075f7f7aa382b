/**
 * `npm start`: prepares the database (migrations, first admin, seed from content/ when empty), builds
 * the admin if its sources changed and the site if content or sources changed, then serves the CMS on
 * 127.0.0.1:CMS_PORT (3000) and the built site on 127.0.0.1:SITE_PORT (4321). The site keeps serving
 * whatever happens to the CMS (restarted with backoff when it exits) or to a rebuild.
 */
import fs from 'node:fs'
import path from 'node:path'

import {
  adminLogin,
  chooseDatabase,
  dataDir,
  ensureAdmin,
  openPayload,
  rebuildRequestsFile,
  ROOT,
  seed,
  type AdminLogin,
} from '../cms/index.ts'
import { buildAdminIfNeeded, stampOf } from './lib/admin-build.ts'
import { startCmsServer } from './lib/cms-server.ts'
import { RebuildWorker } from './lib/rebuild-worker.ts'
import { buildSite } from './lib/site-build.ts'
import { serveSite } from './lib/site-server.ts'

const log = (line: string) => console.log(line)

function fail(error: unknown): never {
  console.error(`start: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}

function port(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback)
  if (!Number.isInteger(value) || value < 1 || value > 65535)
    fail(`${name}: "${process.env[name]}" is not a port number`)
  return value
}

const cmsPort = port('CMS_PORT', 3000)
const sitePort = port('SITE_PORT', 4321)
// The static site posts messages to the CMS and the CMS links back to the site: both addresses follow
// the ports unless set (README: configuration).
process.env.PUBLIC_CMS_URL ??= process.env.CMS_PUBLIC_URL || `http://127.0.0.1:${cmsPort}`
process.env.SITE_URL ??= `http://127.0.0.1:${sitePort}`
const distDir = path.resolve(ROOT, process.env.SITE_OUT_DIR ?? 'dist')
const siteStampFile = path.join(dataDir(), 'site-build-stamp')

/** The site needs a rebuild when its sources or the database changed since the last build. */
function siteStamp(dbFile: string | undefined): string {
  const db = dbFile ? fs.statSync(dbFile, { throwIfNoEntry: false }) : undefined
  return `${stampOf(['site', 'public', 'astro.config.mjs', 'cms', 'vocabulary', 'content', 'package-lock.json'])}:${process.env.PUBLIC_CMS_URL}:${db ? `${db.size}:${db.mtimeMs}` : Date.now()}`
}

let login: AdminLogin
let dbFile: string | undefined
try {
  const db = chooseDatabase()
  dbFile = db.kind === 'sqlite' ? db.url.slice('file:'.length) : undefined
  log(`database: ${db.kind}${dbFile ? ` (${dbFile})` : ''}`)
  login = adminLogin()
  const payload = await openPayload()
  if (await ensureAdmin(payload, login)) log(`users: created admin ${login.email}`)
  const { totalDocs } = await payload.count({ collection: 'news', overrideAccess: true })
  if (totalDocs === 0) {
    log('seed: empty database, loading content/')
    await seed(payload, { log })
  } else {
    log(
      `seed: database has content (${totalDocs} news), skipped; run "npm run seed" to add missing seed items`,
    )
  }
  await payload.destroy()
  await buildAdminIfNeeded(log)

  const stamp = siteStamp(dbFile)
  const previous = fs.existsSync(siteStampFile) ? fs.readFileSync(siteStampFile, 'utf8') : ''
  if (stamp === previous && fs.existsSync(path.join(distDir, 'index.html'))) {
    log('site: dist/ is up to date')
  } else {
    log('site: building dist/ from the CMS…')
    const started = Date.now()
    await buildSite({ log: (line) => log(`site: ${line}`) })
    fs.writeFileSync(siteStampFile, siteStamp(dbFile))
    log(`site: built in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  }
} catch (error) {
  fail(error)
}

// Publishing in the CMS appends to data/rebuild-requests.jsonl; this worker rebuilds into a fresh folder
// and swaps it in only when the build succeeded.
const worker = new RebuildWorker({
  requestsFile: rebuildRequestsFile(),
  statusFile: path.join(dataDir(), 'site-builds.json'),
  buildsDir: path.join(dataDir(), 'site-builds'),
  initialLive: distDir,
  liveLink: path.join(dataDir(), 'site-live'),
  debounceMs: Number(process.env.REBUILD_DEBOUNCE_MS ?? 1500),
  build: (outDir, base) =>
    buildSite({
      outDir,
      base,
      // The plan (incremental or full, and why) and the index and page counts; not every Astro step.
      log: (line) => /plan:|linked|indexed|page\(s\) built/.test(line) && log(`rebuild: ${line}`),
    }),
  log,
})
// The CMS may crash or be killed; the site is plain files and keeps serving while `supervise` starts the
// CMS again. A first start that fails is a setup problem (port taken, bad config): that one ends the start.
let cms = await startCmsServer({ port: cmsPort }).catch(fail)
log(`cms: listening on ${cms.url} (pid ${cms.process.pid})`)
const site = await serveSite({ root: () => worker.live, port: sitePort }).catch(fail)
// From here on `npm start` serves the site: an unexpected error in the rebuild worker or the CMS
// supervision is reported, never allowed to take the site server down with it.
process.on('uncaughtException', (error) => log(`start: unexpected error, still serving: ${error.stack}`))
process.on('unhandledRejection', (error) => log(`start: unexpected error, still serving: ${String(error)}`))
worker.start()
const password =
  login.source === 'env'
    ? '(ADMIN_PASSWORD)'
    : login.source === 'generated-now'
      ? `${login.password}   (generated now, also kept in ${login.file})`
      : `see ${login.file}`
log('')
log(`Site:       ${site.url}/`)
log(`CMS admin:  ${cms.url}/admin`)
log(`Login:      ${login.email}`)
log(`Password:   ${password}`)
log('Publishing in the admin rebuilds the site by itself (status on the admin dashboard).')
log('Press Ctrl-C to stop.')

type CmsServer = Awaited<ReturnType<typeof startCmsServer>>

/** Restart delays double from 1 s up to 30 s; a CMS that answered for a minute starts again at 1 s. */
const RESTART_FIRST_MS = 1000
const RESTART_MAX_MS = 30_000
const STABLE_MS = 60_000
let stopping = false
let attempt = 0
let restartTimer: NodeJS.Timeout | undefined
let restarting: Promise<CmsServer> | undefined

function supervise(server: CmsServer): void {
  cms = server
  const answeredAt = Date.now()
  server.process.stdout?.on('data', (c: Buffer) => process.stdout.write(c))
  server.process.stderr?.on('data', (c: Buffer) => process.stderr.write(c))
  server.process.once('exit', (code, signal) => {
    if (stopping) return
    if (Date.now() - answeredAt >= STABLE_MS) attempt = 0
    scheduleRestart(`exited (${signal ? `signal ${signal}` : `code ${code}`})`, Date.now())
  })
}

function scheduleRestart(reason: string, downSince: number): void {
  attempt += 1
  const delay = Math.min(RESTART_FIRST_MS * 2 ** (attempt - 1), RESTART_MAX_MS)
  log(`cms: ${reason}; restarting in ${delay / 1000} s (attempt ${attempt})`)
  restartTimer = setTimeout(() => void restart(downSince), delay)
}

async function restart(downSince: number): Promise<void> {
  restartTimer = undefined
  restarting = startCmsServer({ port: cmsPort })
  try {
    const server = await restarting
    if (stopping) return // shutdown stops it
    const down = ((Date.now() - downSince) / 1000).toFixed(1)
    log(`cms: answering again on ${server.url} (pid ${server.process.pid}), down ${down} s`)
    supervise(server)
  } catch (error) {
    if (stopping) return
    const message = error instanceof Error ? error.message : String(error)
    const reason = message
      .split('\n')[0]
      .replace(/^cms: /, '')
      .replace(/:$/, '')
    scheduleRestart(`restart failed (${reason})`, downSince)
  } finally {
    restarting = undefined
  }
}

supervise(cms)

const shutdown = async () => {
  if (stopping) return
  stopping = true
  log('\nstopping…')
  clearTimeout(restartTimer)
  worker.stop()
  await Promise.all([
    cms.stop(),
    // A restart under way resolves (or gives up) within its timeout; stop what it started.
    restarting?.then((server) => server.stop()).catch(() => {}),
    site.close(),
  ])
  process.exit(0)
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
