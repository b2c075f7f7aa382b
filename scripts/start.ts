/**
 * `npm start`: prepares the database (migrations, first admin, seed from content/ when empty),
 * builds the admin if its sources changed, then serves the CMS on 127.0.0.1:CMS_PORT (3000).
 */
import { chooseDatabase } from '../cms/db.ts'
import { openPayload } from '../cms/local.ts'
import { adminLogin, ensureAdmin } from '../cms/seed/admin.ts'
import { seed } from '../cms/seed/index.ts'
import { buildAdminIfNeeded } from './lib/admin-build.ts'
import { startCmsServer } from './lib/cms-server.ts'

const log = (line: string) => console.log(line)

function fail(error: unknown): never {
  console.error(`start: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}

const port = Number(process.env.CMS_PORT ?? 3000)
if (!Number.isInteger(port) || port < 1 || port > 65535)
  fail(`CMS_PORT: "${process.env.CMS_PORT}" is not a port number`)

let login
try {
  const db = chooseDatabase()
  log(`database: ${db.kind}${db.kind === 'sqlite' ? ` (${db.url.slice('file:'.length)})` : ''}`)
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
} catch (error) {
  fail(error)
}

const server = await startCmsServer({ port }).catch(fail)
const password =
  login.source === 'env'
    ? '(ADMIN_PASSWORD)'
    : login.source === 'generated-now'
      ? `${login.password}   (generated now, also kept in ${login.file})`
      : `see ${login.file}`
log('')
log(`CMS admin:  ${server.url}/admin`)
log(`REST API:   ${server.url}/api`)
log(`Login:      ${login.email}`)
log(`Password:   ${password}`)
log('Press Ctrl-C to stop.')

server.process.stdout!.on('data', (c: Buffer) => process.stdout.write(c))
server.process.stderr!.on('data', (c: Buffer) => process.stderr.write(c))
const shutdown = async () => {
  log('\nstopping…')
  await server.stop()
  process.exit(0)
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
server.process.on('exit', (code) => {
  console.error(`cms: server exited (${code})`)
  process.exit(code ?? 1)
})
