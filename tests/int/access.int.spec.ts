import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Payload } from 'payload'

import { makeUser, openThrowawayCms, type ThrowawayCms } from '../helpers/cms.ts'
import { toLexical } from '../../cms/seed/lexical.ts'

/**
 * The access matrix through the Local API with overrideAccess: false, i.e. the rules the REST API,
 * the admin and the static build all go through.
 */

let cms: ThrowawayCms
let payload: Payload
type Actor = 'anonymous' | 'editor' | 'reviewer' | 'admin'
const users: Record<Exclude<Actor, 'anonymous'>, Awaited<ReturnType<typeof makeUser>>['user']> = {} as never
const as = (actor: Actor) => ({ overrideAccess: false, user: actor === 'anonymous' ? null : users[actor] })

/** Payload's Forbidden error (its message is translated to Chinese). */
const FORBIDDEN = { status: 403 }
const DRAFT_TITLE = 'CANARY-草稿-不应公开'
const ids: Record<string, { published: number | string; draft: number | string }> = {}
let stationId: number | string
let deputyId: number | string
let mediaId: number | string

async function sampleImage(): Promise<Buffer> {
  const { default: sharp } = await import('sharp')
  return sharp({ create: { width: 40, height: 30, channels: 3, background: '#a4161a' } })
    .png()
    .toBuffer()
}

const draftable = {
  news: (title: string) => ({
    title,
    category: 'news',
    body: toLexical(['正文']),
    publishedAt: '2026-01-01',
  }),
  lectures: (title: string) => ({ title, speaker: '王老师', topic: '人大制度', publishedAt: '2026-01-01' }),
  cases: (title: string) => ({
    title,
    category: 'elevator',
    street: 'kuishan',
    community: '矿山社区',
    request: '诉求',
    action: '履职',
    result: '结果',
    publishedAt: '2026-01-01',
  }),
  consultations: (title: string) => ({
    title,
    kind: 'policy',
    askedBy: '测试单位',
    summary: '征集说明',
    opensAt: '2026-01-01T00:00:00.000Z',
    closesAt: '2026-02-01T00:00:00.000Z',
    draftText: '第一条 测试条文。',
  }),
  activities: (title: string) => ({
    title,
    kind: 'deliberation',
    startsAt: '2026-01-10T01:00:00.000Z',
    endsAt: '2026-01-10T03:00:00.000Z',
    station: stationId,
    description: '活动介绍',
  }),
} as const
type Draftable = keyof typeof draftable

beforeAll(async () => {
  cms = await openThrowawayCms()
  payload = cms.payload
  users.admin = (await makeUser(payload, 'admin')).user
  users.editor = (await makeUser(payload, 'editor')).user
  users.reviewer = (await makeUser(payload, 'reviewer')).user
  stationId = (
    await payload.create({
      collection: 'stations',
      data: {
        name: '测试实践站',
        type: 'station',
        street: 'kuishan',
        address: '某路 1 号',
        hours: '周一至周五',
      },
    })
  ).id
  for (const collection of Object.keys(draftable) as Draftable[]) {
    const published = await payload.create({
      collection,
      data: { ...draftable[collection](`已发布-${collection}`), _status: 'published' } as never,
    })
    const draft = await payload.create({
      collection,
      data: { ...draftable[collection](`${DRAFT_TITLE}-${collection}`), _status: 'draft' } as never,
      draft: true,
    })
    ids[collection] = { published: published.id, draft: draft.id }
  }
  deputyId = (
    await payload.create({
      collection: 'deputies',
      data: { name: '单小明', level: 'district', street: 'kuishan' },
    })
  ).id
  const png = await sampleImage()
  mediaId = (
    await payload.create({
      collection: 'media',
      data: { alt: '测试图片' },
      file: { data: png, mimetype: 'image/png', name: 'access.png', size: png.length },
    })
  ).id
})

afterAll(async () => {
  await cms?.close()
})

describe.each(Object.keys(draftable) as Draftable[])('%s (drafts)', (collection) => {
  it('anonymous visitors list published documents only', async () => {
    const { docs } = await payload.find({ collection, ...as('anonymous'), limit: 100 })
    expect(docs.map((d) => d.title)).toEqual([`已发布-${collection}`])
  })

  it('anonymous visitors never see drafts, even asking for them', async () => {
    const { docs } = await payload.find({ collection, ...as('anonymous'), draft: true, limit: 100 })
    expect(docs.some((d) => String(d.title).startsWith(DRAFT_TITLE))).toBe(false)
    await expect(
      payload.findByID({ collection, id: ids[collection].draft, ...as('anonymous') }),
    ).rejects.toThrow()
    await expect(
      payload.findByID({ collection, id: ids[collection].draft, draft: true, ...as('anonymous') }),
    ).rejects.toThrow()
  })

  it('anonymous visitors see the published version while a newer draft is pending', async () => {
    await payload.update({
      collection,
      id: ids[collection].published,
      data: { title: `${DRAFT_TITLE}-pending` } as never,
      draft: true,
    })
    const doc = await payload.findByID({
      collection,
      id: ids[collection].published,
      draft: true,
      ...as('anonymous'),
    })
    expect(doc.title).toBe(`已发布-${collection}`)
    const versions = payload.findVersions({ collection, ...as('anonymous') })
    await expect(versions).rejects.toThrow()
  })

  it.each(['editor', 'reviewer', 'admin'] as const)('%s reads drafts and versions', async (actor) => {
    const { docs } = await payload.find({ collection, ...as(actor), draft: true, limit: 100 })
    expect(docs.length).toBe(2)
    const versions = await payload.findVersions({ collection, ...as(actor) })
    expect(versions.totalDocs).toBeGreaterThan(0)
  })

  it('anonymous visitors cannot create, update or delete', async () => {
    await expect(
      payload.create({ collection, data: draftable[collection]('匿名创建') as never, ...as('anonymous') }),
    ).rejects.toMatchObject(FORBIDDEN)
    await expect(
      payload.update({
        collection,
        id: ids[collection].published,
        data: { title: 'x' } as never,
        ...as('anonymous'),
      }),
    ).rejects.toMatchObject(FORBIDDEN)
    await expect(
      payload.delete({ collection, id: ids[collection].published, ...as('anonymous') }),
    ).rejects.toMatchObject(FORBIDDEN)
    const { totalDocs } = await payload.count({ collection, where: { title: { equals: '匿名创建' } } })
    expect(totalDocs).toBe(0)
  })

  // 先审后发 (review.int has the whole workflow): editors write drafts and never publish; reviewers and
  // admins publish what someone else wrote (双人审核 is on by default).
  it('editor writes and edits drafts, cannot publish, deletes', async () => {
    await expect(
      payload.create({
        collection,
        data: { ...draftable[collection]('editor-直接发布'), _status: 'published' } as never,
        ...as('editor'),
      }),
    ).rejects.toMatchObject({ status: 403 })
    const doc = await payload.create({
      collection,
      data: draftable[collection]('editor-新建') as never,
      draft: true,
      ...as('editor'),
    })
    const updated = await payload.update({
      collection,
      id: doc.id,
      data: { title: 'editor-已修改', reviewState: 'pending' } as never,
      draft: true,
      ...as('editor'),
    })
    expect(updated.title).toBe('editor-已修改')
    await expect(
      payload.update({ collection, id: doc.id, data: { _status: 'published' } as never, ...as('editor') }),
    ).rejects.toMatchObject({ status: 403 })
    // Staff move drafts to the trash (回收站); deleting for good is for admins.
    await payload.update({
      collection,
      id: doc.id,
      data: { deletedAt: new Date().toISOString() } as never,
      ...as('editor'),
    })
    expect((await payload.count({ collection, where: { id: { equals: doc.id } } })).totalDocs).toBe(0)
    await expect(payload.delete({ collection, id: doc.id, trash: true, ...as('editor') })).rejects.toThrow()
    await payload.delete({ collection, id: doc.id, trash: true, ...as('admin') })
  })

  it.each(['reviewer', 'admin'] as const)(
    '%s publishes an editor’s draft (an admin deletes it)',
    async (actor) => {
      const doc = await payload.create({
        collection,
        data: draftable[collection](`${actor}-审核`) as never,
        draft: true,
        ...as('editor'),
      })
      const published = await payload.update({
        collection,
        id: doc.id,
        data: { _status: 'published' } as never,
        ...as(actor),
      })
      expect(published._status).toBe('published')
      await payload.delete({ collection, id: doc.id, ...as('admin') })
      expect((await payload.count({ collection, where: { id: { equals: doc.id } } })).totalDocs).toBe(0)
    },
  )
})

describe.each(['deputies', 'stations', 'media'] as const)('%s (public)', (collection) => {
  const idOf = () => ({ deputies: deputyId, stations: stationId, media: mediaId })[collection]

  it('anyone reads them', async () => {
    const doc = await payload.findByID({ collection, id: idOf(), ...as('anonymous') })
    expect(doc.id).toBe(idOf())
  })

  it('anonymous visitors cannot change or delete them', async () => {
    const data = collection === 'media' ? { alt: '改' } : { name: '改名' }
    await expect(payload.update({ collection, id: idOf(), data, ...as('anonymous') })).rejects.toMatchObject(
      FORBIDDEN,
    )
    await expect(payload.delete({ collection, id: idOf(), ...as('anonymous') })).rejects.toMatchObject(
      FORBIDDEN,
    )
  })

  it.each(['editor', 'admin'] as const)('%s edits them', async (actor) => {
    const data = collection === 'media' ? { alt: `${actor} 改` } : { name: `${actor}改名` }
    // Deputies and stations are reviewed: staff save drafts (review.int publishes them).
    const doc = await payload.update({
      collection,
      id: idOf(),
      data,
      draft: collection !== 'media',
      ...as(actor),
    })
    expect(doc.id).toBe(idOf())
  })

  it('anonymous visitors cannot create them', async () => {
    if (collection === 'media') {
      const png = await sampleImage()
      await expect(
        payload.create({
          collection,
          data: { alt: '匿名上传' },
          file: { data: png, mimetype: 'image/png', name: 'anon.png', size: png.length },
          ...as('anonymous'),
        }),
      ).rejects.toMatchObject(FORBIDDEN)
    } else if (collection === 'stations') {
      await expect(
        payload.create({
          collection,
          data: { name: '匿名站', type: 'station', street: 'kuishan', address: '路', hours: '全天' },
          ...as('anonymous'),
        }),
      ).rejects.toMatchObject(FORBIDDEN)
    } else {
      await expect(
        payload.create({
          collection,
          data: { name: '匿名', level: 'district', street: 'kuishan' },
          ...as('anonymous'),
        }),
      ).rejects.toMatchObject(FORBIDDEN)
    }
  })

  it.each(['editor', 'admin'] as const)('%s creates and deletes them', async (actor) => {
    let id: number | string
    if (collection === 'media') {
      const png = await sampleImage()
      id = (
        await payload.create({
          collection,
          data: { alt: `${actor} 上传` },
          file: { data: png, mimetype: 'image/png', name: `${actor}.png`, size: png.length },
          ...as(actor),
        })
      ).id
    } else if (collection === 'stations') {
      id = (
        await payload.create({
          collection,
          data: { name: `${actor}站`, type: 'home', street: 'hubin', address: '路', hours: '全天' },
          ...as(actor),
        })
      ).id
    } else {
      id = (
        await payload.create({
          collection,
          data: { name: `${actor}代表`, level: 'city', street: 'hubin' },
          ...as(actor),
        })
      ).id
    }
    // Deleting for good is for admins (staff use the trash of deputies and stations).
    await payload.delete({ collection, id, ...as('admin') })
    expect((await payload.count({ collection, where: { id: { equals: id } } })).totalDocs).toBe(0)
  })
})

describe('users', () => {
  it('anonymous visitors cannot list, read, create, update or delete accounts', async () => {
    await expect(payload.find({ collection: 'users', ...as('anonymous') })).rejects.toMatchObject(FORBIDDEN)
    await expect(
      payload.findByID({ collection: 'users', id: users.admin.id, ...as('anonymous') }),
    ).rejects.toThrow()
    await expect(
      payload.create({
        collection: 'users',
        data: { email: 'anon@example.org', password: 'x-12345678', role: 'admin' },
        ...as('anonymous'),
      }),
    ).rejects.toMatchObject(FORBIDDEN)
    await expect(
      payload.update({ collection: 'users', id: users.editor.id, data: { name: 'x' }, ...as('anonymous') }),
    ).rejects.toThrow()
    await expect(
      payload.delete({ collection: 'users', id: users.editor.id, ...as('anonymous') }),
    ).rejects.toThrow()
  })

  it('editors see only their own account and cannot manage users', async () => {
    const { docs } = await payload.find({ collection: 'users', ...as('editor') })
    expect(docs.map((d) => d.id)).toEqual([users.editor.id])
    await expect(
      payload.create({
        collection: 'users',
        data: { email: 'new@example.org', password: 'x-12345678', role: 'editor' },
        ...as('editor'),
      }),
    ).rejects.toMatchObject(FORBIDDEN)
    await expect(
      payload.update({ collection: 'users', id: users.admin.id, data: { name: 'x' }, ...as('editor') }),
    ).rejects.toThrow()
    await expect(
      payload.delete({ collection: 'users', id: users.admin.id, ...as('editor') }),
    ).rejects.toThrow()
  })

  it('editors cannot promote themselves to admin', async () => {
    await payload.update({
      collection: 'users',
      id: users.editor.id,
      data: { role: 'admin', name: '自己' },
      ...as('editor'),
    })
    const me = await payload.findByID({ collection: 'users', id: users.editor.id })
    expect(me.role).toBe('editor')
    expect(me.name).toBe('自己')
  })

  it('admins create, promote and delete accounts', async () => {
    const created = await payload.create({
      collection: 'users',
      data: { email: 'made-by-admin@example.org', password: 'x-12345678', role: 'editor' },
      ...as('admin'),
    })
    const promoted = await payload.update({
      collection: 'users',
      id: created.id,
      data: { role: 'admin' },
      ...as('admin'),
    })
    expect(promoted.role).toBe('admin')
    await payload.delete({ collection: 'users', id: created.id, ...as('admin') })
    const { docs } = await payload.find({ collection: 'users', ...as('admin') })
    expect(docs.map((d) => d.role).sort()).toEqual(['admin', 'editor', 'reviewer'])
  })
})

describe('site settings', () => {
  it('anyone reads them; only staff change them', async () => {
    await payload.updateGlobal({ slug: 'site', data: { siteName: '测试站', organizer: '测试单位' } })
    const site = await payload.findGlobal({ slug: 'site', ...as('anonymous') })
    expect(site.siteName).toBe('测试站')
    await expect(
      payload.updateGlobal({ slug: 'site', data: { siteName: '黑' }, ...as('anonymous') }),
    ).rejects.toMatchObject(FORBIDDEN)
    const edited = await payload.updateGlobal({ slug: 'site', data: { siteName: '编辑改' }, ...as('editor') })
    expect(edited.siteName).toBe('编辑改')
  })
})

describe('messages (staff only; residents write through /api/messages/submit)', () => {
  const message = {
    category: 'noise',
    street: 'kuishan',
    body: '楼下装修每天早上七点就开始，影响休息。',
    name: '测试居民',
    phone: '13912345678',
    status: 'received',
    grade: 'normal',
  } as const
  let id: number | string

  beforeAll(async () => {
    id = (await payload.create({ collection: 'messages', data: message })).id
  })

  it('anonymous visitors can neither list, count, read, create, change nor delete them', async () => {
    const anon = as('anonymous')
    await expect(payload.find({ collection: 'messages', ...anon })).rejects.toMatchObject(FORBIDDEN)
    await expect(payload.count({ collection: 'messages', ...anon })).rejects.toMatchObject(FORBIDDEN)
    await expect(payload.findByID({ collection: 'messages', id, ...anon })).rejects.toMatchObject(FORBIDDEN)
    await expect(payload.create({ collection: 'messages', data: message, ...anon })).rejects.toMatchObject(
      FORBIDDEN,
    )
    await expect(
      payload.update({ collection: 'messages', id, data: { status: 'closed' }, ...anon }),
    ).rejects.toMatchObject(FORBIDDEN)
    await expect(payload.delete({ collection: 'messages', id, ...anon })).rejects.toMatchObject(FORBIDDEN)
    await expect(payload.find({ collection: 'message-photos', ...anon })).rejects.toMatchObject(FORBIDDEN)
  })

  it.each(['editor', 'admin'] as const)('%s reads the personal data and handles them', async (actor) => {
    const doc = await payload.findByID({ collection: 'messages', id, ...as(actor) })
    expect(doc.phone).toBe('13912345678')
    const updated = await payload.update({
      collection: 'messages',
      id,
      data: { status: 'assigned' },
      ...as(actor),
    })
    expect(updated.status).toBe('assigned')
  })

  it('only admins delete them', async () => {
    await expect(payload.delete({ collection: 'messages', id, ...as('editor') })).rejects.toMatchObject(
      FORBIDDEN,
    )
    await payload.delete({ collection: 'messages', id, ...as('admin') })
  })
})

describe('opinions (staff only; residents write through /api/opinions/submit)', () => {
  let id: number | string
  const opinion = () => ({
    consultation: ids.consultations.published as number,
    articleRef: 'art-1',
    articleLabel: '第一条',
    body: '建议第一条写得更具体一些。',
    name: '测试居民',
    phone: '13912345678',
    outcome: 'pending' as const,
  })

  beforeAll(async () => {
    id = (await payload.create({ collection: 'opinions', data: opinion() })).id
  })

  it('anonymous visitors can neither list, count, read, create, change nor delete them', async () => {
    const anon = as('anonymous')
    await expect(payload.find({ collection: 'opinions', ...anon })).rejects.toMatchObject(FORBIDDEN)
    await expect(payload.count({ collection: 'opinions', ...anon })).rejects.toMatchObject(FORBIDDEN)
    await expect(payload.findByID({ collection: 'opinions', id, ...anon })).rejects.toMatchObject(FORBIDDEN)
    await expect(payload.create({ collection: 'opinions', data: opinion(), ...anon })).rejects.toMatchObject(
      FORBIDDEN,
    )
    await expect(
      payload.update({ collection: 'opinions', id, data: { outcome: 'adopted' }, ...anon }),
    ).rejects.toMatchObject(FORBIDDEN)
    await expect(payload.delete({ collection: 'opinions', id, ...anon })).rejects.toMatchObject(FORBIDDEN)
  })

  it.each(['editor', 'admin'] as const)('%s reads the personal data and decides them', async (actor) => {
    const doc = await payload.findByID({ collection: 'opinions', id, ...as(actor) })
    expect(doc.phone).toBe('13912345678')
    const updated = await payload.update({
      collection: 'opinions',
      id,
      data: { outcome: 'partly', reason: '部分采纳的理由' },
      ...as(actor),
    })
    expect(updated.outcome).toBe('partly')
  })

  it('only admins delete them', async () => {
    await expect(payload.delete({ collection: 'opinions', id, ...as('editor') })).rejects.toMatchObject(
      FORBIDDEN,
    )
    await payload.delete({ collection: 'opinions', id, ...as('admin') })
  })
})

describe('bookings (staff only; residents book through /api/bookings/submit)', () => {
  let id: number | string
  const booking = () => ({
    activity: ids.activities.published as number,
    name: '测试预约人',
    phone: '13912345679',
    issue: '想反映的问题',
    status: 'booked' as const,
  })

  beforeAll(async () => {
    id = (await payload.create({ collection: 'bookings', data: booking() })).id
  })

  it('anonymous visitors can neither list, count, read, create, change nor delete them', async () => {
    const anon = as('anonymous')
    await expect(payload.find({ collection: 'bookings', ...anon })).rejects.toMatchObject(FORBIDDEN)
    await expect(payload.count({ collection: 'bookings', ...anon })).rejects.toMatchObject(FORBIDDEN)
    await expect(payload.findByID({ collection: 'bookings', id, ...anon })).rejects.toMatchObject(FORBIDDEN)
    await expect(payload.create({ collection: 'bookings', data: booking(), ...anon })).rejects.toMatchObject(
      FORBIDDEN,
    )
    await expect(
      payload.update({ collection: 'bookings', id, data: { status: 'cancelled' }, ...anon }),
    ).rejects.toMatchObject(FORBIDDEN)
    await expect(payload.delete({ collection: 'bookings', id, ...anon })).rejects.toMatchObject(FORBIDDEN)
    // Nor through the activity: its bookings are left out for them.
    const activity = await payload.findByID({
      collection: 'activities',
      id: ids.activities.published,
      depth: 2,
      ...anon,
    })
    expect(JSON.stringify(activity)).not.toContain('测试预约人')
  })

  it.each(['editor', 'admin'] as const)('%s reads the personal data and marks attendance', async (actor) => {
    const doc = await payload.findByID({ collection: 'bookings', id, ...as(actor) })
    expect(doc.phone).toBe('13912345679')
    const updated = await payload.update({
      collection: 'bookings',
      id,
      data: { status: 'attended' },
      ...as(actor),
    })
    expect(updated.status).toBe('attended')
  })

  it('only admins delete them', async () => {
    await expect(payload.delete({ collection: 'bookings', id, ...as('editor') })).rejects.toMatchObject(
      FORBIDDEN,
    )
    await payload.delete({ collection: 'bookings', id, ...as('admin') })
  })
})

describe('操作日志 (audit log: admins read; nobody writes, changes or deletes)', () => {
  it('only admins read it; nobody creates, changes or deletes an entry', async () => {
    const { docs } = await payload.find({ collection: 'audit-log', ...as('admin'), limit: 1 })
    expect(docs.length).toBe(1)
    const id = docs[0].id
    for (const actor of ['anonymous', 'editor'] as const)
      await expect(payload.find({ collection: 'audit-log', ...as(actor) })).rejects.toMatchObject(FORBIDDEN)
    for (const actor of ['anonymous', 'editor', 'admin'] as const) {
      await expect(
        payload.create({
          collection: 'audit-log',
          data: { action: 'login', at: new Date().toISOString() },
          ...as(actor),
        }),
      ).rejects.toMatchObject(FORBIDDEN)
      await expect(
        payload.update({ collection: 'audit-log', id, data: { detail: '伪造' }, ...as(actor) }),
      ).rejects.toMatchObject(FORBIDDEN)
      await expect(payload.delete({ collection: 'audit-log', id, ...as(actor) })).rejects.toMatchObject(
        FORBIDDEN,
      )
    }
  })
})
