/**
 * Precompressed copies of the built site's text files (`index.html` → `index.html.gz`), for a front server
 * that sends a `.gz` when one exists instead of compressing every response again (nginx `gzip_static`,
 * docs/deploy.md). Node's zlib does the work on its thread pool, so several files compress at once.
 */
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import zlib from 'node:zlib'

const gzip = promisify(zlib.gzip)

/** Text the site serves. Images, video and Pagefind's own files are compressed already. */
const TEXT = /\.(html|css|js|mjs|json|xml|svg|txt|ics|rss|webmanifest)$/
/** Below this, the gzip header and a round trip's worth of bytes are not worth a second file. */
const MIN_BYTES = 1024
const PARALLEL = 8

export interface PrecompressResult {
  files: number
  bytes: number
  gzipBytes: number
  /** `.gz` files linked from the previous build because their source was linked from it too. */
  reused: number
  ms: number
}

/**
 * Writes `<file>.gz` beside every text file of `out` that has none yet. A file hard-linked from the
 * previous build `base` (an unchanged page) gets that build's `.gz` linked too, so an incremental build
 * compresses only what it rendered.
 */
export async function precompress(out: string, base?: string): Promise<PrecompressResult> {
  const started = Date.now()
  const result: PrecompressResult = { files: 0, bytes: 0, gzipBytes: 0, reused: 0, ms: 0 }
  const queue: string[] = []
  for (const file of walk(out)) {
    if (!TEXT.test(file) || fs.existsSync(`${file}.gz`)) continue
    const stat = fs.statSync(file)
    if (stat.size < MIN_BYTES) continue
    if (base && linkFromBase(file, stat, path.join(base, path.relative(out, file)))) {
      result.reused++
      continue
    }
    queue.push(file)
  }
  const work = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      const source = fs.readFileSync(file)
      const packed = await gzip(source, { level: zlib.constants.Z_DEFAULT_COMPRESSION })
      fs.writeFileSync(`${file}.gz`, packed)
      result.files++
      result.bytes += source.length
      result.gzipBytes += packed.length
    }
  }
  await Promise.all(Array.from({ length: PARALLEL }, work))
  result.ms = Date.now() - started
  return result
}

/** Links the base build's `.gz` when `file` is the base's own file (same inode). */
function linkFromBase(file: string, stat: fs.Stats, baseFile: string): boolean {
  const baseStat = fs.statSync(baseFile, { throwIfNoEntry: false })
  if (!baseStat || baseStat.ino !== stat.ino || baseStat.dev !== stat.dev) return false
  try {
    fs.linkSync(`${baseFile}.gz`, `${file}.gz`)
    return true
  } catch {
    return false
  }
}

function* walk(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) yield* walk(full)
    else if (entry.isFile()) yield full
  }
}
