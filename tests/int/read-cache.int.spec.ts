import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { openThrowawayCms, type ThrowawayCms } from '../helpers/cms.ts'
import { readCms } from '../../site/loaders/read-cms.ts'
import type { ReadCacheOptions } from '../../site/loaders/read-cache.ts'

/**
 * The build's read cache (site/loaders/read-cache.ts): after each kind of change an editor makes, a read
 * that reuses the last build's documents gives exactly what a read of everything gives, while reading
 * again only the documents the change touched.
 */
let cms: ThrowawayCms
let payload: Payload
let cache: ReadCacheOptions
const system = { overrideAccess: true } as const

beforeAll(async () => {
  cms = await openThrowawayCms()
  payload = cms.payload
  const { seed } = await import('../../cms/seed/index.ts')
  await seed(payload)
  cache = { dir: path.join(cms.dataDir, 'astro-cache'), key: 'read-cache-spec' }
})
afterAll(async () => {
  await cms?.close()
})

/** A read with the cache, checked against a read of everything; returns how many documents it read again. */
async function readAndCompare(): Promise<{ fetched: number; reused: number }> {
  const cached = await readCms(undefined, cache)
  const whole = await readCms()
  expect(cached.snapshot).toEqual(whole.snapshot)
  expect(cached.mediaFiles).toEqual(whole.mediaFiles)
  return { fetched: cached.fetched, reused: cached.reused }
}

/** A seeded case that names a deputy, and that deputy's id. */
async function aCaseWithADeputy() {
  const { docs } = await payload.find({
    collection: 'cases',
    where: { deputies: { exists: true } },
    depth: 0,
    limit: 1,
    ...system,
  })
  return { theCase: docs[0], deputyId: (docs[0].deputies as number[])[0] }
}

const total = (read: { fetched: number; reused: number }) => read.fetched + read.reused

describe('the read cache', () => {
  let documents = 0

  it('reads everything the first time, then nothing again when nothing changed', async () => {
    const first = await readAndCompare()
    expect(first.reused).toBe(0)
    documents = first.fetched
    expect(documents).toBeGreaterThan(50)
    expect(fs.existsSync(path.join(cache.dir, 'cms-read.json'))).toBe(true)
    expect(await readAndCompare()).toEqual({ fetched: 0, reused: documents })
  })

  it('reads again the one news item whose title an editor changed', async () => {
    const { docs } = await payload.find({ collection: 'news', limit: 1, sort: '-publishedAt', ...system })
    await payload.update({
      collection: 'news',
      id: docs[0].id,
      data: { title: '标题已改：读取缓存' },
      ...system,
    })
    const read = await readAndCompare()
    expect(read.fetched).toBe(1)
    expect(total(read)).toBe(documents)
  })

  it('reads again the cases and lectures that show a deputy who was renamed', async () => {
    const { theCase, deputyId } = await aCaseWithADeputy()
    const showing =
      (await payload.count({ collection: 'cases', where: { deputies: { in: [deputyId] } }, ...system }))
        .totalDocs +
      (await payload.count({ collection: 'lectures', where: { deputies: { in: [deputyId] } }, ...system }))
        .totalDocs
    await payload.update({ collection: 'deputies', id: deputyId, data: { name: '改名代表' }, ...system })
    const read = await readAndCompare()
    expect(read.fetched).toBe(1 + showing)
    const cased = (await readCms(undefined, cache)).snapshot.cases.find((c) => c.slug === theCase.slug)!
    expect(cased.deputies.map((d) => d.name)).toContain('改名代表')
  })

  it('follows a deputy taken off the site and published again', async () => {
    const { theCase, deputyId } = await aCaseWithADeputy()
    const names = async () =>
      (await readCms(undefined, cache)).snapshot.cases.find((c) => c.slug === theCase.slug)!.deputies.length
    const before = await names()
    await payload.update({ collection: 'deputies', id: deputyId, data: { _status: 'draft' }, ...system })
    await readAndCompare()
    expect(await names()).toBe(before - 1)
    // Published again: the case still refers to it by id only in the kept read, and must show it again.
    await payload.update({ collection: 'deputies', id: deputyId, data: { _status: 'published' }, ...system })
    await readAndCompare()
    expect(await names()).toBe(before)
  })

  it('follows a picture whose alt text changed, and a news item deleted', async () => {
    const { docs } = await payload.find({
      collection: 'news',
      where: { cover: { exists: true } },
      depth: 0,
      limit: 1,
      ...system,
    })
    await payload.update({
      collection: 'media',
      id: docs[0].cover as number,
      data: { alt: '新的替代文字' },
      ...system,
    })
    const read = await readAndCompare()
    expect(read.fetched).toBeGreaterThanOrEqual(1)
    expect(read.fetched).toBeLessThan(documents / 2)
    await payload.delete({ collection: 'news', id: docs[0].id, ...system })
    const after = await readAndCompare()
    expect(after.fetched).toBe(0)
    expect(total(after)).toBe(documents - 1)
    documents--
  })

  it('follows a link in a body whose target page moved to another address', async () => {
    const { docs } = await payload.find({ collection: 'news', limit: 2, sort: '-publishedAt', ...system })
    const [linking, target] = docs
    const body = {
      root: {
        type: 'root',
        version: 1,
        direction: 'ltr',
        format: '',
        indent: 0,
        children: [
          {
            type: 'paragraph',
            version: 1,
            direction: 'ltr',
            format: '',
            indent: 0,
            textFormat: 0,
            children: [
              {
                type: 'link',
                version: 3,
                direction: 'ltr',
                format: '',
                indent: 0,
                fields: {
                  linkType: 'internal',
                  doc: { relationTo: 'news', value: target.id },
                  newTab: false,
                },
                children: [
                  {
                    type: 'text',
                    version: 1,
                    text: '相关新闻',
                    format: 0,
                    mode: 'normal',
                    style: '',
                    detail: 0,
                  },
                ],
              },
            ],
          },
        ],
      },
    }
    await payload.update({ collection: 'news', id: linking.id, data: { body } as never, ...system })
    await readAndCompare()
    await payload.update({
      collection: 'news',
      id: target.id,
      data: { slug: 'moved-for-read-cache' },
      ...system,
    })
    const read = await readAndCompare()
    expect(read.fetched).toBe(2)
    const html = (await readCms(undefined, cache)).snapshot.news.find(
      (n) => n.slug === linking.slug,
    )!.bodyHtml
    expect(html).toContain('/news/moved-for-read-cache/')
  })

  it('starts from nothing for another key (other code or another database), and for a full build', async () => {
    const other = await readCms(undefined, { ...cache, key: 'another' })
    expect(other.reused).toBe(0)
    const full = await readCms(undefined, { ...cache, reuse: false })
    expect(full.reused).toBe(0)
    // The full read kept its read under the spec's key: the next one reuses it.
    expect((await readCms(undefined, cache)).reused).toBeGreaterThan(0)
  })

  it('keeps the changes of a publish beside the whole read, and writes the whole read again when they grow', async () => {
    const whole = path.join(cache.dir, 'cms-read.json')
    const changes = path.join(cache.dir, 'cms-read.changes.json')
    await readCms(undefined, { ...cache, reuse: false }) // the whole read, written anew
    const written = fs.statSync(whole)
    expect(fs.existsSync(changes)).toBe(false)

    const { docs } = await payload.find({ collection: 'news', limit: 2, sort: '-publishedAt', ...system })
    for (const [i, doc] of docs.entries()) {
      await payload.update({ collection: 'news', id: doc.id, data: { title: `改过的标题 ${i}` }, ...system })
      expect((await readAndCompare()).fetched).toBeGreaterThanOrEqual(1) // and what links to it
    }
    // Two publishes: the whole read untouched, both changes beside it (the second read built on the first).
    expect(fs.statSync(whole).mtimeMs).toBe(written.mtimeMs)
    const kept = JSON.parse(fs.readFileSync(changes, 'utf8')) as { items: { news: Record<string, unknown> } }
    expect(Object.keys(kept.items.news)).toEqual(expect.arrayContaining(docs.map((d) => String(d.id))))
    expect(fs.statSync(changes).size).toBeLessThan(written.size / 10)

    // Many changes at once (every news item): the whole read is written again, the changes dropped.
    const { docs: all } = await payload.find({ collection: 'news', limit: 0, depth: 0, ...system })
    for (const doc of all)
      await payload.update({ collection: 'news', id: doc.id, data: { title: `${doc.title}。` }, ...system })
    expect((await readAndCompare()).fetched).toBe(all.length)
    expect(fs.statSync(whole).mtimeMs).not.toBe(written.mtimeMs)
    expect(fs.existsSync(changes)).toBe(false)
    expect((await readAndCompare()).fetched).toBe(0)
  })

  it('ignores changes kept for another whole read (one written since by a full build)', async () => {
    const changes = path.join(cache.dir, 'cms-read.changes.json')
    const { docs } = await payload.find({ collection: 'news', limit: 1, sort: '-publishedAt', ...system })
    await payload.update({ collection: 'news', id: docs[0].id, data: { title: '又改了一次' }, ...system })
    await readAndCompare()
    const stale = JSON.parse(fs.readFileSync(changes, 'utf8')) as {
      items: { news: Record<string, { item: { title: string } }> }
    }
    await readCms(undefined, { ...cache, reuse: false }) // a full build: a new whole read
    // Left by a build that was killed, say; its item would show a title the CMS does not have.
    stale.items.news[String(docs[0].id)].item.title = '不该出现的标题'
    fs.writeFileSync(changes, JSON.stringify(stale))
    // The stale changes name the old whole read: not used (the read equals a read of everything).
    expect(await readAndCompare()).toEqual({ fetched: 0, reused: expect.any(Number) })
  })
})
