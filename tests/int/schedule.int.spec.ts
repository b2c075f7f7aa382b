import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Payload } from 'payload'

import { toLexical } from '../../cms/seed/lexical.ts'
import { makeUser, openThrowawayCms, type ThrowawayCms } from '../helpers/cms.ts'
import { rebuildRequests } from '../helpers/rebuild.ts'

/**
 * Scheduled publishing: Payload's schedulePublish job publishes a draft at its time; the site follows. The
 * reviewer who schedules it approves it (先审后发; what a later change does to a schedule: review.int).
 */

let cms: ThrowawayCms
let payload: Payload

beforeAll(async () => {
  cms = await openThrowawayCms()
  payload = cms.payload
})

afterAll(async () => {
  await cms?.close()
})

describe('scheduled publishing', () => {
  it('publishes a draft when its time comes, and asks for a rebuild then', async () => {
    const { user } = await makeUser(payload, 'editor')
    const { user: reviewer } = await makeUser(payload, 'reviewer')
    const draft = await payload.create({
      collection: 'news',
      data: {
        title: '定时发布的通知',
        category: 'notice',
        body: toLexical(['正文']),
        publishedAt: '2026-11-27',
        reviewState: 'pending',
      },
      draft: true,
      overrideAccess: false,
      user,
    })
    const requestsBefore = (await rebuildRequests(payload)).length
    await payload.jobs.queue({
      task: 'schedulePublish',
      input: {
        type: 'publish',
        doc: { relationTo: 'news', value: draft.id },
        user: { relationTo: 'users', value: reviewer.id },
      },
      waitUntil: new Date(Date.now() + 1500),
    })
    const anonymous = { overrideAccess: false, user: null } as const

    await payload.jobs.run()
    expect((await payload.find({ collection: 'news', ...anonymous })).docs.map((d) => d.title)).not.toContain(
      '定时发布的通知',
    )

    await new Promise((r) => setTimeout(r, 1800))
    await payload.jobs.run()
    const visible = (await payload.find({ collection: 'news', ...anonymous })).docs.map((d) => d.title)
    expect(visible).toContain('定时发布的通知')
    const requests = (await rebuildRequests(payload)).slice(requestsBefore)
    expect(requests).toEqual([
      expect.objectContaining({
        source: 'news',
        docId: String(draft.id),
        operation: 'publish',
        build: 'waiting',
      }),
    ])
  })

  it('only a CMS server keeps the minute timer: a Local API process (builder, backup, probe) queues nothing', async () => {
    // Payload's timer queues scheduled tasks (the 意见征集 clock) at each full minute in every process that
    // has one, so a backup, a build or a test's probe would write a job into the database it reads.
    expect(payload.crons).toEqual([])
    const autoRun = payload.config.jobs.autoRun as (p: Payload) => unknown[]
    expect(autoRun(payload)).toEqual([])
    process.env.MINHU_CMS_SERVER = '1'
    try {
      expect(autoRun(payload)).toEqual([expect.objectContaining({ cron: '* * * * *', queue: 'default' })])
    } finally {
      delete process.env.MINHU_CMS_SERVER
    }
  })

  it('anonymous visitors and editors cannot read the job queue', async () => {
    await expect(
      payload.find({ collection: 'payload-jobs', overrideAccess: false, user: null }),
    ).rejects.toMatchObject({
      status: 403,
    })
    const { user } = await makeUser(payload, 'editor')
    await expect(
      payload.find({ collection: 'payload-jobs', overrideAccess: false, user }),
    ).rejects.toMatchObject({
      status: 403,
    })
  })
})
