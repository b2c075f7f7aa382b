/** Measuring helpers for the benchmark: process-tree memory, folder sizes, gzip sizes. */
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'

/** RSS in bytes of `pid` and all its descendants, read from /proc (Linux), in total and by program. */
function treeRss(pid: number): { total: number; byName: Map<string, number> } {
  const children = new Map<number, number[]>()
  let rss = 0
  const stats = new Map<number, number>()
  const names = new Map<number, string>()
  const byName = new Map<string, number>()
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      names.set(Number(entry), stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')))
      const ppid = Number(fields[1])
      const pages = Number(fields[21])
      const id = Number(entry)
      stats.set(id, pages * 4096)
      children.set(ppid, [...(children.get(ppid) ?? []), id])
    } catch {
      // the process ended while we looked
    }
  }
  const walk = (id: number) => {
    const own = stats.get(id) ?? 0
    rss += own
    const name = names.get(id) ?? '?'
    byName.set(name, (byName.get(name) ?? 0) + own)
    for (const child of children.get(id) ?? []) walk(child)
  }
  walk(pid)
  return { total: rss, byName }
}

export interface StagePeak {
  stage: string
  /** How long the stage lasted. */
  ms: number
  /** Peak RSS of the whole tree during the stage. */
  peak: number
  /** Peak RSS of each program (over 50 MB) during the stage. */
  byProgram: Record<string, number>
}

const BIG = 50 * 1048576
const bigOnes = (peaks: Map<string, number>) => Object.fromEntries([...peaks].filter(([, b]) => b > BIG))

/**
 * Samples the peak RSS of a process tree every `everyMs` until stopped, in total, by program and by
 * stage: `mark(name)` ends the current stage and starts the next, so the limiting stage is visible.
 */
export function watchMemory(pid: number, everyMs = 100, firstStage = 'start') {
  let peak = 0
  const peaks = new Map<string, number>()
  const stages: {
    stage: string
    started: number
    ended?: number
    peak: number
    peaks: Map<string, number>
  }[] = [{ stage: firstStage, started: Date.now(), peak: 0, peaks: new Map() }]
  const sample = () => {
    const { total, byName } = treeRss(pid)
    const current = stages.at(-1)!
    peak = Math.max(peak, total)
    current.peak = Math.max(current.peak, total)
    for (const [name, bytes] of byName) {
      peaks.set(name, Math.max(peaks.get(name) ?? 0, bytes))
      current.peaks.set(name, Math.max(current.peaks.get(name) ?? 0, bytes))
    }
  }
  const timer = setInterval(sample, everyMs)
  return {
    stop: () => (clearInterval(timer), (stages.at(-1)!.ended = Date.now()), peak),
    /** Ends the current stage (taking one last sample for it) and starts `stage`. */
    mark: (stage: string) => {
      if (stages.at(-1)!.stage === stage) return
      sample()
      stages.at(-1)!.ended = Date.now()
      stages.push({ stage, started: Date.now(), peak: 0, peaks: new Map() })
    },
    /** Peak RSS of each program in the tree (node, pagefind…), each at its own worst moment. */
    byName: () => bigOnes(peaks),
    byStage: (): StagePeak[] =>
      stages.map((s) => ({
        stage: s.stage,
        ms: (s.ended ?? Date.now()) - s.started,
        peak: s.peak,
        byProgram: bigOnes(s.peaks),
      })),
  }
}

export function folderStats(dir: string): { bytes: number; files: number } {
  let bytes = 0
  let files = 0
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name)
      if (e.isDirectory()) walk(full)
      else {
        files++
        bytes += fs.statSync(full).size
      }
    }
  }
  if (fs.existsSync(dir)) walk(dir)
  return { bytes, files }
}

export interface Weight {
  html: number
  css: number
  js: number
  total: number
  gzip: number
}

/** Bytes a first visit downloads for a page's HTML, CSS and JS (not images), raw and gzipped. */
export function pageWeight(dist: string, page: string): Weight {
  const html = fs.readFileSync(path.join(dist, page))
  const text = html.toString()
  const assets = [
    ...text.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g),
    ...text.matchAll(/<script[^>]+src="([^"]+)"/g),
  ].map((m) => m[1])
  let css = 0
  let js = 0
  let gzip = zlib.gzipSync(html).length
  for (const asset of assets) {
    const file = path.join(dist, asset)
    if (!fs.existsSync(file)) continue
    const data = fs.readFileSync(file)
    if (asset.endsWith('.css')) css += data.length
    else js += data.length
    gzip += zlib.gzipSync(data).length
  }
  return { html: html.length, css, js, total: html.length + css + js, gzip }
}

export const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`
