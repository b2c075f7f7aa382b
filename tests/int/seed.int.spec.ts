import fs from 'node:fs'
import path from 'node:path'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Payload } from 'payload'

import * as content from '../../content/index.ts'
import { seed, type SeedReport } from '../../cms/seed/index.ts'
import { openThrowawayCms, type ThrowawayCms } from '../helpers/cms.ts'

let cms: ThrowawayCms
let payload: Payload
let first: SeedReport
const lines: string[] = []
const anonymous = { overrideAccess: false, user: null } as const

beforeAll(async () => {
  cms = await openThrowawayCms()
  payload = cms.payload
  first = await seed(payload, { log: (line) => lines.push(line) })
})

afterAll(async () => {
  await cms?.close()
})

describe('seed from content/', () => {
  it('fills an empty CMS with the base’s content, published', async () => {
    const count = async (collection: 'news' | 'lectures' | 'cases' | 'deputies' | 'stations') =>
      (await payload.count({ collection, ...anonymous })).totalDocs
    expect(await count('news')).toBeGreaterThanOrEqual(12)
    expect(await count('lectures')).toBeGreaterThanOrEqual(6)
    expect(await count('cases')).toBeGreaterThanOrEqual(12)
    expect(await count('deputies')).toBeGreaterThanOrEqual(40)
    expect(await count('stations')).toBe(12)
    expect(first.nothingToDo).toBe(false)
    const site = await payload.findGlobal({ slug: 'site', ...anonymous })
    expect(site.siteName).toContain('民呼我应')
    expect(site.platforms?.length).toBe(5)
  })

  it('covers every problem the base’s article lists', async () => {
    const { docs } = await payload.find({ collection: 'cases', ...anonymous, limit: 0, depth: 0 })
    const categories = new Set(docs.map((d) => d.category))
    for (const category of ['elevator', 'sewer', 'noise', 'parking', 'access-control']) {
      expect(categories).toContain(category)
    }
    const elevator = docs.find((d) => d.title.includes('加装电梯'))
    expect(elevator).toBeDefined()
    expect(elevator!.timeline?.length).toBeGreaterThan(2)
  })

  it('the two 张伟 of the seed carry different titles, which every admin picker shows', async () => {
    expect(payload.collections.deputies.config.admin.useAsTitle).toBe('displayName')
    const { docs } = await payload.find({
      collection: 'deputies',
      where: { name: { equals: '张伟' } },
      ...anonymous,
      depth: 0,
    })
    expect(docs.map((d) => d.displayName).sort()).toEqual([
      '张伟（奎山街道 · 区人大代表）',
      '张伟（金山街道 · 区人大代表）',
    ])
    const all = await payload.find({ collection: 'deputies', ...anonymous, limit: 0, depth: 0 })
    expect(new Set(all.docs.map((d) => d.displayName)).size).toBe(all.docs.length)
  })

  it('marks the fictional deputies and stations as sample data and derives their pinyin', async () => {
    const { docs } = await payload.find({ collection: 'deputies', ...anonymous, limit: 0, depth: 0 })
    expect(docs.every((d) => d.isSample)).toBe(true)
    expect(docs.every((d) => d.pinyin && d.pinyinInitials && d.photo)).toBe(true)
    const shan = docs.find((d) => d.name.startsWith('单'))
    if (shan) expect(shan.pinyin!.startsWith('shan ')).toBe(true)
    const stations = await payload.find({ collection: 'stations', ...anonymous, limit: 0, depth: 0 })
    expect(stations.docs.every((s) => s.isSample)).toBe(true)
    expect(stations.docs.map((s) => s.brand)).toEqual(expect.arrayContaining(['奎声应民声', '五民五道']))
  })

  it('links every case to its deputies and station', async () => {
    const { docs } = await payload.find({ collection: 'cases', ...anonymous, limit: 0, depth: 1 })
    for (const doc of docs) {
      expect(doc.station, doc.slug ?? '').toBeTruthy()
      expect(doc.deputies?.length, doc.slug ?? '').toBeGreaterThan(0)
    }
  })

  it('a second run changes nothing and says so', async () => {
    const before = await Promise.all(
      (['news', 'lectures', 'cases', 'deputies', 'stations', 'media'] as const).map(
        async (c) => (await payload.count({ collection: c })).totalDocs,
      ),
    )
    const secondLines: string[] = []
    const second = await seed(payload, { log: (line) => secondLines.push(line) })
    expect(second.nothingToDo).toBe(true)
    expect(second.created).toEqual({})
    expect(secondLines.at(-1)).toMatch(/nothing to do/)
    const after = await Promise.all(
      (['news', 'lectures', 'cases', 'deputies', 'stations', 'media'] as const).map(
        async (c) => (await payload.count({ collection: c })).totalDocs,
      ),
    )
    expect(after).toEqual(before)
  })

  it('keeps an editor’s change on re-seed', async () => {
    const { docs } = await payload.find({ collection: 'news', limit: 1, depth: 0 })
    await payload.update({ collection: 'news', id: docs[0].id, data: { title: '编辑改过的标题' } })
    await seed(payload)
    const again = await payload.findByID({ collection: 'news', id: docs[0].id })
    expect(again.title).toBe('编辑改过的标题')
  })

  it('writes the media files into the CMS’s own data folder', async () => {
    const { docs } = await payload.find({ collection: 'media', limit: 0, depth: 0 })
    const files = new Set(fs.readdirSync(path.join(cms.dataDir, 'media')))
    expect(docs.length).toBeGreaterThan(50)
    for (const doc of docs) expect(files.has(doc.filename!), doc.filename!).toBe(true)
  })

  it('logs one line per step', () => {
    expect(lines.length).toBeGreaterThan(4)
    expect(lines.every((l) => l.startsWith('seed: ') && !l.includes('\n'))).toBe(true)
  })
})

describe('content/ holds nothing private', () => {
  it('has no mobile phone numbers or personal e-mail addresses', () => {
    const text = JSON.stringify(content)
    expect(text).not.toMatch(/(?<!\d)1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)/)
    const emails = text.match(/[\w.+-]+@[\w-]+\.[\w.]+/g) ?? []
    expect(emails.every((e) => e === content.site.contactEmail)).toBe(true)
  })
})
