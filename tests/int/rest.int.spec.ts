import fs from 'node:fs'
import path from 'node:path'

import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { buildAdminIfNeeded } from '../../scripts/lib/admin-build.ts'
import { startCmsServer, type CmsServer } from '../../scripts/lib/cms-server.ts'
import { seed } from '../../cms/seed/index.ts'
import { toLexical } from '../../cms/seed/lexical.ts'
import { makeUser, openThrowawayCms, type ThrowawayCms } from '../helpers/cms.ts'
import { freePort } from '../helpers/ports.ts'
import { ROOT } from '../../cms/paths.ts'

/**
 * The CMS as a visitor meets it: the built admin app (`next start cms`) on a freshly seeded
 * throwaway database, called over HTTP.
 */

const CANARY = 'CANARY草稿标题-REST'
let cms: ThrowawayCms
let server: CmsServer
let editorLogin: { email: string; password: string }
const published: Record<string, number> = {}

beforeAll(async () => {
  cms = await openThrowawayCms()
  await seed(cms.payload)
  for (const collection of ['news', 'lectures', 'cases', 'deputies', 'stations'] as const) {
    published[collection] = (
      await cms.payload.count({ collection, overrideAccess: false, user: null })
    ).totalDocs
  }
  await cms.payload.create({
    collection: 'news',
    data: {
      title: CANARY,
      category: 'notice',
      body: toLexical(['草稿正文']),
      publishedAt: '2026-11-01',
      _status: 'draft',
    },
    draft: true,
  })
  editorLogin = await makeUser(cms.payload, 'editor')
  await buildAdminIfNeeded(() => {})
  server = await startCmsServer({
    port: await freePort(),
    env: { DATABASE_URI: cms.databaseUri, DATA_DIR: cms.dataDir, PAYLOAD_SECRET: process.env.PAYLOAD_SECRET },
  })
})

afterAll(async () => {
  await server?.stop()
  await cms?.close()
})

const get = (path: string, init?: RequestInit) => fetch(`${server.url}${path}`, init)

describe('anonymous REST', () => {
  it.each(['news', 'lectures', 'cases', 'deputies', 'stations'])(
    '/api/%s lists the published documents',
    async (collection) => {
      const res = await get(`/api/${collection}?limit=1&depth=0`)
      expect(res.status).toBe(200)
      const body = (await res.json()) as { totalDocs: number }
      expect(body.totalDocs).toBe(published[collection])
      expect(body.totalDocs).toBeGreaterThan(0)
    },
  )

  it('never returns drafts, not even with ?draft=true', async () => {
    for (const query of [
      '',
      '?draft=true',
      `?draft=true&where[title][equals]=${encodeURIComponent(CANARY)}`,
    ]) {
      const res = await get(`/api/news${query}${query ? '&' : '?'}limit=200`)
      const text = await res.text()
      expect(text).not.toContain(CANARY)
    }
  })

  it('refuses /api/users', async () => {
    const res = await get('/api/users')
    expect(res.status).toBe(403)
    expect(await res.text()).not.toContain('@example.org')
  })

  it('refuses writes without login and stores nothing', async () => {
    const res = await get('/api/news', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: '匿名写入', category: 'news', _status: 'published' }),
    })
    expect(res.status).toBe(403)
    const del = await get('/api/stations?where[id][exists]=true', { method: 'DELETE' })
    expect([401, 403]).toContain(del.status)
    expect(
      (await cms.payload.count({ collection: 'news', where: { title: { equals: '匿名写入' } } })).totalDocs,
    ).toBe(0)
    expect((await cms.payload.count({ collection: 'stations' })).totalDocs).toBe(published.stations)
  })

  it('GraphQL is switched off: no users, no drafts, nothing (docs/decisions.md)', async () => {
    for (const q of [
      '{ Users { docs { email } } }',
      '{ NewsItems(draft: true, limit: 200) { docs { title } } }',
    ]) {
      const res = await get('/api/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: q }),
      })
      expect(res.status).toBe(404)
      const text = await res.text()
      expect(text).not.toContain('@example.org')
      expect(text).not.toContain(CANARY)
    }
  })

  it('never lists or reads residents’ messages, by REST or GraphQL', async () => {
    const { docs } = await cms.payload.find({ collection: 'messages', limit: 1, depth: 0 })
    expect(docs[0]?.phone).toBeTruthy()
    const secrets = [docs[0].phone, docs[0].name, docs[0].body]
    for (const path of [
      '/api/messages',
      `/api/messages/${docs[0].id}`,
      '/api/messages?where[status][exists]=true&depth=2',
      '/api/message-photos',
    ]) {
      const res = await get(path)
      expect([401, 403], path).toContain(res.status)
      const text = await res.text()
      for (const secret of secrets) expect(text, path).not.toContain(secret)
    }
    for (const q of [
      '{ Messages { docs { phone name body } } }',
      `{ Message(id: ${docs[0].id}) { phone name body } }`,
      '{ countMessages { totalDocs } }',
    ]) {
      const res = await get('/api/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: q }),
      })
      expect(res.status, q).toBe(404)
      const text = await res.text()
      for (const secret of secrets) expect(text, q).not.toContain(secret)
    }
  })

  it('answers a message form posted from the site without JavaScript with an HTML page', async () => {
    const body = new FormData()
    for (const [k, v] of Object.entries({ category: 'noise', street: 'heping', body: '短', consent: 'yes' }))
      body.set(k, v)
    const res = await get('/api/messages/submit', { method: 'POST', body })
    expect(res.status).toBe(422)
    expect(res.headers.get('content-type')).toContain('text/html')
    const html = await res.text()
    expect(html).toContain('请把情况写得具体一些')
    expect(html).toContain('请填写联系电话')
  })

  it('serves the admin login page in Chinese', async () => {
    const res = await get('/admin/login')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('登录')
    expect(html).not.toMatch(/>Login</)
  })
})

describe('editor over REST', () => {
  it('logs in, creates a draft, submits it (a reviewer publishes it), and cannot manage users', async () => {
    const login = await get('/api/users/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(editorLogin),
    })
    expect(login.status).toBe(200)
    const { token } = (await login.json()) as { token: string }
    const auth = { authorization: `JWT ${token}`, 'content-type': 'application/json' }

    const created = await get('/api/news?draft=true', {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({
        title: '编辑通过接口新建',
        category: 'news',
        body: toLexical(['正文']),
        publishedAt: '2026-11-20',
      }),
    })
    expect(created.status).toBe(201)
    const { doc } = (await created.json()) as { doc: { id: number; slug: string } }
    expect(doc.slug).toBe('bian-ji-tong-guo-jie-kou-xin-jian')
    expect(await (await get(`/api/news/${doc.id}`)).text()).not.toContain('编辑通过接口新建')

    // 先审后发: the editor's own publish is refused; submitted, a reviewer's publish goes through.
    const own = await get(`/api/news/${doc.id}`, {
      method: 'PATCH',
      headers: auth,
      body: JSON.stringify({ _status: 'published' }),
    })
    expect(own.status).toBe(403)
    const submit = await get(`/api/news/${doc.id}?draft=true`, {
      method: 'PATCH',
      headers: auth,
      body: JSON.stringify({ reviewState: 'pending' }),
    })
    expect(submit.status).toBe(200)
    const reviewerLogin = await makeUser(cms.payload, 'reviewer')
    const reviewer = await get('/api/users/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: reviewerLogin.email, password: reviewerLogin.password }),
    })
    const { token: reviewerToken } = (await reviewer.json()) as { token: string }
    const publish = await get(`/api/news/${doc.id}`, {
      method: 'PATCH',
      headers: { authorization: `JWT ${reviewerToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ _status: 'published' }),
    })
    expect(publish.status).toBe(200)
    expect(((await (await get(`/api/news/${doc.id}`)).json()) as { title: string }).title).toBe(
      '编辑通过接口新建',
    )

    const makeUserRes = await get('/api/users', {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ email: 'sneaky@example.org', password: 'x-123456789', role: 'admin' }),
    })
    expect(makeUserRes.status).toBe(403)
  })

  it('a bad slug over REST gets a 400 with the Chinese field message', async () => {
    const login = await get('/api/users/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(editorLogin),
    })
    const { token } = (await login.json()) as { token: string }
    const res = await get('/api/news', {
      method: 'POST',
      headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        title: '坏链接',
        slug: '中文',
        category: 'news',
        body: toLexical(['x']),
        publishedAt: '2026-01-01',
      }),
    })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('链接名只能由小写英文字母')
  })
})

describe('deputy import from the admin (POST /api/deputies/import)', () => {
  const header = '编号,姓名,层级,街道,实践站'
  const upload = async (csv: string, dryRun: boolean, token?: string) => {
    const body = new FormData()
    body.set('file', new File([csv], 'deputies.csv', { type: 'text/csv' }))
    body.set('dryRun', String(dryRun))
    return get('/api/deputies/import', {
      method: 'POST',
      body,
      headers: token ? { authorization: `JWT ${token}` } : {},
    })
  }
  const login = async () => {
    const res = await get('/api/users/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(editorLogin),
    })
    return ((await res.json()) as { token: string }).token
  }

  it('refuses anonymous visitors', async () => {
    const res = await upload(`${header}\nA-1,王五,区,奎山街道,`, false)
    expect(res.status).toBe(403)
  })

  it('reports bad rows in Chinese with 422 and writes nothing', async () => {
    const before = (await cms.payload.count({ collection: 'deputies' })).totalDocs
    const res = await upload(`${header}\nA-1,,区,奎山街道,\nA-2,赵六,镇,火星街道,`, false, await login())
    expect(res.status).toBe(422)
    const report = (await res.json()) as { lines: string[] }
    expect(report.lines).toContain('第 2 行「姓名」：不能为空。')
    expect(report.lines.some((l) => l.startsWith('第 3 行「街道」'))).toBe(true)
    expect((await cms.payload.count({ collection: 'deputies' })).totalDocs).toBe(before)
  })

  it('the shipped sample CSV imports as shipped; the photos it names but nobody sent are warnings', async () => {
    const token = await login()
    const sample = fs.readFileSync(path.join(ROOT, 'content', 'deputies-sample-262.csv'))
    const body = new FormData()
    body.set('file', new File([new Uint8Array(sample)], 'deputies-sample-262.csv', { type: 'text/csv' }))
    body.set('dryRun', 'true')
    const res = await get('/api/deputies/import', {
      method: 'POST',
      body,
      headers: { authorization: `JWT ${token}` },
    })
    expect(res.status).toBe(200)
    const report = (await res.json()) as {
      rows: number
      problems: unknown[]
      warnings: unknown[]
      lines: string[]
    }
    expect(report).toMatchObject({ rows: 262, problems: [] })
    expect(report.warnings).toHaveLength(6)
    expect(report.lines.filter((l) => /^提示：第 \d+ 行「照片」：没有找到照片/.test(l))).toHaveLength(6)
    expect(report.lines.at(-1)).toMatch(/检查通过：共 262 行/)
  })

  it('a sheet saved by Chinese Excel (GBK) imports, with its photo sent along', async () => {
    const token = await login()
    const csv = `${header},照片\r\nG-7,冀北辰,区,七里沟街道,,sample-photo-5.jpg\r\n`
    const body = new FormData()
    body.set('file', new File([new Uint8Array(iconv.encode(csv, 'gbk'))], '代表.csv', { type: 'text/csv' }))
    const photo = fs.readFileSync(path.join(ROOT, 'content', 'deputy-photos', 'sample-photo-5.jpg'))
    body.append('photos', new File([new Uint8Array(photo)], 'sample-photo-5.jpg', { type: 'image/jpeg' }))
    body.set('dryRun', 'false')
    const res = await get('/api/deputies/import', {
      method: 'POST',
      body,
      headers: { authorization: `JWT ${token}` },
    })
    expect(res.status).toBe(200)
    expect(((await res.json()) as { warnings: unknown[] }).warnings).toEqual([])
    const found = await cms.payload.find({
      collection: 'deputies',
      where: { code: { equals: 'G-7' } },
      depth: 1,
    })
    expect(found.docs[0]).toMatchObject({ name: '冀北辰', displayName: '冀北辰（七里沟街道 · 区人大代表）' })
    expect(typeof found.docs[0].photo === 'object' && found.docs[0].photo?.filename).toMatch(
      /^sample-photo-5/,
    )
  })

  it('a wrong header points to the template, which staff can download from the admin', async () => {
    const token = await login()
    const bad = await upload('name,street\n张三,奎山', false, token)
    expect(bad.status).toBe(400)
    const { message } = (await bad.json()) as { message: string }
    expect(message).toMatch(/下载导入模板/)
    expect(message).not.toMatch(/content\//)
    expect((await get('/api/deputies/import-template')).status).toBe(403)
    const template = await get('/api/deputies/import-template', {
      headers: { authorization: `JWT ${token}` },
    })
    expect(template.status).toBe(200)
    expect(template.headers.get('content-disposition')).toContain(encodeURIComponent('代表导入模板.csv'))
    const bytes = Buffer.from(await template.arrayBuffer())
    expect(bytes.equals(fs.readFileSync(path.join(ROOT, 'content', 'deputies-template.csv')))).toBe(true)
  })

  it('checks, then imports a clean file', async () => {
    const token = await login()
    const csv = `${header}\nA-9,钱七,市,湖滨街道,`
    const check = await upload(csv, true, token)
    expect(check.status).toBe(200)
    expect(((await check.json()) as { lines: string[] }).lines.at(-1)).toMatch(/检查通过/)
    const done = await upload(csv, false, token)
    expect(done.status).toBe(200)
    const found = await cms.payload.find({ collection: 'deputies', where: { code: { equals: 'A-9' } } })
    expect(found.docs[0]?.name).toBe('钱七')
    expect(found.docs[0]?.pinyin).toBe('qian qi')
  })
})

describe('site build status for the admin (GET /api/site-builds)', () => {
  it('is for staff only', async () => {
    expect((await get('/api/site-builds')).status).toBe(403)
    const login = await get('/api/users/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(editorLogin),
    })
    const { token } = (await login.json()) as { token: string }
    const res = await get('/api/site-builds', { headers: { authorization: `JWT ${token}` } })
    expect(res.status).toBe(200)
    const status = (await res.json()) as { builds: unknown[]; live?: string }
    expect(Array.isArray(status.builds)).toBe(true)
    expect(status.live).toBeUndefined()
  })
})

describe('draft preview (GET /api/preview)', () => {
  const draftId = async () =>
    (await cms.payload.find({ collection: 'news', where: { title: { equals: CANARY } }, draft: true }))
      .docs[0].id

  it("shows editors the draft rendered by the site's own page, never cached, leaving nothing behind", async () => {
    const login = await get('/api/users/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(editorLogin),
    })
    const { token } = (await login.json()) as { token: string }
    const auth = { headers: { authorization: `JWT ${token}` } }
    const leftovers = () =>
      fs.readdirSync(path.join(ROOT, 'tmp')).filter((f) => f.startsWith('minhu-preview-'))
    const before = leftovers()

    // First a "please wait" page that reloads itself into the rendering.
    const waiting = await get(`/api/preview?collection=news&id=${await draftId()}`, auth)
    expect(waiting.status).toBe(200)
    const wait = await waiting.text()
    expect(wait).toContain('正在按网站的样式生成预览')
    const next = wait.match(/http-equiv="refresh" content="0;url=([^"]+)"/)![1].replace(/&#38;/g, '&')
    expect(next).toContain('render=1')

    const res = await get(next, auth)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const html = await res.text()
    expect(html).toContain('<html lang="zh-CN"')
    expect(html).toMatch(new RegExp(`<h1[^>]*>${CANARY}</h1>`))
    expect(html).toContain('尚未发布的草稿')
    expect(html).toContain('<meta name="robots" content="noindex">')
    // The site's header, navigation and footer, styled inline, linking to the live site.
    expect(html).toContain('class="site-header')
    expect(html).toContain('<footer')
    expect(html).toContain('<style>')
    expect(html).not.toContain('/_astro/')
    expect(html).toMatch(/href="http:\/\/127\.0\.0\.1:\d+\/news\/"/)
    expect(leftovers()).toEqual(before)
  })

  it('refuses anonymous visitors without showing anything of the draft', async () => {
    const res = await get(`/api/preview?collection=news&id=${await draftId()}`)
    expect(res.status).toBe(403)
    expect(await res.text()).not.toContain(CANARY)
    expect((await get('/api/preview?collection=users&id=1')).status).toBe(403)
  })
})
