import fs from 'node:fs'
import path from 'node:path'

import { afterEach, describe, expect, it } from 'vitest'

import { scratchDir } from '../../cms/index.ts'
import type { SearchRecord } from '../../site/lib/search-records.ts'
import { finishIndex, prepareIndex, startIndexWorker } from '../../site/build/search-index.ts'

/** The search index worker (site/build/index-worker.ts) as the build runs it: a real Pagefind process. */
let dir = ''
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
})

const record = (url: string, text: string): SearchRecord => ({ url, title: text, type: '新闻', text })

describe('the search index worker', () => {
  it('writes the index and names every page it indexed', async () => {
    dir = scratchDir('minhu-index-worker-')
    const running = startIndexWorker(
      [record('/news/a/', '老旧小区加装电梯'), record('/news/b/', '背街小巷')],
      dir,
    )
    const result = await finishIndex(running, path.join(dir, 'out'))
    expect(result.pages).toBe(2)
    expect(Object.keys(result.ids).sort()).toEqual(['/news/a/', '/news/b/'])
    expect(fs.existsSync(path.join(dir, 'out', 'pagefind-entry.json'))).toBe(true)
  }, 60_000)

  it('fails with its own reason, naming the record, instead of leaving a half-written index', async () => {
    dir = scratchDir('minhu-index-worker-')
    const broken = { title: '没有地址的记录', type: '新闻', text: '正文' } as unknown as SearchRecord
    const running = startIndexWorker([record('/news/a/', '正常的记录'), broken], dir)
    await expect(finishIndex(running, path.join(dir, 'out'))).rejects.toThrow(
      /^search index failed: record "没有地址的记录" without a url: .*missing field `url`/,
    )
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false)
  }, 60_000)

  it('gets the records as one JSON line each (not one string of them all) and names a line that is not one', async () => {
    dir = scratchDir('minhu-index-worker-')
    const records = function* () {
      for (let i = 0; i < 3; i++) yield record(`/news/${i}/`, `第${i}条 社区议事`)
    }
    const pending = prepareIndex(records(), dir)
    const file = path.join(dir, 'pagefind-records.ndjson')
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n')
    expect(pending.records).toBe(3)
    expect(lines.map((line) => (JSON.parse(line) as SearchRecord).url)).toEqual([
      '/news/0/',
      '/news/1/',
      '/news/2/',
    ])

    fs.appendFileSync(file, '{"url": "/news/3/", "title": "断了\n')
    await expect(finishIndex(pending.start(), path.join(dir, 'out'))).rejects.toThrow(
      /^search index failed: line 4 of the records is not JSON/,
    )
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false)
  }, 60_000)
})
