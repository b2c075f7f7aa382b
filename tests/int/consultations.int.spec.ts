import { REST_DELETE, REST_GET, REST_PATCH, REST_POST } from '@payloadcms/next/routes'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { makeUser, openThrowawayCms, type ThrowawayCms } from '../helpers/cms.ts'

/**
 * 意见征集 (issue 17) on the Local API and the REST API in process (the gate around Payload's handler,
 * as served): the seed, access to opinions and outcomes, the opinion endpoint's checks, the closing time
 * with an injected clock, the receipt and the export.
 */
process.env.OPINION_LIMIT_IP = '1000/1h'
process.env.OPINION_LIMIT_ATTEMPTS = '1000/1h'

let cms: ThrowawayCms
let payload: Payload
type Route = (request: Request, args: { params: Promise<{ slug: string[] }> }) => Promise<Response>
let routes: Record<string, Route>
let endpoints: typeof import('../../cms/consultations/endpoints.ts')
let editor: Awaited<ReturnType<typeof makeUser>>
let ip = 0

beforeAll(async () => {
  cms = await openThrowawayCms()
  payload = cms.payload
  const { seed } = await import('../../cms/seed/index.ts')
  await seed(payload)
  const { guardApi } = await import('../../cms/security/guard.ts')
  endpoints = await import('../../cms/consultations/endpoints.ts')
  const config = payload.config
  routes = Object.fromEntries(
    Object.entries({ GET: REST_GET, POST: REST_POST, PATCH: REST_PATCH, DELETE: REST_DELETE }).map(
      ([m, make]) => [m, guardApi(config, make(config)) as Route],
    ),
  )
  editor = await makeUser(payload, 'editor')
})

afterAll(async () => {
  await cms?.close()
})

function send(
  method: string,
  path: string,
  init: { headers?: Record<string, string>; body?: BodyInit } = {},
) {
  const url = `http://127.0.0.1:3000/api/${path}`
  const headers = new Headers({ 'x-forwarded-for': `10.9.${(++ip >> 8) & 255}.${ip & 255}`, ...init.headers })
  const request = new Request(url, { method, headers, body: init.body })
  const slug = new URL(url).pathname.replace(/^\/api\//, '').split('/')
  return routes[method](request, { params: Promise.resolve({ slug }) })
}

const submit = (fields: Record<string, string>, json = true) =>
  send('POST', 'opinions/submit', {
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(json ? { accept: 'application/json' } : {}),
    },
    body: new URLSearchParams(fields).toString(),
  })

const OPEN = 'ebike-charging-regulation-draft'
const CLOSED = 'livelihood-projects-2027'
const countOpinions = async () =>
  (await payload.count({ collection: 'opinions', overrideAccess: true })).totalDocs

describe('the seed', () => {
  it('adds an open and an answered consultation with their drafts split, and sample opinions', async () => {
    const { docs } = await payload.find({ collection: 'consultations', overrideAccess: false, user: null })
    const open = docs.find((d) => d.slug === OPEN)!
    const closed = docs.find((d) => d.slug === CLOSED)!
    expect(open.status).toBe('open')
    expect(closed.status).toBe('answered')
    expect(open.splitProblems ?? '').toBe('')
    expect(open.parts!.filter((p) => p.kind === 'article').map((p) => p.label)).toEqual([
      '第一条',
      '第二条',
      '第三条',
      '第三条之一',
      '第四条',
      '第五条',
      '第六条',
    ])
    expect(await countOpinions()).toBe(6)
  })
})

describe('access', () => {
  const anonymous = { overrideAccess: false as const, user: null }
  it('anonymous visitors never list, count, read or write opinions (Local API)', async () => {
    const one = (await payload.find({ collection: 'opinions', overrideAccess: true, limit: 1 })).docs[0]
    await expect(payload.find({ collection: 'opinions', ...anonymous })).rejects.toThrow()
    await expect(payload.count({ collection: 'opinions', ...anonymous })).rejects.toThrow()
    await expect(payload.findByID({ collection: 'opinions', id: one.id, ...anonymous })).rejects.toThrow()
    await expect(
      payload.update({ collection: 'opinions', id: one.id, data: { outcome: 'adopted' }, ...anonymous }),
    ).rejects.toThrow()
    await expect(payload.delete({ collection: 'opinions', id: one.id, ...anonymous })).rejects.toThrow()
    await expect(
      payload.create({
        collection: 'opinions',
        data: {
          consultation: one.consultation as number,
          body: '匿名直接写入的意见内容。',
          outcome: 'pending',
        },
        ...anonymous,
      }),
    ).rejects.toThrow()
    // Editors read them.
    const asEditor = await payload.find({ collection: 'opinions', overrideAccess: false, user: editor.user })
    expect(asEditor.totalDocs).toBe(6)
  })

  it('anonymous REST requests get no opinion, no name and no phone', async () => {
    for (const path of ['opinions', 'opinions/1', 'opinions?where[phone][exists]=true', 'opinions/count']) {
      const res = await send('GET', path)
      expect(res.status, path).toBeGreaterThanOrEqual(400)
      const text = await res.text()
      expect(text).not.toContain('0516-0000001')
      expect(text).not.toContain('示例居民')
    }
    const patched = await send('PATCH', 'opinions/1', {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ outcome: 'adopted' }),
    })
    expect(patched.status).toBeGreaterThanOrEqual(400)
    // GraphQL is off.
    expect((await send('POST', 'graphql', { body: '{}' })).status).toBeGreaterThanOrEqual(400)
  })

  it('a draft consultation is invisible, and outcomes stay hidden until its feedback is published', async () => {
    const draft = await payload.create({
      collection: 'consultations',
      draft: true,
      data: {
        title: '未发布的征集',
        kind: 'policy',
        askedBy: '测试单位',
        summary: '草稿',
        opensAt: new Date(Date.now() - 86_400_000).toISOString(),
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
        draftText: '第一条 测试条文内容。',
        _status: 'draft',
      },
      overrideAccess: true,
    })
    const seen = await payload.find({
      collection: 'consultations',
      ...anonymous,
      where: { id: { equals: draft.id } },
    })
    expect(seen.totalDocs).toBe(0)
    const res = await submit({
      consultation: draft.slug!,
      article: 'art-1',
      body: '对草稿征集提出的意见内容。',
    })
    expect(res.status).toBe(404)

    // The open consultation's pending sample opinion, marked 采纳 by an editor but not published.
    const pending = (
      await payload.find({
        collection: 'opinions',
        where: { code: { equals: 'SAMPC-AAAA7' } },
        overrideAccess: true,
      })
    ).docs[0]
    await payload.update({
      collection: 'opinions',
      id: pending.id,
      data: { outcome: 'adopted', reason: '内部拟采纳' },
      overrideAccess: false,
      user: editor.user,
    })
    const receipt = await send('GET', 'opinions/receipt?code=SAMPC-AAAA7', {
      headers: { accept: 'application/json' },
    })
    const body = (await receipt.json()) as { view: { outcomeLabel: string | null; reason: string | null } }
    expect(body.view.outcomeLabel).toBeNull()
    expect(body.view.reason).toBeNull()
    const { publicConsultationOpinions } = await import('../../cms/consultations/public.ts')
    const open = (
      await payload.find({
        collection: 'consultations',
        where: { slug: { equals: OPEN } },
        overrideAccess: true,
      })
    ).docs[0]
    const pub = await publicConsultationOpinions(payload)
    expect(pub.feedback[String(open.id)]).toBeUndefined()
    expect(JSON.stringify(pub)).not.toContain('内部拟采纳')
  })
})

describe('POST /api/opinions/submit', () => {
  it('takes an opinion on article 3 and answers with a receipt code; the receipt shows no personal data', async () => {
    const before = await countOpinions()
    const res = await submit({
      consultation: OPEN,
      article: 'art-3',
      body: '建议第三条明确物业公司清理楼道电动车的责任和时限。',
      name: '测试居民',
      phone: '0516-83861065',
      street: 'kuishan',
      website: '',
    })
    expect(res.status).toBe(201)
    const json = (await res.json()) as { code: string; receiptUrl: string }
    expect(json.code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/)
    expect(await countOpinions()).toBe(before + 1)
    const stored = (
      await payload.find({
        collection: 'opinions',
        where: { code: { equals: json.code } },
        overrideAccess: true,
      })
    ).docs[0]
    expect(stored).toMatchObject({
      articleRef: 'art-3',
      articleLabel: '第三条',
      outcome: 'pending',
      phone: '051683861065',
      street: 'kuishan',
    })
    const receipt = await send('GET', `opinions/receipt?code=${json.code}`)
    const html = await receipt.text()
    expect(receipt.status).toBe(200)
    expect(html).toContain('第三条')
    expect(html).toContain('意见正在研究中')
    expect(html).not.toContain('测试居民')
    expect(html).not.toContain('83861065')
    expect(html).not.toContain('物业公司清理楼道')
  })

  it('refuses, in Chinese and storing nothing: a duplicate, an unknown article, a forged field, a short text', async () => {
    const before = await countOpinions()
    const cases: [Record<string, string>, number, string][] = [
      [
        { consultation: OPEN, article: 'art-3', body: '建议第三条明确物业公司清理楼道电动车的责任和时限！' },
        409,
        'body',
      ],
      [{ consultation: OPEN, article: 'art-99', body: '对不存在的条文提出的意见内容。' }, 422, 'article'],
      [
        { consultation: OPEN, article: 'art-2', body: '伪造处理结果字段的意见内容。', outcome: 'adopted' },
        400,
        'form',
      ],
      [{ consultation: OPEN, article: 'art-2', body: '太短了' }, 422, 'body'],
      [
        { consultation: OPEN, article: 'art-2', body: '填了蜜罐字段的机器人提交。', website: 'http://spam' },
        422,
        'form',
      ],
      [{ consultation: 'no-such-thing', article: 'art-2', body: '对不存在的征集提出的意见。' }, 404, 'form'],
      [
        { consultation: OPEN, article: 'art-2', body: '电话格式不对的意见内容。', phone: '12345' },
        422,
        'phone',
      ],
    ]
    for (const [fields, status, field] of cases) {
      const res = await submit(fields)
      expect(res.status, JSON.stringify(fields)).toBe(status)
      const json = (await res.json()) as { errors: Record<string, string> }
      expect(json.errors[field], JSON.stringify(fields)).toMatch(/\p{Script=Han}/u)
    }
    expect(await countOpinions()).toBe(before)
  })

  it('without JavaScript, a refusal gives the form back filled in with the error beside the field', async () => {
    const res = await submit(
      { consultation: OPEN, article: 'art-4', body: '短', name: '李师傅', street: 'hubin' },
      false,
    )
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('第四条')
    expect(html).toContain('value="李师傅"')
    expect(html).toContain('<option value="hubin" selected>')
    expect(html).toMatch(/field-invalid" data-field="body"/)
    expect(html).toContain('至少 10 个字')
  })

  it('enforces the opening and closing times by the injected clock', async () => {
    const open = (
      await payload.find({
        collection: 'consultations',
        where: { slug: { equals: OPEN } },
        overrideAccess: true,
      })
    ).docs[0]
    const before = await countOpinions()
    const real = endpoints.opinionClock.now
    try {
      endpoints.opinionClock.now = () => Date.parse(open.closesAt) + 1000
      const late = await submit({
        consultation: OPEN,
        article: 'art-1',
        body: '截止以后才提交的一条意见内容。',
      })
      expect(late.status).toBe(410)
      expect(((await late.json()) as { errors: { form: string } }).errors.form).toContain('截止')
      endpoints.opinionClock.now = () => Date.parse(open.opensAt) - 1000
      const early = await submit({
        consultation: OPEN,
        article: 'art-1',
        body: '开始以前就提交的一条意见内容。',
      })
      expect(early.status).toBe(409)
      expect(((await early.json()) as { errors: { form: string } }).errors.form).toContain('还没有开始')
      expect(await countOpinions()).toBe(before)
      endpoints.opinionClock.now = () => Date.parse(open.closesAt) - 1000
      const justInTime = await submit({
        consultation: OPEN,
        article: 'art-1',
        body: '截止前一秒提交的一条意见内容。',
      })
      expect(justInTime.status).toBe(201)
    } finally {
      endpoints.opinionClock.now = real
    }
    // The closed consultation refuses by the real clock too.
    const closed = await submit({
      consultation: CLOSED,
      article: 'art-1',
      body: '对已经截止的征集提出的意见。',
    })
    expect(closed.status).toBe(410)
  })
})

describe('feedback', () => {
  it('the answered consultation exposes counts and anonymised opinions with reasons, never names or phones', async () => {
    const { publicConsultationOpinions } = await import('../../cms/consultations/public.ts')
    const closed = (
      await payload.find({
        collection: 'consultations',
        where: { slug: { equals: CLOSED } },
        overrideAccess: true,
      })
    ).docs[0]
    const pub = await publicConsultationOpinions(payload)
    const fb = pub.feedback[String(closed.id)]
    expect(fb).toMatchObject({ received: 5, adopted: 2, partly: 1, rejected: 1, referred: 1 })
    const art1 = fb.articles.find((a) => a.ref === 'art-1')!
    expect(art1).toMatchObject({ label: '第一条', received: 1, adopted: 1 })
    expect(art1.items[0].reason).toContain('楼栋意愿协调')
    const text = JSON.stringify(pub)
    for (const secret of ['示例居民', '0516-000000', 'SAMPC-']) expect(text).not.toContain(secret)
    const receipt = await send('GET', 'opinions/receipt?code=SAMPC-AAAA2', {
      headers: { accept: 'application/json' },
    })
    const view = ((await receipt.json()) as { view: { outcomeLabel: string; reason: string } }).view
    expect(view.outcomeLabel).toBe('采纳')
    expect(view.reason).toContain('楼栋意愿协调')
  })

  it('a merged duplicate is counted once and its receipt shows the outcome of the one it joined', async () => {
    const find = async (code: string) =>
      (
        await payload.find({
          collection: 'opinions',
          where: { code: { equals: code } },
          overrideAccess: true,
        })
      ).docs[0]
    const primary = await find('SAMPC-AAAA3')
    const closed = (
      await payload.find({
        collection: 'consultations',
        where: { slug: { equals: CLOSED } },
        overrideAccess: true,
      })
    ).docs[0]
    const dup = await payload.create({
      collection: 'opinions',
      data: {
        consultation: closed.id,
        articleRef: 'art-3',
        articleLabel: '第三条',
        body: '单位停车场晚上可以开放给居民停车。',
        outcome: 'pending',
        mergedInto: primary.id,
      },
      overrideAccess: false,
      user: editor.user,
    })
    const { publicConsultationOpinions } = await import('../../cms/consultations/public.ts')
    const fb = (await publicConsultationOpinions(payload)).feedback[String(closed.id)]
    expect(fb.received).toBe(5)
    const res = await send('GET', `opinions/receipt?code=${dup.code}`, {
      headers: { accept: 'application/json' },
    })
    const view = ((await res.json()) as { view: { outcomeLabel: string; merged: boolean } }).view
    expect(view).toMatchObject({ outcomeLabel: '采纳', merged: true })
  })

  it('exports the opinions with article and outcome as XLSX, for staff only', async () => {
    const closed = (
      await payload.find({
        collection: 'consultations',
        where: { slug: { equals: CLOSED } },
        overrideAccess: true,
      })
    ).docs[0]
    expect((await send('GET', `consultations/${closed.id}/export`)).status).toBe(403)
    const { opinionsWorkbook, EXPORT_COLUMNS } = await import('../../cms/consultations/staff.ts')
    const opinions = (
      await payload.find({
        collection: 'opinions',
        where: { consultation: { equals: closed.id } },
        overrideAccess: true,
        limit: 0,
      })
    ).docs
    const data = await opinionsWorkbook(closed, opinions)
    const { default: ExcelJS } = await import('exceljs')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(data as never)
    const sheet = book.worksheets[0]
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual([...EXPORT_COLUMNS])
    const rows = Array.from({ length: sheet.rowCount - 3 }, (_, i) =>
      (sheet.getRow(i + 4).values as unknown[]).slice(1),
    )
    expect(rows).toHaveLength(opinions.length)
    const adopted = rows.find((r) => r[1] === 'SAMPC-AAAA2')!
    expect(adopted[3]).toBe('第一条')
    expect(adopted[6]).toBe('采纳')
    expect(String(adopted[7])).toContain('楼栋意愿协调')
    // Names and phones stay out of the export.
    expect(JSON.stringify(rows)).not.toMatch(/示例居民|0516-0000/)
  })
})

describe('opening and closing by themselves', () => {
  it('the clock task asks for one rebuild at each opening and closing time, and only once', async () => {
    const { createLocalReq } = await import('payload')
    const { rebuildAtBoundaries } = await import('../../cms/consultations/clock.ts')
    const open = (
      await payload.find({
        collection: 'consultations',
        where: { slug: { equals: OPEN } },
        overrideAccess: true,
      })
    ).docs[0]
    const req = await createLocalReq({}, payload)
    const afterClosing = Date.parse(open.closesAt) + 60_000
    expect(await rebuildAtBoundaries(req, Date.parse(open.closesAt) - 60_000)).not.toContain(
      `${open.id}:closing`,
    )
    expect(await rebuildAtBoundaries(req, afterClosing)).toEqual([`${open.id}:closing`])
    expect(await rebuildAtBoundaries(req, afterClosing + 60_000)).toEqual([])
    const { docs } = await payload.find({
      collection: 'rebuild-requests',
      where: { docId: { equals: String(open.id) } },
      overrideAccess: true,
    })
    expect(docs.map((d) => d.source)).toEqual(['consultations'])
    // The status follows the dates when read, without any save.
    expect(open.status).toBe('open')
  })
})

describe('the draft as a PDF attachment', () => {
  const pdf = Buffer.from(
    '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\nxref\n0 1\n0000000000 65535 f \ntrailer<</Root 1 0 R>>\nstartxref\n9\n%%EOF\n',
    'latin1',
  )
  const upload = (data: Buffer, name: string, mimetype: string) =>
    payload.create({
      collection: 'media',
      data: { alt: '草案文本' },
      file: { data, name, mimetype, size: data.length },
      overrideAccess: false,
      user: editor.user,
    })

  it('is taken when its content is a PDF, refused when it only says so, and only a PDF can be attached', async () => {
    const doc = await upload(pdf, '条例草案.pdf', 'application/pdf')
    expect(doc.mimeType).toBe('application/pdf')
    expect(doc.filename).toMatch(/\.pdf$/)
    await expect(
      upload(Buffer.from('<html><script>alert(1)</script></html>'), 'draft.pdf', 'application/pdf'),
    ).rejects.toThrow(/按文件内容判断/)
    const open = (
      await payload.find({
        collection: 'consultations',
        where: { slug: { equals: OPEN } },
        overrideAccess: true,
      })
    ).docs[0]
    const updated = await payload.update({
      collection: 'consultations',
      id: open.id,
      data: { attachment: doc.id },
      // An edit of a published consultation is a draft until a reviewer approves it (先审后发).
      draft: true,
      overrideAccess: false,
      user: editor.user,
    })
    expect(typeof updated.attachment === 'object' ? updated.attachment?.id : updated.attachment).toBe(doc.id)
    const { default: sharp } = await import('sharp')
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } })
      .png()
      .toBuffer()
    const picture = await upload(png, 'not-a-draft.png', 'image/png')
    await expect(
      payload.update({
        collection: 'consultations',
        id: open.id,
        data: { attachment: picture.id },
        draft: true,
        overrideAccess: false,
        user: editor.user,
      }),
    ).rejects.toThrow(/草案文本/)
  })
})
