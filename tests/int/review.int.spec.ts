import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Payload } from 'payload'

import { toLexical } from '../../cms/seed/lexical.ts'
import { REVIEW_REFUSALS } from '../../vocabulary/review.ts'
import { makeUser, openThrowawayCms, type ThrowawayCms } from '../helpers/cms.ts'

/**
 * 先审后发 through the Local API with access checks on: editors write and submit, reviewers return with a
 * comment or approve (publish), nobody approves their own change while 双人审核 is on (the default), a
 * change after a scheduled approval voids the schedule.
 */

let cms: ThrowawayCms
let payload: Payload
type Person = Awaited<ReturnType<typeof makeUser>>['user']
let editor: Person
let reviewer: Person
let secondReviewer: Person
let admin: Person

const as = (user: Person) => ({ overrideAccess: false as const, user })
const anonymous = { overrideAccess: false as const, user: null }

beforeAll(async () => {
  cms = await openThrowawayCms()
  payload = cms.payload
  editor = (await makeUser(payload, 'editor')).user
  reviewer = (await makeUser(payload, 'reviewer')).user
  secondReviewer = (await makeUser(payload, 'reviewer')).user
  admin = (await makeUser(payload, 'admin')).user
})

afterAll(async () => {
  await cms?.close()
})

async function draftNews(title: string, by: Person = editor) {
  return payload.create({
    collection: 'news',
    data: { title, category: 'news', body: toLexical(['正文第一段']), publishedAt: '2026-12-01' },
    draft: true,
    ...as(by),
  })
}

async function publicTitles() {
  return (await payload.find({ collection: 'news', limit: 100, ...anonymous })).docs.map((d) => d.title)
}

/** The message a refused save gives (Payload's APIError carries it as is). */
async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    return (error as Error).message
  }
  throw new Error('expected the save to be refused')
}

describe('editor → reviewer → site', () => {
  it('an editor cannot publish, neither a new item nor a draft of theirs', async () => {
    await expect(
      payload.create({
        collection: 'news',
        data: {
          title: '编辑直接发布',
          category: 'news',
          body: toLexical(['正文']),
          publishedAt: '2026-12-01',
          _status: 'published',
        },
        ...as(editor),
      }),
    ).rejects.toMatchObject({ status: 403 })
    const draft = await draftNews('编辑的草稿')
    expect(draft.reviewState).toBe('draft')
    expect(draft.changedBy).toBeTruthy()
    await expect(
      payload.update({ collection: 'news', id: draft.id, data: { _status: 'published' }, ...as(editor) }),
    ).rejects.toMatchObject({ status: 403 })
    expect(await publicTitles()).not.toContain('编辑的草稿')
  })

  it('submit, return with a comment the editor reads, fix, approve: the page goes live', async () => {
    const draft = await draftNews('社区议事会通知')
    const submitted = await payload.update({
      collection: 'news',
      id: draft.id,
      data: { reviewState: 'pending' },
      draft: true,
      ...as(editor),
    })
    expect(submitted.reviewState).toBe('pending')
    expect(String((submitted.submittedBy as { id?: number })?.id ?? submitted.submittedBy)).toBe(
      String(editor.id),
    )

    // A return needs words for the editor.
    expect(
      await refusal(
        payload.update({
          collection: 'news',
          id: draft.id,
          data: { reviewState: 'returned', reviewComment: '  ' },
          draft: true,
          ...as(reviewer),
        }),
      ),
    ).toBe(REVIEW_REFUSALS.returnNeedsComment)
    // Editors do not return.
    expect(
      await refusal(
        payload.update({
          collection: 'news',
          id: draft.id,
          data: { reviewState: 'returned', reviewComment: '自己退回' },
          draft: true,
          ...as(editor),
        }),
      ),
    ).toBe(REVIEW_REFUSALS.returnByEditor)

    await payload.update({
      collection: 'news',
      id: draft.id,
      data: { reviewState: 'returned', reviewComment: '请补充议事会的时间和地点。' },
      draft: true,
      ...as(reviewer),
    })
    const seen = await payload.findByID({ collection: 'news', id: draft.id, draft: true, ...as(editor) })
    expect(seen.reviewState).toBe('returned')
    expect(seen.reviewComment).toBe('请补充议事会的时间和地点。')

    // The editor fixes it: still returned (and the comment still there) until submitted again.
    const fixed = await payload.update({
      collection: 'news',
      id: draft.id,
      data: { summary: '12月5日下午在段庄社区议事厅召开。' },
      draft: true,
      ...as(editor),
    })
    expect(fixed.reviewState).toBe('returned')
    expect(fixed.reviewComment).toBe('请补充议事会的时间和地点。')
    const again = await payload.update({
      collection: 'news',
      id: draft.id,
      data: { reviewState: 'pending' },
      draft: true,
      ...as(editor),
    })
    expect(again.reviewState).toBe('pending')
    expect(again.reviewComment).toBeFalsy()
    expect(await publicTitles()).not.toContain('社区议事会通知')

    const approved = await payload.update({
      collection: 'news',
      id: draft.id,
      data: { _status: 'published' },
      ...as(reviewer),
    })
    expect(approved.reviewState).toBe('published')
    expect(String((approved.reviewedBy as { id?: number })?.id ?? approved.reviewedBy)).toBe(
      String(reviewer.id),
    )
    expect(await publicTitles()).toContain('社区议事会通知')
    const onSite = (
      await payload.find({ collection: 'news', where: { title: { equals: '社区议事会通知' } }, ...anonymous })
    ).docs[0] as unknown as Record<string, unknown>
    expect(onSite.summary).toBe('12月5日下午在段庄社区议事厅召开。')
    // Who reviewed what is not site content.
    for (const field of ['reviewState', 'reviewComment', 'changedBy', 'submittedBy', 'reviewedBy'])
      expect(onSite).not.toHaveProperty(field)
  })

  it('an edit of a published page waits for review; the site keeps the approved text until then', async () => {
    const draft = await draftNews('已发布后再修改')
    await payload.update({
      collection: 'news',
      id: draft.id,
      data: { _status: 'published' },
      ...as(reviewer),
    })
    await payload.update({
      collection: 'news',
      id: draft.id,
      data: { title: '已发布后再修改（新标题）', reviewState: 'pending' },
      draft: true,
      ...as(editor),
    })
    expect(await publicTitles()).toContain('已发布后再修改')
    expect(await publicTitles()).not.toContain('已发布后再修改（新标题）')
    // Editing the published page in place (no draft) is publishing: refused for the editor.
    await expect(
      payload.update({ collection: 'news', id: draft.id, data: { title: '绕过审核' }, ...as(editor) }),
    ).rejects.toMatchObject({ status: 403 })
    await payload.update({
      collection: 'news',
      id: draft.id,
      data: { _status: 'published' },
      ...as(reviewer),
    })
    expect(await publicTitles()).toContain('已发布后再修改（新标题）')
  })

  it('the lists filter by review state', async () => {
    const pending = await draftNews('待审核列表项')
    await payload.update({
      collection: 'news',
      id: pending.id,
      data: { reviewState: 'pending' },
      draft: true,
      ...as(editor),
    })
    const list = await payload.find({
      collection: 'news',
      where: { reviewState: { equals: 'pending' } },
      draft: true,
      limit: 100,
      ...as(reviewer),
    })
    expect(list.docs.map((d) => d.title)).toContain('待审核列表项')
    expect(list.docs.every((d) => d.reviewState === 'pending')).toBe(true)
  })
})

describe('双人审核', () => {
  it('nobody approves their own change, admins included; another reviewer may', async () => {
    const own = await draftNews('审核员自己写的', reviewer)
    expect(
      await refusal(
        payload.update({ collection: 'news', id: own.id, data: { _status: 'published' }, ...as(reviewer) }),
      ),
    ).toMatch(/双人审核|无权|not allowed/)
    const adminOwn = await draftNews('管理员自己写的', admin)
    await expect(
      payload.update({ collection: 'news', id: adminOwn.id, data: { _status: 'published' }, ...as(admin) }),
    ).rejects.toMatchObject({ status: 403 })
    await payload.update({
      collection: 'news',
      id: own.id,
      data: { _status: 'published' },
      ...as(secondReviewer),
    })
    expect(await publicTitles()).toContain('审核员自己写的')
  })

  it('a reviewer who edits while approving makes it their own change', async () => {
    const draft = await draftNews('审核时顺手修改')
    expect(
      await refusal(
        payload.update({
          collection: 'news',
          id: draft.id,
          data: { _status: 'published', summary: '审核员加的摘要' },
          ...as(reviewer),
        }),
      ),
    ).toBe(REVIEW_REFUSALS.ownEditWhilePublishing)
    expect(await publicTitles()).not.toContain('审核时顺手修改')
  })

  it('only admins switch it off; then a reviewer may publish their own change', async () => {
    await payload.updateGlobal({
      slug: 'site',
      data: { siteName: '实践基地', organizer: '区人大常委会' },
      overrideAccess: true,
    })
    await payload.updateGlobal({ slug: 'site', data: { dualReview: false }, ...as(editor) })
    expect((await payload.findGlobal({ slug: 'site', overrideAccess: true })).dualReview).toBe(true)
    await payload.updateGlobal({ slug: 'site', data: { dualReview: false }, ...as(admin) })
    expect((await payload.findGlobal({ slug: 'site', overrideAccess: true })).dualReview).toBe(false)
    try {
      const own = await draftNews('关闭双人审核后自己发布', reviewer)
      await payload.update({
        collection: 'news',
        id: own.id,
        data: { _status: 'published' },
        ...as(reviewer),
      })
      expect(await publicTitles()).toContain('关闭双人审核后自己发布')
      // Editors still never publish.
      const byEditor = await draftNews('关闭后编辑也不能发布')
      await expect(
        payload.update({
          collection: 'news',
          id: byEditor.id,
          data: { _status: 'published' },
          ...as(editor),
        }),
      ).rejects.toMatchObject({ status: 403 })
    } finally {
      await payload.updateGlobal({ slug: 'site', data: { dualReview: true }, ...as(admin) })
    }
  })

  it('taking a page off the site is for reviewers too', async () => {
    const draft = await draftNews('撤下权限')
    await payload.update({
      collection: 'news',
      id: draft.id,
      data: { _status: 'published' },
      ...as(reviewer),
    })
    expect(
      await refusal(
        payload.update({ collection: 'news', id: draft.id, data: { _status: 'draft' }, ...as(editor) }),
      ),
    ).toBe(REVIEW_REFUSALS.editorUnpublish)
    expect(await publicTitles()).toContain('撤下权限')
    await payload.update({ collection: 'news', id: draft.id, data: { _status: 'draft' }, ...as(reviewer) })
    expect(await publicTitles()).not.toContain('撤下权限')
  })
})

describe('回收站 under review', () => {
  it('an editor trashes a draft but not a page on the site; a reviewer may', async () => {
    const draft = await draftNews('编辑移入回收站的草稿')
    await payload.update({
      collection: 'news',
      id: draft.id,
      data: { deletedAt: new Date().toISOString() },
      ...as(editor),
    })
    const live = await draftNews('网站上的页面')
    await payload.update({ collection: 'news', id: live.id, data: { _status: 'published' }, ...as(reviewer) })
    expect(
      await refusal(
        payload.update({
          collection: 'news',
          id: live.id,
          data: { deletedAt: new Date().toISOString() },
          ...as(editor),
        }),
      ),
    ).toBe(REVIEW_REFUSALS.editorTrashPublished)
    expect(await publicTitles()).toContain('网站上的页面')
    await payload.update({
      collection: 'news',
      id: live.id,
      data: { deletedAt: new Date().toISOString() },
      ...as(reviewer),
    })
    expect(await publicTitles()).not.toContain('网站上的页面')
  })
})

describe('scheduled publishing under review', () => {
  it('a change after the reviewer scheduled it cancels the schedule; nothing unreviewed goes live', async () => {
    const draft = await draftNews('定时发布后又改了')
    await payload.jobs.queue({
      task: 'schedulePublish',
      input: {
        type: 'publish',
        doc: { relationTo: 'news', value: draft.id },
        user: { relationTo: 'users', value: reviewer.id },
      },
      waitUntil: new Date(Date.now() + 1000),
    })
    await payload.update({
      collection: 'news',
      id: draft.id,
      data: { title: '定时发布后又改了（未审核）' },
      draft: true,
      ...as(editor),
    })
    await new Promise((r) => setTimeout(r, 1300))
    await payload.jobs.run()
    const titles = await publicTitles()
    expect(titles).not.toContain('定时发布后又改了')
    expect(titles).not.toContain('定时发布后又改了（未审核）')
    const jobs = await payload.find({ collection: 'payload-jobs', limit: 0, overrideAccess: true })
    const forDraft = jobs.docs.filter(
      (job) => String((job.input as { doc?: { value?: unknown } })?.doc?.value) === String(draft.id),
    )
    expect(forDraft).toEqual([])
  })

  it('a reviewer cannot schedule their own change with 双人审核 on (the job refuses at its time)', async () => {
    const own = await draftNews('自己定时发布自己的', reviewer)
    await payload.jobs.queue({
      task: 'schedulePublish',
      input: {
        type: 'publish',
        doc: { relationTo: 'news', value: own.id },
        user: { relationTo: 'users', value: reviewer.id },
      },
      waitUntil: new Date(Date.now() + 500),
    })
    await new Promise((r) => setTimeout(r, 800))
    await payload.jobs.run()
    expect(await publicTitles()).not.toContain('自己定时发布自己的')
  })
})

describe('deputies and stations are reviewed too', () => {
  it('an editor’s change to a published deputy waits for review; the site shows the approved profile', async () => {
    const deputy = await payload.create({
      collection: 'deputies',
      data: { name: '审核测试代表', level: 'district', street: 'duanzhuang', _status: 'published' },
      overrideAccess: true,
    })
    expect(deputy.reviewState).toBe('published')
    await payload.update({
      collection: 'deputies',
      id: deputy.id,
      data: { commitments: '每月第一个周六接待群众。', reviewState: 'pending' },
      draft: true,
      ...as(editor),
    })
    const publicDeputy = await payload.findByID({ collection: 'deputies', id: deputy.id, ...anonymous })
    expect(publicDeputy.commitments ?? '').not.toContain('每月第一个周六')
    await payload.update({
      collection: 'deputies',
      id: deputy.id,
      data: { _status: 'published' },
      ...as(reviewer),
    })
    const after = await payload.findByID({ collection: 'deputies', id: deputy.id, ...anonymous })
    expect(after.commitments).toContain('每月第一个周六')
    // A draft deputy is not public at all.
    const hidden = await payload.create({
      collection: 'deputies',
      data: { name: '未审核代表', level: 'district', street: 'duanzhuang' },
      draft: true,
      ...as(editor),
    })
    const names = (await payload.find({ collection: 'deputies', limit: 500, ...anonymous })).docs.map(
      (d) => d.name,
    )
    expect(names).toContain('审核测试代表')
    expect(names).not.toContain('未审核代表')
    expect(hidden.reviewState).toBe('draft')
  })
})
