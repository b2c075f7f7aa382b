/**
 * The search index. Chinese is segmented with Intl.Segmenter and indexed as space-separated words
 * (`forceLanguage: 'en'`), and the search box splits queries with the same segmenter, so index and
 * query agree (Pagefind's own Chinese mode splits the two differently). Pages keep `lang="zh-CN"`.
 *
 * The work happens in ./index-worker.ts, a separate process. The records are written to the build's
 * folder as NDJSON, one record a line (never one JSON string of them all), the moment they exist; the
 * worker reads them line by line and hands each to Pagefind while Astro renders. Pagefind's peak is
 * its write (it builds the whole index in memory at about 3.5 times what the added pages take), so the
 * worker writes only when told (`write()`, after the pages are rendered: the two peaks do not stack);
 * the build then waits for it and moves the index into dist/. A worker that fails fails the build with
 * the worker's own message.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { SearchRecord } from '../lib/search-records.ts'
import { moveFolder } from './folders.ts'

/** The worker's own last word on stderr starts with this. */
export const FAILURE_PREFIX = 'index worker failed: '

export interface IndexResult {
  pages: number
  ms: number
  /** url → Pagefind's page id, for the next incremental build's stale entries. */
  ids: Record<string, string>
}

export interface RunningIndex {
  /** Resolves with the finished index in `dir`, rejects with the worker's reason. */
  done: Promise<IndexResult>
  /** Where the worker writes the index. */
  dir: string
  /** Lets the worker write the index once its records are added (finishIndex says so itself). */
  write(): void
  stop(): void
}

/** Writes `records` to `file`, one JSON record a line. */
export function writeRecords(records: Iterable<SearchRecord>, file: string): number {
  const fd = fs.openSync(file, 'w')
  let count = 0
  try {
    for (const record of records) {
      fs.writeSync(fd, `${JSON.stringify(record)}\n`)
      count++
    }
  } finally {
    fs.closeSync(fd)
  }
  return count
}

/** Where `prepareIndex` writes the records of the index `name`. */
export const recordsFileOf = (buildDir: string, name = 'pagefind') =>
  path.join(buildDir, `${name}-records.ndjson`)

/** Records written for a worker that starts later (`start`), so they need not stay in memory. */
export interface PendingIndex {
  records: number
  start(): RunningIndex
}

/** Writes `records` into the build folder now; indexing into `<buildDir>/<name>` starts with `start()`. */
export function prepareIndex(
  records: Iterable<SearchRecord>,
  buildDir: string,
  name = 'pagefind',
): PendingIndex {
  const recordsFile = recordsFileOf(buildDir, name)
  const count = writeRecords(records, recordsFile)
  return { records: count, start: () => startWorker(recordsFile, buildDir, name) }
}

/** Starts indexing `records` into `<buildDir>/<name>` in a separate process, at once. */
export function startIndexWorker(
  records: Iterable<SearchRecord>,
  buildDir: string,
  name = 'pagefind',
): RunningIndex {
  return prepareIndex(records, buildDir, name).start()
}

/** Starts indexing the NDJSON `recordsFile` into `<buildDir>/<name>` in a separate process. */
export function startWorker(recordsFile: string, buildDir: string, name: string): RunningIndex {
  const dir = path.join(buildDir, name)
  const resultFile = path.join(buildDir, `${name}-result.json`)
  const worker = fileURLToPath(new URL('./index-worker.ts', import.meta.url))
  const child: ChildProcess = spawn(process.execPath, [worker, recordsFile, dir, resultFile], {
    stdio: ['pipe', 'inherit', 'pipe'],
  })
  // A worker that ended early (a bad record) closes its end: not this process's error.
  child.stdin!.on('error', () => {})
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8')
    process.stderr.write(chunk)
  })
  const done = new Promise<IndexResult>((resolve, reject) => {
    child.on('error', (error) =>
      reject(new Error(`search index: the worker did not start: ${error.message}`)),
    )
    child.on('exit', (code, signal) => {
      if (code === 0 && fs.existsSync(resultFile)) {
        resolve(JSON.parse(fs.readFileSync(resultFile, 'utf8')) as IndexResult)
        return
      }
      const lines = stderr.trim().split('\n')
      const own = lines.findLast((line) => line.startsWith(FAILURE_PREFIX))?.slice(FAILURE_PREFIX.length)
      const reason = own ?? (lines.pop() || (signal ? `stopped by ${signal}` : `exit code ${code}`))
      reject(new Error(`search index failed: ${reason}`))
    })
  })
  // Nobody may wait (a build that failed before its pages were written): not an unhandled rejection.
  done.catch(() => {})
  return {
    done,
    dir,
    write: () => {
      if (!child.stdin!.writableEnded) child.stdin!.end('write\n')
    },
    stop: () => child.exitCode === null && child.kill(),
  }
}

/** Waits for the worker and moves its index to `target` (replacing what was there). */
export async function finishIndex(running: RunningIndex, target: string): Promise<IndexResult> {
  running.write()
  const result = await running.done
  fs.rmSync(target, { recursive: true, force: true })
  moveFolder(running.dir, target)
  return result
}
