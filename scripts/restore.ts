/**
 * `npm run restore -- <archive> [--force] [--files-only]`: restores an archive of `npm run backup` into
 * the data folder (DATA_DIR) and the database file the CMS uses. Refuses a data folder that is not empty
 * unless --force, which moves its contents aside; verifies every file's sha256 against the manifest and
 * the database's integrity before anything is moved (README: Backup and restore). Stop the CMS first.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'

import { chooseDatabase, dataDir, restoreBackup } from '../cms/index.ts'

const USAGE = 'usage: npm run restore -- <archive> [--force] [--files-only]'
// npm runs scripts in the package root; paths on the command line are meant from where it was typed.
const cwd = process.env.INIT_CWD ?? process.cwd()

try {
  const { values, positionals } = parseArgs({
    options: {
      force: { type: 'boolean', default: false },
      'files-only': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: true,
  })
  if (values.help) {
    console.log(USAGE)
    process.exit(0)
  }
  if (positionals.length !== 1)
    throw Object.assign(new Error('name one archive'), { code: 'ERR_PARSE_ARGS_USAGE' })
  const archive = positionals[0]
  const result = await restoreBackup({
    archive: path.resolve(cwd, archive),
    shownArchive: archive,
    dataDir: dataDir(),
    database: chooseDatabase(),
    force: values.force,
    filesOnly: values['files-only'],
    log: (line) => console.log(`restore: ${line}`),
  })
  const what = result.database ? `the database ${result.database} and ` : ''
  console.log(`restore: restored ${what}${result.files} files into ${dataDir()}`)
  process.exitCode = 0
} catch (error) {
  const message = error instanceof Error ? error.message : String(error)
  console.error(`restore: ${message}`)
  if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) console.error(USAGE)
  process.exitCode = 1
}
process.exit()
