/**
 * `npm run backup [-- --out <folder>] [-- --files-only]`: writes one dated archive of the CMS's state, a
 * consistent SQLite snapshot plus every other file of the data folder (DATA_DIR) with a manifest of
 * sha256s, to backups/ by default. With MongoDB it refuses unless --files-only (README: Backup and restore).
 */
import path from 'node:path'
import { parseArgs } from 'node:util'

import { chooseDatabase, createBackup, dataDir, formatBytes, ROOT } from '../cms/index.ts'

const USAGE = 'usage: npm run backup -- [--out <folder>] [--files-only]'
// npm runs scripts in the package root; paths on the command line are meant from where it was typed.
const cwd = process.env.INIT_CWD ?? process.cwd()
const shown = (file: string) => {
  const rel = path.relative(cwd, file)
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file
}

try {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      'files-only': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: false,
  })
  if (values.help) {
    console.log(USAGE)
    process.exit(0)
  }
  const result = await createBackup({
    dataDir: dataDir(),
    database: chooseDatabase(),
    outDir: values.out ? path.resolve(cwd, values.out) : path.join(ROOT, 'backups'),
    filesOnly: values['files-only'],
    log: (line) => console.log(`backup: ${line}`),
  })
  console.log(`backup: wrote ${shown(result.file)} (${formatBytes(result.bytes)})`)
  process.exitCode = 0
} catch (error) {
  const message = error instanceof Error ? error.message : String(error)
  console.error(`backup: ${message}`)
  if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) console.error(USAGE)
  process.exitCode = 1
}
process.exit()
