/**
 * `npm start`: prepares the database (migrations, first admin, seed from content/ when empty), builds
 * the admin if its sources changed and the site if content or sources changed, then serves the CMS on
 * 127.0.0.1:CMS_PORT (3000) and the built site on 127.0.0.1:SITE_PORT (4321), and runs the site builder
 * (scripts/site-builder.ts) that rebuilds it when editors publish. The site keeps serving whatever
 * happens to the CMS or the builder (each restarted with backoff when it exits) or to a rebuild.
 */
import type { ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import {
  adminLogin,
  chooseDatabase,
  dataDir,
  ensureAdmin,
  openPayload,
  ROOT,
  seed,
  type AdminLogin,
} from '../cms/index.ts'
import { buildAdminIfNeeded, stampOf } from './lib/admin-build.ts'
import { startBuilder } from './lib/builder-process.ts'
import { startCmsServer } from './lib/cms-server.ts'
import { liveFolder } from './lib/rebuild-worker.ts'
import { buildSite } from './lib/site-build.ts'
import { serveSite } from './lib/site-server.ts'
import { Supervisor } from './lib/supervisor.ts'
import { siteOutDir } from '../site/index.ts'

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
const distDir = siteOutDir(ROOT)
const siteStampFile = path.join(dataDir(), 'site-build-stamp')

/** The site needs a rebuild when its sources or the database changed since the last build. */
function siteStamp(dbFile: string | undefined): string {
  const db = dbFile ? fs.statSync(dbFile, { throwIfNoEntry: false }) : undefined
  return `${stampOf(['site', 'public', 'astro.config.mjs', 'cms', 'vocabulary', 'content', 'package-lock.json'])}:${process.env.PUBLIC_CMS_URL}:${db ? `${db.size}:${db.mtimeMs}` : Date.now()}`
}

let login: AdminLogin
let dbFile: string | undefined
/** What the builder records as the first build: dist/ as this start left it. */
let initialBuild = { startedAt: new Date(), ms: 0, trigger: '启动时检查：网站已是最新' }
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
  initialBuild.startedAt = new Date()
  if (stamp === previous && fs.existsSync(path.join(distDir, 'index.html'))) {
    log('site: dist/ is up to date')
  } else {
    log('site: building dist/ from the CMS…')
    const started = Date.now()
    await buildSite({ log: (line) => log(`site: ${line}`) })
    fs.writeFileSync(siteStampFile, siteStamp(dbFile))
    initialBuild = { startedAt: new Date(started), ms: Date.now() - started, trigger: '启动时构建' }
    log(`site: built in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  }
} catch (error) {
  fail(error)
}

// The builder takes the rebuild requests the CMS writes to the database, builds into a fresh folder and
// points data/site-live at it only when the build succeeded; the site server serves what the link names.
const liveLink = path.join(dataDir(), 'site-live')
const builderEnv = { SITE_INITIAL_BUILD: JSON.stringify(initialBuild), SITE_OUT_DIR: distDir }
const launchBuilder = () =>
  startBuilder({
    env: builderEnv,
    onOutput: (line) => log(line.replace(/^(?!rebuild:|builder:)/, 'builder: ')),
  })
// The CMS and the builder may crash or be killed; the site is plain files and keeps serving while the
// supervisors start them again. A first start that fails is a setup problem (port taken, bad config):
// that one ends the start.
const firstCms = await startCmsServer({ port: cmsPort }).catch(fail)
log(`cms: listening on ${firstCms.url} (pid ${firstCms.process.pid})`)
const firstBuilder = await launchBuilder().catch(fail)
log(`builder: running (pid ${firstBuilder.process.pid})`)
const site = await serveSite({ root: () => liveFolder(liveLink, distDir), port: sitePort }).catch(fail)
// From here on `npm start` serves the site: an unexpected error in the supervision is reported, never
// allowed to take the site server down with it.
process.on('uncaughtException', (error) => log(`start: unexpected error, still serving: ${error.stack}`))
process.on('unhandledRejection', (error) => log(`start: unexpected error, still serving: ${String(error)}`))

const pipeOutput = (child: { process: ChildProcess }) => {
  child.process.stdout?.on('data', (c: Buffer) => process.stdout.write(c))
  child.process.stderr?.on('data', (c: Buffer) => process.stderr.write(c))
}
const startCms = async () => {
  const server = await startCmsServer({ port: cmsPort })
  pipeOutput(server)
  return server
}
pipeOutput(firstCms)
const cms = new Supervisor('cms', startCms, firstCms, log, (server) => `on ${server.url}`)
const builder = new Supervisor('builder', launchBuilder, firstBuilder, log)

const password =
  login.source === 'env'
    ? '(ADMIN_PASSWORD)'
    : login.source === 'generated-now'
      ? `${login.password}   (generated now, also kept in ${login.file})`
      : `see ${login.file}`
log('')
log(`Site:       ${site.url}/`)
log(`CMS admin:  ${cms.current.url}/admin`)
log(`Login:      ${login.email}`)
log(`Password:   ${password}`)
log('Publishing in the admin rebuilds the site by itself (status on the admin dashboard).')
log('Press Ctrl-C to stop.')

let stopping = false
const shutdown = async () => {
  if (stopping) return
  stopping = true
  log('\nstopping…')
  await Promise.all([cms.stop(), builder.stop(), site.close()])
  process.exit(0)
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
