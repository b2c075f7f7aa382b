import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Payload } from 'payload'

import { renderToStaticMarkup } from 'react-dom/server'

import { Workbench } from '../../cms/components/Workbench.tsx'
import { toLexical } from '../../cms/seed/lexical.ts'
import { workbenchData, type WorkbenchData } from '../../cms/workbench/queries.ts'
import { makeUser, openThrowawayCms, type ThrowawayCms } from '../helpers/cms.ts'

/**
 * 工作台 (the admin's first page) through the Local API as each user, access checks on: an editor's own
 * drafts and returns and nobody else's; a reviewer's 待我审核 without their own change (双人审核); new and
 * overdue messages; opinions awaiting an outcome; a consultation closing soon; next week's bookings as a
 * count; the 栏目更新提醒 with the days set in 网站设置.
 */

const DAY = 86_400_000
let cms: ThrowawayCms
let payload: Payload
type Person = Awaited<ReturnType<typeof makeUser>>['user']
let editor: Person
let reviewer: Person
let otherReviewer: Person
const as = (user: Person) => ({ overrideAccess: false as const, user })
const system = { overrideAccess: true as const }
const iso = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString()
const titles = (rows: { title: string }[]) => rows.map((r) => r.title)

async function draftNews(title: string, by: Person) {
  return payload.create({
    collection: 'news',
    data: { title, category: 'news', body: toLexical(['正文']), publishedAt: iso(0) },
    draft: true,
    ...as(by),
  })
}
async function submit(collection: 'news' | 'lectures', id: number | string, by: Person) {
  await payload.update({ collection, id, data: { reviewState: 'pending' }, draft: true, ...as(by) })
}

const ids: Record<string, number | string> = {}

beforeAll(async () => {
  cms = await openThrowawayCms()
  payload = cms.payload
  editor = (await makeUser(payload, 'editor')).user
  reviewer = (await makeUser(payload, 'reviewer')).user
  otherReviewer = (await makeUser(payload, 'reviewer')).user
  await payload.updateGlobal({
    slug: 'site',
    data: { siteName: '测试网站', organizer: '测试单位' },
    ...system,
  })

  // The editor: a plain draft, a submitted one (pending) and one returned with a comment.
  await draftNews('编辑的草稿', editor)
  const pending = await draftNews('编辑提交的稿件', editor)
  await submit('news', pending.id, editor)
  const lecture = await payload.create({
    collection: 'lectures',
    data: { title: '被退回的讲座', speaker: '王老师', topic: '代表法', publishedAt: iso(0) },
    draft: true,
    ...as(editor),
  })
  await submit('lectures', lecture.id, editor)
  await payload.update({
    collection: 'lectures',
    id: lecture.id,
    data: { reviewState: 'returned', reviewComment: '请补充主讲人介绍。' },
    draft: true,
    ...as(reviewer),
  })
  // The reviewer's own change, submitted: not theirs to review, but the other reviewer's.
  const own = await draftNews('审核员自己的修改', reviewer)
  await submit('news', own.id, reviewer)
  await draftNews('另一位审核员的草稿', otherReviewer)

  // Published long ago (新闻动态) and yesterday (通知公告), by the system.
  await payload.create({
    collection: 'news',
    data: {
      title: '四十天前的新闻',
      category: 'news',
      body: toLexical(['旧闻']),
      publishedAt: iso(-40),
      _status: 'published',
    },
    ...system,
  })
  await payload.create({
    collection: 'news',
    data: {
      title: '昨天的通知',
      category: 'notice',
      body: toLexical(['通知']),
      publishedAt: iso(-1),
      _status: 'published',
    },
    ...system,
  })

  // Messages: one new, one overdue (in hand, deadline passed), one closed.
  const message = (code: string, status: string, receivedDays: number, deadlineDays: number) =>
    payload.create({
      collection: 'messages',
      data: {
        code,
        status: status as 'received',
        grade: 'normal',
        receivedAt: iso(receivedDays),
        deadline: iso(deadlineDays),
        category: 'other',
        street: 'wangling',
        body: '小区门口的路灯坏了很久，晚上出行不方便，希望尽快修好。',
        name: '王女士',
        phone: '13912345678',
      },
      ...system,
    })
  await message('WB-NEW-0001', 'received', -1, 14)
  await message('WB-LATE-0002', 'processing', -20, -4.5)
  await message('WB-DONE-0003', 'closed', -30, -10)

  // A consultation closing in 3 days, with one opinion awaiting an outcome.
  const consultation = await payload.create({
    collection: 'consultations',
    data: {
      title: '三天后截止的征集',
      slug: 'wb-closing',
      kind: 'legislation',
      askedBy: '区人大常委会',
      summary: '测试用的意见征集。',
      opensAt: iso(-10),
      closesAt: iso(3),
      _status: 'published',
    },
    ...system,
  })
  ids.consultation = consultation.id
  await payload.create({
    collection: 'opinions',
    data: {
      code: 'WB-OP-0001',
      consultation: consultation.id,
      body: '建议增加夜间开放时间。',
      outcome: 'pending',
      receivedAt: iso(-2),
    },
    ...system,
  })

  // An activity next week with two bookings (one cancelled).
  const station = await payload.create({
    collection: 'stations',
    data: {
      name: '测试联络站',
      slug: 'wb-station',
      type: 'station',
      street: 'wangling',
      address: '测试路 1 号',
      hours: '工作日 9:00-17:00',
      _status: 'published',
    },
    ...system,
  })
  const activity = await payload.create({
    collection: 'activities',
    data: {
      title: '下周的接待日',
      slug: 'wb-reception',
      kind: 'reception',
      startsAt: iso(4),
      endsAt: new Date(Date.now() + 4 * DAY + 2 * 3600_000).toISOString(),
      station: station.id,
      description: '测试用的代表接待日。',
      bookable: true,
      capacity: 20,
      _status: 'published',
    },
    ...system,
  })
  ids.activity = activity.id
  for (const [i, status] of (['booked', 'cancelled'] as const).entries())
    await payload.create({
      collection: 'bookings',
      data: {
        code: `WB-BK-000${i}`,
        activity: activity.id,
        name: '李先生',
        phone: `1391234560${i}`,
        status,
        bookedAt: iso(-1),
      },
      ...system,
    })
})

afterAll(async () => {
  await cms?.close()
})

describe('工作台 for an editor', () => {
  let data: WorkbenchData
  beforeAll(async () => {
    data = await workbenchData(payload, editor)
  })

  it('我的草稿 lists their own draft, not their submitted one nor anyone else’s', () => {
    expect(titles(data.drafts.rows)).toEqual(['编辑的草稿'])
    expect(data.drafts.count).toBe(1)
    expect(data.drafts.rows[0].state).toBe('草稿')
    expect(data.drafts.rows[0].href).toMatch(/^\/admin\/collections\/news\/\d+$/)
    const link = decodeURIComponent(data.drafts.links[0].href)
    expect(link).toContain('where[and][0][reviewState][equals]=draft')
    expect(link).toContain(`where[and][1][changedBy][equals]=${editor.id}`)
  })

  it('退回给我的 lists the returned lecture with the reviewer’s comment', () => {
    expect(titles(data.returned.rows)).toEqual(['被退回的讲座'])
    expect(data.returned.rows[0].state).toBe('已退回')
    expect(data.returned.rows[0].note).toBe('退回意见：请补充主讲人介绍。')
  })

  it('has no 待我审核 section', () => {
    expect(data.toReview).toBeNull()
  })

  it('来信 lists the new message and the overdue one, with how late it is, and no personal data', () => {
    expect(titles(data.messages.fresh.rows)).toEqual(['WB-NEW-0001'])
    expect(titles(data.messages.overdue.rows)).toEqual(['WB-LATE-0002'])
    expect(data.messages.overdue.rows[0].note).toBe('办结期限 已超期 5 天')
    expect(data.messages.overdue.rows[0].urgent).toBe(true)
    expect(JSON.stringify(data.messages)).not.toMatch(/王女士|13912345678|路灯/)
  })

  it('意见征集 lists the opinion awaiting an outcome and the consultation closing in 3 days', () => {
    expect(titles(data.opinions.rows)).toEqual(['WB-OP-0001'])
    expect(data.opinions.rows[0].note).toContain('三天后截止的征集')
    expect(titles(data.closingConsultations.rows)).toEqual(['三天后截止的征集'])
    expect(data.closingConsultations.rows[0].note).toBe('还有 3 天截止')
  })

  it('活动预约 counts next week’s bookings per activity, cancelled ones left out, no names', () => {
    expect(data.bookings.rows).toHaveLength(1)
    expect(data.bookings.rows[0]).toMatchObject({ title: '下周的接待日', note: '已预约 1 人 / 共 20 个名额' })
    expect(decodeURIComponent(data.bookings.rows[0].href)).toContain(
      `/admin/collections/bookings?where[activity][equals]=${ids.activity}`,
    )
    expect(JSON.stringify(data.bookings)).not.toMatch(/李先生|1391234560/)
  })
})

describe('工作台 for reviewers (双人审核 on)', () => {
  it('待我审核 lists the editor’s pending item but not the reviewer’s own change', async () => {
    const data = await workbenchData(payload, reviewer)
    expect(data.dualReview).toBe(true)
    expect(titles(data.toReview!.rows)).toEqual(['编辑提交的稿件'])
    expect(data.toReview!.rows[0].state).toBe('待审核')
    // Reviewers' own drafts are theirs; the editor's are not.
    expect(titles(data.drafts.rows)).toEqual([])
  })

  it('the other reviewer has both pending items to review', async () => {
    const data = await workbenchData(payload, otherReviewer)
    expect(titles(data.toReview!.rows).sort()).toEqual(['审核员自己的修改', '编辑提交的稿件'].sort())
    expect(titles(data.drafts.rows)).toEqual(['另一位审核员的草稿'])
  })
})

describe('栏目更新提醒', () => {
  it('fires for 新闻动态 (last item 40 days old, default 14 days) and not for a fresh 通知公告', async () => {
    const { reminders } = await workbenchData(payload, editor)
    const news = reminders.find((r) => r.label === '新闻动态')!
    expect(news).toMatchObject({ days: 14, age: 40, stale: true, lastTitle: '四十天前的新闻' })
    expect(reminders.find((r) => r.label === '通知公告')).toMatchObject({ days: 30, age: 1, stale: false })
    // Nothing published at all is a reminder too.
    expect(reminders.find((r) => r.label === '人大微讲堂')).toMatchObject({ lastDate: null, stale: true })
  })

  it('uses the days a reviewer sets in 网站设置; 0 switches a section off; editors cannot change them', async () => {
    await payload.updateGlobal({
      slug: 'site',
      data: { sectionReminders: { news: 45, lectures: 0 } },
      ...as(reviewer),
    })
    await payload.updateGlobal({ slug: 'site', data: { sectionReminders: { news: 1 } }, ...as(editor) })
    const { reminders } = await workbenchData(payload, editor)
    expect(reminders.find((r) => r.label === '新闻动态')).toMatchObject({ days: 45, age: 40, stale: false })
    expect(reminders.find((r) => r.label === '人大微讲堂')).toMatchObject({ days: 0, stale: false })
  })

  it('refuses a negative number of days with a message in Chinese', async () => {
    const refused = await payload
      .updateGlobal({ slug: 'site', data: { sectionReminders: { news: -3 } }, ...as(reviewer) })
      .then(
        () => null,
        (error: { data?: { errors?: { path: string; message: string }[] } }) => error.data?.errors,
      )
    expect(refused).toEqual([
      expect.objectContaining({ path: 'sectionReminders.news', message: expect.stringMatching(/0 到 3650/) }),
    ])
  })
})

describe('最近的网站更新', () => {
  it('reads the builds the dashboard table reads (none in a fresh CMS)', async () => {
    const { builds } = await workbenchData(payload, editor)
    expect(builds.last).toEqual([])
    expect(typeof builds.queued).toBe('boolean')
  })
})

describe('the 工作台 on the dashboard', () => {
  const page = async (user: Person) => renderToStaticMarkup((await Workbench({ payload, user }))!)

  it('shows an editor 我的草稿 with their draft linked to its edit page, and no 待我审核', async () => {
    const html = await page(editor)
    expect(html).toContain('工作台')
    expect(html).toMatch(/<h3 id="workbench-drafts"[^>]*>我的草稿/)
    expect(html).toMatch(/<a href="\/admin\/collections\/news\/\d+"[^>]*>编辑的草稿<\/a>/)
    expect(html).toContain('退回意见：请补充主讲人介绍。')
    expect(html).not.toContain('待我审核')
    expect(html).not.toContain('<script')
    // 新闻动态's days were raised to 45 above; 民生案例 has nothing published.
    expect(html).toMatch(
      /新闻动态<\/a>：最近一次发布在 \d{4}年\d+月\d+日（40 天前）<br\/><span[^>]*>每 45 天至少更新一次/,
    )
    expect(html).toMatch(/民生案例<\/a>：还没有发布过内容<br\/><span[^>]*>请及时发布内容。/)
  })

  it('shows a reviewer 待我审核 with the editor’s submission', async () => {
    const html = await page(reviewer)
    expect(html).toMatch(/<h3 id="workbench-review"[^>]*>待我审核/)
    expect(html).toContain('编辑提交的稿件')
  })
})
