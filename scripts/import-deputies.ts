/**
 * `npm run import:deputies -- <file.csv|.xlsx> [--dry-run] [--photos <folder>]`
 * Checks every row, reports problems by row and column (in Chinese), and writes only a clean file.
 * Photos named in the 照片 column are taken from the media library or from --photos (default: a
 * `deputy-photos` folder next to the file).
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { SingleBar } from 'cli-progress'
import { ImportFileError, formatReport, importDeputies, openPayload, readSheet } from '../cms/index.ts'
import { PIPED_PROGRESS } from './lib/progress.ts'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'dry-run': { type: 'boolean', default: false }, photos: { type: 'string' } },
})
const file = positionals[0]
if (!file) {
  console.error('usage: npm run import:deputies -- <file.csv|file.xlsx> [--dry-run] [--photos <folder>]')
  process.exit(2)
}
const fullPath = path.resolve(process.env.INIT_CWD ?? process.cwd(), file)
if (!fs.existsSync(fullPath)) {
  console.error(`import: 找不到文件 ${fullPath}`)
  process.exit(2)
}
const photoDir = path.resolve(path.dirname(fullPath), values.photos ?? 'deputy-photos')

const started = Date.now()
try {
  const rows = await readSheet(fs.readFileSync(fullPath), fullPath)
  console.log(
    `import: ${rows.length} rows read from ${path.basename(fullPath)}${values['dry-run'] ? ' (dry run)' : ''}`,
  )
  const payload = await openPayload()
  const bar = new SingleBar({
    format: 'import: [{bar}] {value}/{total} 行 {percentage}%',
    hideCursor: true,
    ...PIPED_PROGRESS,
  })
  let barStarted = false
  const report = await importDeputies(payload, rows, {
    dryRun: values['dry-run'],
    photoDir: fs.existsSync(photoDir) ? photoDir : undefined,
    onProgress: (done, total) => {
      if (!barStarted) {
        bar.start(total, 0)
        barStarted = true
      }
      bar.update(done)
    },
  })
  if (barStarted) bar.stop()
  for (const line of formatReport(report)) console.log(line)
  console.log(`import: finished in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  await payload.destroy()
  process.exit(report.problems.length ? 1 : 0)
} catch (error) {
  console.error(error instanceof ImportFileError ? `import: ${error.message}` : error)
  process.exit(1)
}
