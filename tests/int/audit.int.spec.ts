import { sql } from '@payloadcms/db-sqlite'
import { handleEndpoints, type Payload, type SanitizedConfig } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { AuditLog } from '../../cms/payload-types.ts'
import { toLexical } from '../../cms/seed/lexical.ts'
import { makeUser, openThrowawayCms, type ThrowawayCms } from '../helpers/cms.ts'

/**
 * The 操作日志 (issue 19 item 2) on a throwaway database: what is recorded for content, residents'
 * records, accounts, logins and exports (field names, never residents' values), who may read it, and
 * that nobody — REST with an admin's login, the Local API with or without access checks, raw SQL — can
 * change or delete an entry. REST through Payload's own handler, in process.
 */

let cms: ThrowawayCms
let payload: Payload
let config: SanitizedConfig
let admin: Awaited<ReturnType<typeof makeUser>>
let editor: Awaited<ReturnType<typeof makeUser>>
let adminToken: string
let editorToken: string

const NAME_CANARY = '金丝雀姓名'
const PHONE_CANARY = '13912345678'
const BODY_CANARY = '金丝雀正文：小区路灯坏了很久'

function call(path: string, init: RequestInit & { token?: string; ip?: string } = {}) {
  const headers = new Headers(init.headers)
  headers.set('x-forwarded-for', init.ip ?? '198.51.100.20')
  if (!headers.has('accept')) headers.set('accept', 'application/json')
  if (init.token) headers.set('authorization', `JWT ${init.token}`)
  return handleEndpoints({
    config,
    request: new Request(`http://127.0.0.1:3000${path}`, { ...init, headers }),
  })
}

const login = (email: string, password: string, ip?: string) =>
  call('/api/users/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
    ip,
  })

async function entries(where: Record<string, unknown> = {}): Promise<AuditLog[]> {
  const { docs } = await payload.find({
    collection: 'audit-log',
    where: where as never,
    sort: 'at',
    limit: 0,
    pagination: false,
    depth: 0,
  })
  return docs
}
const forDoc = (collection: string, id: number | string) =>
  entries({ and: [{ collection: { equals: collection } }, { documentId: { equals: String(id) } }] })

/** Failed logins are written without awaiting (cms/auth/login.ts): wait for them. */
async function eventually<T>(probe: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
  const end = Date.now() + ms
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 100))
  }
}

beforeAll(async () => {
  cms = await openThrowawayCms()
  payload = cms.payload
  config = payload.config
  admin = await makeUser(payload, 'admin')
  editor = await makeUser(payload, 'editor')
  const a = await login(admin.email, admin.password)
  adminToken = ((await a.json()) as { token: string }).token
  const e = await login(editor.email, editor.password)
  editorToken = ((await e.json()) as { token: string }).token
})

afterAll(async () => {
  await cms?.close()
})

describe('content changes', () => {
  it('records create, update with the changed field names, submit, approval, unpublish and delete of a news item', async () => {
    const as = { overrideAccess: false as const, user: editor.user }
    const reviewer = await makeUser(payload, 'reviewer')
    const asReviewer = { overrideAccess: false as const, user: reviewer.user }
    const news = await payload.create({
      collection: 'news',
      data: { title: '审计测试新闻', category: 'news', body: toLexical(['正文']), publishedAt: '2026-01-01' },
      draft: true,
      ...as,
    })
    await payload.update({
      collection: 'news',
      id: news.id,
      data: { title: '审计测试新闻（改）' },
      draft: true,
      ...as,
    })
    await payload.update({
      collection: 'news',
      id: news.id,
      data: { reviewState: 'pending' },
      draft: true,
      ...as,
    })
    // 先审后发: the reviewer's 发布 is the approval; taking it down is theirs too.
    await payload.update({ collection: 'news', id: news.id, data: { _status: 'published' }, ...asReviewer })
    await payload.update({ collection: 'news', id: news.id, data: { _status: 'draft' }, ...asReviewer })
    // Deleting for good is for admins (staff move things to the trash).
    await payload.delete({ collection: 'news', id: news.id, overrideAccess: false, user: admin.user })

    const log = await forDoc('news', news.id)
    expect(log.map((e) => e.action)).toEqual(['create', 'update', 'submit', 'approve', 'unpublish', 'delete'])
    expect(log[1].changedFields).toEqual(['title'])
    expect(log.map((e) => e.user)).toEqual([
      editor.user.id,
      editor.user.id,
      editor.user.id,
      reviewer.user.id,
      reviewer.user.id,
      admin.user.id,
    ])
    expect(log[0].userLabel).toContain(editor.email)
    expect(log[0].ip ?? null).toBeNull()
    expect(log[5].documentTitle).toBe('审计测试新闻（改）')
  })

  it('records a global change with its field names', async () => {
    await payload.updateGlobal({
      slug: 'site',
      data: { siteName: '民呼我应', organizer: '测试区人大常委会', dutyMinimum: 7 } as never,
      overrideAccess: false,
      user: admin.user,
    })
    const [entry] = (await entries({ collection: { equals: 'site' } })).slice(-1)
    expect(entry.action).toBe('update')
    expect(entry.changedFields).toEqual(expect.arrayContaining(['siteName', 'organizer', 'dutyMinimum']))
  })
})

describe("residents' records", () => {
  it('a message status change says from → to, names the fields and keeps no name, phone or text', async () => {
    const message = await payload.create({
      collection: 'messages',
      data: {
        category: 'other',
        street: 'kuishan',
        community: '矿山社区',
        body: BODY_CANARY,
        name: NAME_CANARY,
        phone: PHONE_CANARY,
      } as never,
      overrideAccess: true,
    })
    await payload.update({
      collection: 'messages',
      id: message.id,
      data: { status: 'processing', name: `${NAME_CANARY}改`, phone: '13987654321' },
      overrideAccess: false,
      user: editor.user,
    })
    const log = await forDoc('messages', message.id)
    const change = log.find((e) => e.action === 'statusChange')!
    expect(change).toBeTruthy()
    expect(change.detail).toBe('状态：已受理 → 办理中')
    expect(change.changedFields).toEqual(expect.arrayContaining(['name', 'phone', 'status']))
    expect(change.documentTitle).toBe(message.code)
    const stored = JSON.stringify(log)
    for (const canary of [NAME_CANARY, PHONE_CANARY, '13987654321', BODY_CANARY.slice(0, 8)])
      expect(stored).not.toContain(canary)
  })

  it("a resident's message from the public form is a 新建 with no account, named by code", async () => {
    const form = new FormData()
    const fields = {
      category: 'other',
      street: 'kuishan',
      community: '矿山社区',
      body: `${BODY_CANARY}（网站）`,
      name: NAME_CANARY,
      phone: '13712340000',
      consent: 'yes',
      website: '',
    }
    for (const [k, v] of Object.entries(fields)) form.append(k, v)
    const res = await call('/api/messages/submit', { method: 'POST', body: form, ip: '203.0.113.90' })
    expect(res.status).toBe(201)
    const { code } = (await res.json()) as { code: string }
    const [entry] = await entries({
      and: [{ collection: { equals: 'messages' } }, { documentTitle: { equals: code } }],
    })
    expect(entry).toMatchObject({ action: 'create', userLabel: '无登录账号' })
    expect(entry.user ?? null).toBeNull()
    expect(JSON.stringify(entry)).not.toContain(NAME_CANARY)
    expect(JSON.stringify(entry)).not.toContain('13712340000')
  })

  it('an opinion outcome change is a 状态变更 with the outcome labels', async () => {
    const consultation = await payload.create({
      collection: 'consultations',
      data: {
        title: '审计测试征集',
        kind: 'policy',
        askedBy: '测试单位',
        summary: '征集说明',
        opensAt: '2026-01-01T00:00:00.000Z',
        closesAt: '2026-02-01T00:00:00.000Z',
        draftText: '第一条 测试条文。',
      } as never,
      draft: true,
      overrideAccess: true,
    })
    const opinion = await payload.create({
      collection: 'opinions',
      data: {
        consultation: consultation.id,
        body: `${BODY_CANARY}（意见）`,
        name: NAME_CANARY,
        outcome: 'pending',
      },
      overrideAccess: true,
    })
    await payload.update({
      collection: 'opinions',
      id: opinion.id,
      data: { outcome: 'adopted', reason: '已在修改稿中采纳。' },
      overrideAccess: false,
      user: editor.user,
    })
    const log = await forDoc('opinions', opinion.id)
    const change = log.find((e) => e.action === 'statusChange')!
    expect(change.detail).toBe('处理结果：待研究 → 采纳')
    expect(change.changedFields).toEqual(expect.arrayContaining(['outcome', 'reason']))
    expect(JSON.stringify(log)).not.toContain(NAME_CANARY)
    expect(JSON.stringify(log)).not.toContain('已在修改稿中采纳')
  })
})

describe('accounts', () => {
  it('a role change is recorded as 角色变更 with the role labels', async () => {
    const other = await makeUser(payload, 'editor')
    await payload.update({
      collection: 'users',
      id: other.user.id,
      data: { role: 'admin' },
      overrideAccess: false,
      user: admin.user,
    })
    const change = (await forDoc('users', other.user.id)).find((e) => e.action === 'roleChange')!
    expect(change.detail).toBe('角色：编辑 → 管理员')
    expect(change.user).toBe(admin.user.id)
  })

  it('a login through REST is recorded with the client address', async () => {
    const res = await login(editor.email, editor.password, '203.0.113.77')
    expect(res.status).toBe(200)
    const entry = await eventually(
      async () =>
        (await entries({ and: [{ action: { equals: 'login' } }, { ip: { equals: '203.0.113.77' } }] }))[0],
    )
    expect(entry.user).toBe(editor.user.id)
    // Payload's own bookkeeping at login (sessions, attempts) is no 修改 of the account.
    expect((await forDoc('users', editor.user.id)).map((e) => e.action)).not.toContain('update')
  })

  it('failed logins name the account by id, or 未知账号; never the password or the address typed', async () => {
    const wrong = 'WrongPassword-CANARY-1'
    expect((await login(editor.email, wrong, '203.0.113.78')).status).toBe(401)
    const nobody = 'nobody-canary@example.org'
    expect((await login(nobody, wrong, '203.0.113.79')).status).toBe(401)
    const known = await eventually(
      async () =>
        (
          await entries({ and: [{ action: { equals: 'loginFailed' } }, { ip: { equals: '203.0.113.78' } }] })
        )[0],
    )
    expect(known.user).toBe(editor.user.id)
    const unknown = await eventually(
      async () =>
        (
          await entries({ and: [{ action: { equals: 'loginFailed' } }, { ip: { equals: '203.0.113.79' } }] })
        )[0],
    )
    expect(unknown.user ?? null).toBeNull()
    expect(unknown.userLabel).toBe('未知账号')
    const stored = JSON.stringify(await entries({ action: { equals: 'loginFailed' } }))
    expect(stored).not.toContain(wrong)
    expect(stored).not.toContain('nobody-canary')
  })
})

describe('exports', () => {
  it('the opinions XLSX and a message receipt are recorded as 导出', async () => {
    const consultation = (await payload.find({ collection: 'consultations', limit: 1, draft: true })).docs[0]
    const xlsx = await call(`/api/consultations/${consultation.id}/export`, { token: editorToken })
    expect(xlsx.status).toBe(200)
    const message = (await payload.find({ collection: 'messages', limit: 1 })).docs[0]
    const receipt = await call(`/api/messages/${message.id}/receipt`, {
      token: editorToken,
      headers: { accept: 'text/html' },
    })
    expect(receipt.status).toBe(200)
    const exported = await entries({ action: { equals: 'export' } })
    expect(exported.find((e) => e.collection === 'consultations')?.detail).toMatch(/^导出意见汇总 XLSX/)
    expect(exported.find((e) => e.collection === 'messages')?.detail).toBe('打印回执')
  })

  it('CSV for admins: BOM, Chinese headers, only the filtered rows; the export itself is logged', async () => {
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
    const res = await call(`/api/audit-log/export?from=${today}&to=${today}&collection=news`, {
      token: adminToken,
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/text\/csv/)
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder().decode(bytes.slice(3))
    const lines = text.trim().split('\r\n')
    expect(lines[0]).toBe('时间,操作人,操作,对象类型,文档编号,文档,改动字段,说明,IP 地址')
    expect(lines.length - 1).toBe((await entries({ collection: { equals: 'news' } })).length)
    expect(lines.slice(1).every((l) => l.includes(',新闻公告,'))).toBe(true)
    expect(text).toContain(',审核通过,')
    const logged = (
      await entries({ and: [{ action: { equals: 'export' } }, { collection: { equals: 'audit-log' } }] })
    )[0]
    expect(logged.user).toBe(admin.user.id)
    expect(logged.detail).toContain('collection=news')
  })

  it('editors and anonymous get 403; malformed dates 400 with a message', async () => {
    expect((await call('/api/audit-log/export', { token: editorToken })).status).toBe(403)
    expect((await call('/api/audit-log/export')).status).toBe(403)
    const bad = await call('/api/audit-log/export?from=2026-02-30', { token: adminToken })
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { message: string }).message).toMatch(/开始日期.*from/)
    expect((await call('/api/audit-log/export?action=hack', { token: adminToken })).status).toBe(400)
  })
})

describe('who may read, and nobody may change or delete', () => {
  it('admins read the log; editors and anonymous cannot (Local API and REST)', async () => {
    const all = await payload.find({
      collection: 'audit-log',
      overrideAccess: false,
      user: admin.user,
      limit: 1,
    })
    expect(all.totalDocs).toBeGreaterThan(0)
    await expect(
      payload.find({ collection: 'audit-log', overrideAccess: false, user: editor.user }),
    ).rejects.toThrow()
    await expect(
      payload.find({ collection: 'audit-log', overrideAccess: false, user: null }),
    ).rejects.toThrow()
    expect((await call('/api/audit-log', { token: adminToken })).status).toBe(200)
    expect((await call('/api/audit-log', { token: editorToken })).status).toBe(403)
    expect((await call('/api/audit-log')).status).toBe(403)
  })

  it('REST create, update and delete are refused, even with an admin login', async () => {
    const [entry] = await entries()
    const json = { 'content-type': 'application/json' }
    const body = JSON.stringify({ action: 'login', at: new Date().toISOString(), detail: '伪造' })
    for (const token of [adminToken, editorToken, undefined]) {
      expect((await call('/api/audit-log', { method: 'POST', headers: json, body, token })).status).toBe(403)
      expect(
        (await call(`/api/audit-log/${entry.id}`, { method: 'PATCH', headers: json, body, token })).status,
      ).toBe(403)
      expect((await call(`/api/audit-log/${entry.id}`, { method: 'DELETE', token })).status).toBe(403)
      expect(
        (await call(`/api/audit-log?where[id][equals]=${entry.id}`, { method: 'DELETE', token })).status,
      ).toBe(403)
    }
    const after = (await entries()).find((e) => e.id === entry.id)!
    expect(after).toEqual(entry)
  })

  it('the Local API refuses with access checks, and refuses updates and deletes even without them', async () => {
    const [entry] = await entries()
    const data = { detail: '伪造' }
    for (const user of [admin.user, editor.user, null]) {
      await expect(
        payload.create({
          collection: 'audit-log',
          data: { action: 'login', at: new Date().toISOString() },
          overrideAccess: false,
          user,
        }),
      ).rejects.toThrow()
      await expect(
        payload.update({ collection: 'audit-log', id: entry.id, data, overrideAccess: false, user }),
      ).rejects.toThrow()
      await expect(
        payload.delete({ collection: 'audit-log', id: entry.id, overrideAccess: false, user }),
      ).rejects.toThrow()
    }
    await expect(
      payload.update({ collection: 'audit-log', id: entry.id, data, overrideAccess: true }),
    ).rejects.toThrow(/append-only/)
    await expect(
      payload.delete({ collection: 'audit-log', id: entry.id, overrideAccess: true }),
    ).rejects.toThrow(/append-only/)
    await expect(
      payload.update({
        collection: 'audit-log',
        where: { id: { exists: true } },
        data,
        overrideAccess: true,
      }),
    ).resolves.toMatchObject({ docs: [] })
    expect((await entries()).find((e) => e.id === entry.id)).toEqual(entry)
  })

  it('raw SQL through the adapter cannot change or delete an entry (SQLite triggers)', async () => {
    const [entry] = await entries()
    const db = (payload.db as unknown as { drizzle: { run: (q: unknown) => Promise<unknown> } }).drizzle
    /** Drizzle wraps the driver's error ("Failed query: …"); SQLite's abort message is its cause. */
    const aborted = async (query: unknown) => {
      const error = await db.run(query).then(
        () => undefined,
        (e: unknown) => e as Error & { cause?: unknown },
      )
      expect(error, 'the statement went through').toBeDefined()
      expect(`${error?.message} ${String(error?.cause)}`).toMatch(/audit log is append-only/)
    }
    await aborted(sql`UPDATE audit_log SET detail = 'forged' WHERE id = ${entry.id}`)
    await aborted(sql`UPDATE audit_log SET user_id = ${editor.user.id} WHERE id = ${entry.id}`)
    await aborted(sql`DELETE FROM audit_log WHERE id = ${entry.id}`)
    await aborted(sql`DELETE FROM audit_log`)
    expect((await entries()).find((e) => e.id === entry.id)).toEqual(entry)
  })

  it('deleting an account keeps its entries, with who it was', async () => {
    const gone = await makeUser(payload, 'editor')
    await payload.update({
      collection: 'users',
      id: gone.user.id,
      data: { name: '将删除' },
      overrideAccess: false,
      user: gone.user,
    })
    const before = (await entries({ user: { equals: gone.user.id } })).length
    expect(before).toBeGreaterThan(0)
    await payload.delete({ collection: 'users', id: gone.user.id, overrideAccess: false, user: admin.user })
    const kept = await entries({ userLabel: { contains: gone.email } })
    expect(kept.length).toBe(before)
    expect(kept.every((e) => (e.user ?? null) === null)).toBe(true)
  })

  it('GraphQL is off', async () => {
    const res = await call('/api/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ AuditLogs { docs { id } } }' }),
      token: adminToken,
    })
    expect(res.status).not.toBe(200)
  })
})
