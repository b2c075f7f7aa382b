import crypto from 'node:crypto'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { claimPlace, leaveBooked, readPlaces, releasePlace } from '../../cms/activities/places.ts'
import { BuildQueue } from '../../cms/builds/queue.ts'
import { SharedWindow } from '../../cms/messages/rate-limit.ts'
import { seed } from '../../cms/seed/index.ts'
import { toLexical } from '../../cms/seed/lexical.ts'
import { makeUser, openThrowawayCms, type ThrowawayCms } from '../helpers/cms.ts'

/**
 * The production database path: the same seed and access rules on MongoDB. Runs only when
 * MONGODB_URI points at a server (a replica set for transactions, e.g. mongodb://127.0.0.1:27017/?replicaSet=rs0);
 * each run uses its own database and drops it afterwards.
 */
const MONGODB_URI = process.env.MONGODB_URI

if (!MONGODB_URI) {
  console.log(
    'MongoDB integration tests SKIPPED: set MONGODB_URI=mongodb://host:port/ to run them against a server',
  )
}

/** The URI with a fresh database name, so a run never touches real data. */
function throwawayDatabase(uri: string): string {
  const url = new URL(uri)
  url.pathname = `/minhu-test-${crypto.randomBytes(4).toString('hex')}`
  return url.toString()
}

describe.skipIf(!MONGODB_URI)('MongoDB (DATABASE_URI=mongodb://…)', () => {
  let cms: ThrowawayCms

  beforeAll(async () => {
    cms = await openThrowawayCms({ databaseUri: throwawayDatabase(MONGODB_URI!) })
  })

  afterAll(async () => {
    if (cms) {
      const db = cms.payload.db as unknown as { connection?: { dropDatabase: () => Promise<void> } }
      await db.connection?.dropDatabase()
      await cms.close()
    }
  })

  it('holds a shared limit exactly: of a burst of 30 takes, 5 get a place (the unique index decides)', async () => {
    const window = new SharedWindow('mongo-burst', { max: 5, windowMs: 60_000 })
    const taken = await Promise.all(Array.from({ length: 30 }, () => window.take(cms.payload, 'one-key')))
    expect(taken.filter((t) => t.ok)).toHaveLength(5)
    const refused = taken.find((t) => !t.ok)
    expect(refused && !refused.ok && refused.retryAfterMs).toBeGreaterThan(0)
  })

  it("holds an activity's capacity exactly: of 30 claims at once for 5 places, 5 succeed; a cancel frees one", async () => {
    const station = await cms.payload.create({
      collection: 'stations',
      data: {
        name: '测试实践站',
        type: 'station',
        street: 'kuishan',
        address: '某路 1 号',
        hours: '周一至周五',
      },
    })
    const start = Date.now() + 10 * 86_400_000
    const activity = await cms.payload.create({
      collection: 'activities',
      data: {
        title: 'MongoDB 上的接待日',
        kind: 'deliberation',
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(start + 3_600_000).toISOString(),
        station: station.id,
        description: '测试',
        bookable: true,
        capacity: 5,
        _status: 'published',
      },
    })
    const claims = await Promise.all(Array.from({ length: 30 }, () => claimPlace(cms.payload, activity.id)))
    expect(claims.filter(Boolean)).toHaveLength(5)
    expect((await readPlaces(cms.payload, [activity.id])).get(String(activity.id))).toEqual({
      capacity: 5,
      booked: 5,
    })
    const booking = await cms.payload.create({
      collection: 'bookings',
      data: { activity: activity.id, name: '测试', phone: '13900000001', status: 'booked' },
    })
    const twice = await Promise.all([
      leaveBooked(cms.payload, booking.id, 'cancelled', new Date().toISOString()),
      leaveBooked(cms.payload, booking.id, 'cancelled', new Date().toISOString()),
    ])
    expect(twice.filter(Boolean)).toHaveLength(1)
    await releasePlace(cms.payload, activity.id)
    expect(await claimPlace(cms.payload, activity.id)).toBe(true)
    expect(await claimPlace(cms.payload, activity.id)).toBe(false)
  })

  it('elects one builder: of ten claimants of the lease at once, one holds it until it expires', async () => {
    const queue = new BuildQueue(cms.payload)
    const now = Date.now()
    const leases = Array.from({ length: 10 }, (_, i) => queue.builderLease(`mongo-builder-${i}`, 1000))
    const held = await Promise.all(leases.map((lease) => lease.hold(now)))
    expect(held.filter(Boolean)).toHaveLength(1)
    const holder = leases[held.indexOf(true)]
    expect(await leases.find((l) => l !== holder)!.hold(now + 500)).toBe(false)
    expect(await leases.find((l) => l !== holder)!.hold(now + 2000)).toBe(true)
  })

  it('queues a publish as a rebuild request in its transaction, and the builder takes it once', async () => {
    const editor = await makeUser(cms.payload, 'editor')
    const queue = new BuildQueue(cms.payload)
    await cms.payload.create({
      collection: 'news',
      data: {
        title: 'MongoDB 上发布的新闻',
        category: 'news',
        body: toLexical(['正文']),
        publishedAt: '2026-12-01',
        _status: 'published',
      },
      overrideAccess: false,
      user: editor.user,
    })
    const pending = (await queue.pending()).filter((r) => r.title === 'MongoDB 上发布的新闻')
    expect(pending).toHaveLength(1)
    expect(pending[0]).toMatchObject({ source: 'news', operation: 'publish' })
    await queue.claim([pending[0].id], 'mongo-build')
    expect((await queue.pending()).filter((r) => r.title === 'MongoDB 上发布的新闻')).toEqual([])
  })

  it('seeds the base’s content and re-seeding changes nothing', async () => {
    const first = await seed(cms.payload)
    expect(first.nothingToDo).toBe(false)
    expect((await cms.payload.count({ collection: 'deputies' })).totalDocs).toBeGreaterThanOrEqual(40)
    const second = await seed(cms.payload)
    expect(second.nothingToDo).toBe(true)
  })

  it('hides drafts and users from anonymous readers', async () => {
    const canary = 'MONGO-CANARY-草稿'
    await cms.payload.create({
      collection: 'news',
      data: {
        title: canary,
        category: 'news',
        body: toLexical(['x']),
        publishedAt: '2026-01-01',
        _status: 'draft',
      },
      draft: true,
    })
    const { docs } = await cms.payload.find({
      collection: 'news',
      draft: true,
      overrideAccess: false,
      user: null,
      limit: 0,
    })
    expect(docs.some((d) => d.title === canary)).toBe(false)
    await expect(
      cms.payload.find({ collection: 'users', overrideAccess: false, user: null }),
    ).rejects.toMatchObject({
      status: 403,
    })
  })

  it('lets editors write content but not manage users', async () => {
    const { user } = await makeUser(cms.payload, 'editor')
    const doc = await cms.payload.create({
      collection: 'stations',
      data: { name: '蒙戈测试站', type: 'home', street: 'hubin', address: '路 1 号', hours: '工作日' },
      overrideAccess: false,
      user,
    })
    expect(doc.slug).toBe('meng-ge-ce-shi-zhan')
    await expect(
      cms.payload.create({
        collection: 'users',
        data: { email: 'x@example.org', password: 'x-123456789', role: 'admin' },
        overrideAccess: false,
        user,
      }),
    ).rejects.toMatchObject({ status: 403 })
  })
})
