import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CollectionSlug, Payload } from 'payload'

import { seed } from '../../cms/seed/index.ts'
import type { StreetKey } from '../../vocabulary/options.ts'
import { makeUser, openThrowawayCms, type ThrowawayCms } from '../helpers/cms.ts'

/**
 * 按街道分工: an editor or reviewer with streets or stations on their account sees and edits only the content,
 * messages and bookings of those, in every operation (Local API with access checks on); admins and staff
 * without an area see the whole district.
 */

let cms: ThrowawayCms
let payload: Payload
type Person = Awaited<ReturnType<typeof makeUser>>['user']
let streetEditor: Person
let stationReviewer: Person
let districtEditor: Person
let admin: Person
const STREET: StreetKey = 'kuishan'
let otherStation: { id: number; street: string }
let streetStations: number[] = []

const as = (user: Person) => ({ overrideAccess: false as const, user })
const idOf = (v: unknown) =>
  v && typeof v === 'object' ? (v as { id: number }).id : (v as number | undefined)

async function scoped(role: 'editor' | 'reviewer', area: { streets?: StreetKey[]; stations?: number[] }) {
  const { user } = await makeUser(payload, role)
  const updated = await payload.update({ collection: 'users', id: user.id, data: area, overrideAccess: true })
  return { ...updated, collection: 'users' as const } as Person
}

beforeAll(async () => {
  cms = await openThrowawayCms()
  payload = cms.payload
  await seed(payload)
  const stations = (await payload.find({ collection: 'stations', limit: 0, pagination: false, draft: true }))
    .docs as unknown as { id: number; street: string }[]
  streetStations = stations.filter((s) => s.street === STREET).map((s) => s.id)
  otherStation = stations.find((s) => s.street !== STREET)!
  expect(streetStations.length).toBeGreaterThan(0)
  streetEditor = await scoped('editor', { streets: [STREET] })
  stationReviewer = await scoped('reviewer', { stations: [otherStation.id] })
  districtEditor = (await makeUser(payload, 'editor')).user
  admin = (await makeUser(payload, 'admin')).user
  // A message handled at the other station, a booking at an activity in the street and one elsewhere.
  const [message] = (await payload.find({ collection: 'messages', limit: 1, depth: 0 })).docs
  await payload.update({
    collection: 'messages',
    id: message.id,
    data: { station: otherStation.id },
    overrideAccess: true,
    context: { seed: true },
  })
  const activities = (await payload.find({ collection: 'activities', limit: 0, pagination: false, depth: 0 }))
    .docs
  const inStreet = activities.find((a) => streetStations.includes(idOf(a.station)!))!
  const elsewhere = activities.find((a) => idOf(a.station) === otherStation.id)!
  expect(inStreet && elsewhere).toBeTruthy()
  for (const [activity, phone] of [
    [inStreet, '13900000001'],
    [elsewhere, '13900000002'],
  ] as const)
    await payload.create({
      collection: 'bookings',
      data: { activity: activity.id, name: '测试', phone, status: 'booked' },
      overrideAccess: true,
    })
})

afterAll(async () => {
  await cms?.close()
})

/** Every document of a collection with its street and station, read without access checks. */
async function all(collection: CollectionSlug) {
  const { docs } = await payload.find({ collection, limit: 0, pagination: false, depth: 1, draft: true })
  return docs as unknown as Record<string, unknown>[]
}

const belongs = (doc: Record<string, unknown>, streets: string[], stations: number[]) =>
  (typeof doc.street === 'string' && streets.includes(doc.street)) ||
  stations.includes(idOf(doc.station) ?? -1) ||
  stations.includes(idOf((doc.activity as { station?: unknown } | undefined)?.station) ?? -1)

const scopedCollections = ['cases', 'deputies', 'stations', 'activities', 'messages', 'bookings'] as const

describe('an editor with a street', () => {
  it.each(scopedCollections)(
    '%s: lists, counts and single reads show only that street',
    async (collection) => {
      const docs = await all(collection)
      const stations = collection === 'stations' ? [] : streetStations
      const expected = docs
        .filter((d) => (collection === 'stations' ? d.street === STREET : belongs(d, [STREET], stations)))
        .map((d) => d.id)
        .sort()
      expect(expected.length).toBeGreaterThan(0)
      expect(expected.length).toBeLessThan(docs.length)
      const seen = await payload.find({
        collection,
        limit: 0,
        pagination: false,
        draft: true,
        ...as(streetEditor),
      })
      expect(seen.docs.map((d) => d.id).sort()).toEqual(expected)
      const counted = await payload.count({ collection, ...as(streetEditor) })
      expect(counted.totalDocs).toBe(expected.length)
      const outside = docs.find((d) => !expected.includes(d.id))!
      await expect(
        payload.findByID({ collection, id: outside.id as number, draft: true, ...as(streetEditor) }),
      ).rejects.toThrow()
    },
  )

  it('cannot change, delete or create outside the street; can inside', async () => {
    const cases = await all('cases')
    const outside = cases.find((c) => c.street !== STREET)!
    await expect(
      payload.update({
        collection: 'cases',
        id: outside.id as number,
        data: { summary: '越权修改' },
        draft: true,
        ...as(streetEditor),
      }),
    ).rejects.toThrow()
    await expect(
      payload.delete({ collection: 'cases', id: outside.id as number, ...as(streetEditor) }),
    ).rejects.toThrow()
    const template = cases.find((c) => c.street === STREET)!
    const data = {
      title: '越界新建的案例',
      category: template.category,
      street: 'duanzhuang',
      request: template.request,
      action: template.action,
      result: template.result,
      publishedAt: '2026-12-01',
    }
    await expect(
      payload.create({ collection: 'cases', data: data as never, draft: true, ...as(streetEditor) }),
    ).rejects.toThrow(/负责的街道或实践站范围/)
    const mine = await payload.create({
      collection: 'cases',
      data: { ...data, title: '本街道新建的案例', street: STREET } as never,
      draft: true,
      ...as(streetEditor),
    })
    expect(mine.street).toBe(STREET)
  })

  it('news, lectures and consultations stay district-wide', async () => {
    for (const collection of ['news', 'lectures', 'consultations'] as const) {
      const total = (await payload.count({ collection })).totalDocs
      expect((await payload.count({ collection, ...as(streetEditor) })).totalDocs).toBe(total)
    }
  })

  it('cannot widen their own area', async () => {
    await payload.update({
      collection: 'users',
      id: streetEditor.id,
      data: { streets: [STREET, 'duanzhuang'] },
      ...as(streetEditor),
    })
    const me = await payload.findByID({ collection: 'users', id: streetEditor.id, overrideAccess: true })
    expect(me.streets).toEqual([STREET])
  })
})

describe('a reviewer with a station', () => {
  it('sees that station’s messages and bookings, not the street’s others', async () => {
    for (const collection of ['messages', 'bookings'] as const) {
      const docs = await all(collection)
      const expected = docs
        .filter((d) => belongs(d, [], [otherStation.id]))
        .map((d) => d.id)
        .sort()
      const seen = await payload.find({ collection, limit: 0, pagination: false, ...as(stationReviewer) })
      expect(seen.docs.map((d) => d.id).sort()).toEqual(expected)
      expect(expected.length).toBeGreaterThan(0)
      expect(expected.length).toBeLessThan(docs.length)
    }
  })
})

describe('without an area', () => {
  it.each(scopedCollections)('%s: district editors and admins see everything', async (collection) => {
    const total = (await all(collection)).length
    for (const user of [districtEditor, admin])
      expect(
        (await payload.find({ collection, limit: 0, pagination: false, draft: true, ...as(user) })).docs
          .length,
      ).toBe(total)
  })
})
