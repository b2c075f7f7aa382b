/**
 * Hard-links an incremental build's unchanged pages from the previous build, on a thread of its own.
 *
 * At 10,000 news an edit links ~13,000 pages: a folder and a link each, 0.7–1.8 s of system calls on
 * this machine. On the build's thread they came after the pages were rendered; here they run beside the
 * bundling and rendering (the build integration, ./index.ts, starts them once Astro has emptied the output
 * folder). Node's I/O threads were tried first: slower than the plain calls, and they held up Astro's own
 * writes.
 *
 * The worker runs this file by itself (Node strips its types): it may import only Node's modules.
 */
import fs from 'node:fs'
import path from 'node:path'
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads'

export interface LinkedPages {
  /** Pages (`news/<slug>`) the previous build does not have. */
  missing: string[]
}

/** Links `<base>/<key>/index.html` to `<out>/<key>/index.html` for every key (a copy across file systems). */
export function linkPagesNow(base: string, out: string, keys: readonly string[]): LinkedPages {
  const missing: string[] = []
  const made = new Set<string>()
  for (const key of keys) {
    const source = path.join(base, key, 'index.html')
    const folder = path.join(out, key)
    const parent = path.dirname(folder)
    if (!made.has(parent)) {
      fs.mkdirSync(parent, { recursive: true })
      made.add(parent)
    }
    try {
      fs.mkdirSync(folder)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const target = path.join(folder, 'index.html')
    try {
      fs.linkSync(source, target)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT') {
        missing.push(key)
        fs.rmdirSync(folder)
      } else if (code === 'EXDEV' || code === 'EPERM') fs.copyFileSync(source, target)
      else throw error
    }
  }
  return { missing }
}

const JOB = 'minhu-link-pages'

/** The same on a worker thread: the calling thread goes on while the links are made. */
export function linkPagesAside(base: string, out: string, keys: readonly string[]): Promise<LinkedPages> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), {
      workerData: { job: JOB, base, out, keys },
      execArgv: [], // no loader: Node runs this file as it is
    })
    let result: LinkedPages | undefined
    worker.once('message', (message: LinkedPages) => (result = message))
    worker.once('error', reject)
    worker.once('exit', (code) =>
      result
        ? resolve(result)
        : reject(new Error(`link-pages: the worker stopped (exit ${code}) before it was done`)),
    )
  })
}

if (!isMainThread && (workerData as { job?: string } | null)?.job === JOB) {
  const { base, out, keys } = workerData as { base: string; out: string; keys: string[] }
  parentPort!.postMessage(linkPagesNow(base, out, keys))
}
