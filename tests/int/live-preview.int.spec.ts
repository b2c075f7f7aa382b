import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Case, Deputy, Station } from '../../cms/payload-types.ts'
import { seed } from '../../cms/seed/index.ts'
import { startCmsServer, type CmsServer } from '../../scripts/lib/cms-server.ts'
import { makeUser, openThrowawayCms, type ThrowawayCms } from '../helpers/cms.ts'
import { freePort } from '../helpers/ports.ts'

/**
 * The Live Preview pane's data (issue 15): the site's /preview/ page (another origin) posts the admin's
 * form data to POST /api/live-preview/:collection/:id with the editor's cookie and gets the document
 * populated back. Against the real server (gate, Next, Payload) on a seeded throwaway database: what the
 * site's origin may do with an editor's cookie there, and what nobody else may.
 */

const SITE = 'http://127.0.0.1:4321'
const OTHER = 'https://evil.example'
let cms: ThrowawayCms
let server: CmsServer
let cookie: string
let stored: Case

beforeAll(async () => {
  cms = await openThrowawayCms()
  await seed(cms.payload)
  const editor = await makeUser(cms.payload, 'editor')
  const withPeople = await cms.payload.find({
    collection: 'cases',
    where: { and: [{ deputies: { exists: true } }, { station: { exists: true } }] },
    depth: 0,
    limit: 1,
  })
  stored = withPeople.docs[0]
  // A draft saved after the published version: what is sent must win over it.
  await cms.payload.update({
    collection: 'cases',
    id: stored.id,
    data: { title: '已保存的草稿标题' },
    draft: true,
  })
  server = await startCmsServer({
    port: await freePort(),
    env: {
      DATABASE_URI: cms.databaseUri,
      DATA_DIR: cms.dataDir,
      PAYLOAD_SECRET: process.env.PAYLOAD_SECRET,
      SITE_URL: SITE,
    },
  })
  const res = await fetch(`${server.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: editor.email, password: editor.password }),
  })
  expect(res.status).toBe(200)
  cookie = res.headers.get('set-cookie')!.split(';')[0]
})

afterAll(async () => {
  await server?.stop()
  await cms?.close()
})

/** What the site's preview page sends (fetch with credentials from the site's origin). */
function preview(
  path: string,
  body: unknown,
  options: { origin?: string | null; cookie?: string | null } = {},
) {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  const origin = options.origin === undefined ? SITE : options.origin
  if (origin) headers.origin = origin
  const sendCookie = options.cookie === undefined ? cookie : options.cookie
  if (sendCookie) headers.cookie = sendCookie
  return fetch(`${server.url}/api/live-preview/${path}`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

const expectCors = (res: Response) => {
  expect(res.headers.get('access-control-allow-origin')).toBe(SITE)
  expect(res.headers.get('access-control-allow-credentials')).toBe('true')
  expect(res.headers.get('vary')).toMatch(/origin/i)
}

describe('an editor previewing from the site', () => {
  it('gets the sent data back populated: deputies and station as objects, the changed title as sent', async () => {
    const res = await preview(`cases/${stored.id}`, {
      data: { ...stored, title: '改过的标题（预览）' },
      depth: 1,
    })
    expect(res.status).toBe(200)
    expectCors(res)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const doc = (await res.json()) as Case
    expect(doc.id).toBe(stored.id)
    expect(doc.title).toBe('改过的标题（预览）')
    const deputies = doc.deputies as Deputy[]
    const expected = await cms.payload.find({
      collection: 'deputies',
      where: { id: { in: stored.deputies as number[] } },
      depth: 0,
    })
    expect(deputies.map((d) => d.name).sort()).toEqual(expected.docs.map((d) => d.name).sort())
    expect(deputies.every((d) => typeof d.slug === 'string')).toBe(true)
    expect(typeof (doc.station as Station).name).toBe('string')
    if (stored.cover) expect((doc.cover as { url?: string }).url).toMatch(/^\/api\/media\/file\//)
  })

  it('previews a document not saved yet (no id, or `undefined` as the id)', async () => {
    for (const path of ['cases', 'cases/undefined']) {
      const res = await preview(path, { data: { title: '新案例', station: stored.station } })
      expect(res.status, path).toBe(200)
      const doc = (await res.json()) as Case
      expect(doc.title).toBe('新案例')
      expect(typeof (doc.station as Station).name).toBe('string')
    }
  })

  it('answers the preflight with the CORS headers', async () => {
    const res = await fetch(`${server.url}/api/live-preview/cases/${stored.id}`, {
      method: 'OPTIONS',
      headers: {
        origin: SITE,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    })
    expect(res.status).toBe(204)
    expectCors(res)
    expect(res.headers.get('access-control-allow-methods')).toBe('POST')
    expect(res.headers.get('access-control-allow-headers')).toMatch(/^content-type$/i)
    expect(res.headers.get('access-control-max-age')).toBe('600')
  })

  it('counts the cookie from the site on this route only', async () => {
    const me = await fetch(`${server.url}/api/users/me`, { headers: { origin: SITE, cookie } })
    expect(((await me.json()) as { user: unknown }).user).toBeNull()
    const write = await fetch(`${server.url}/api/cases/${stored.id}`, {
      method: 'PATCH',
      headers: { origin: SITE, cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'x' }),
    })
    expect(write.status).toBe(403)
    expect(write.headers.get('access-control-allow-origin')).toBeNull()
  })
})

describe('everyone else', () => {
  it('anonymous: 401 and none of the sent text', async () => {
    const res = await preview(`cases/${stored.id}`, { data: { title: '秘密草稿标题' } }, { cookie: null })
    expect(res.status).toBe(401)
    const text = await res.text()
    expect(JSON.parse(text)).toEqual({ errors: [{ message: 'Log in to the CMS to preview' }] })
    expect(text).not.toContain('秘密草稿标题')
    // A forged or expired cookie is no better.
    const forged = await preview(
      `cases/${stored.id}`,
      { data: { title: '秘密' } },
      { cookie: 'payload-token=x' },
    )
    expect(forged.status).toBe(401)
  })

  it('another origin: 403 without CORS headers, cookie or not, preflight too', async () => {
    const post = await preview(`cases/${stored.id}`, { data: { title: '秘密' } }, { origin: OTHER })
    expect(post.status).toBe(403)
    expect(post.headers.get('access-control-allow-origin')).toBeNull()
    expect(await post.text()).not.toContain('秘密')
    const preflight = await fetch(`${server.url}/api/live-preview/cases/${stored.id}`, {
      method: 'OPTIONS',
      headers: { origin: OTHER, 'access-control-request-method': 'POST' },
    })
    expect(preflight.status).toBe(403)
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull()
  })

  it('collections without a live preview: 404', async () => {
    for (const collection of ['messages', 'users', 'media', 'nope']) {
      const res = await preview(`${collection}/1`, { data: {} })
      expect(res.status, collection).toBe(404)
    }
  })
})

describe('malformed requests', () => {
  it('a body over 1 MB: 413', async () => {
    const res = await preview(`cases/${stored.id}`, { data: { title: 'x'.repeat(1024 * 1024 + 10) } })
    expect(res.status).toBe(413)
    expectCors(res)
  })

  it('answers 4xx, never 500, and caps the depth at 2', async () => {
    const bad: [string, string | object][] = [
      ['not JSON', '{"data": '],
      ['an array', '[1, 2]'],
      ['data a string', { data: 'x' }],
      ['data an array', { data: [1] }],
      ['no data', { depth: 1 }],
      ['depth x', { data: {}, depth: 'x' }],
      ['depth negative', { data: {}, depth: -1 }],
      ['depth fraction', { data: {}, depth: 1.5 }],
    ]
    for (const [what, body] of bad) {
      const res = await preview(`cases/${stored.id}`, body)
      expect(res.status, what).toBeGreaterThanOrEqual(400)
      expect(res.status, what).toBeLessThan(500)
    }
    const unknown = await preview('cases/999999', { data: {} })
    expect(unknown.status).toBe(404)
    const wrongTypes = await preview(`cases/${stored.id}`, {
      data: { deputies: 'x', station: { a: 1 }, timeline: 'x', cover: [1], request: { x: 1 } },
    })
    expect(wrongTypes.status).toBeLessThan(500)

    // depth 99 is read as 2: a deputy's station (depth 2) is an object, the station's own relations are not followed.
    const deep = await preview(`cases/${stored.id}`, { data: stored, depth: 99 })
    expect(deep.status).toBe(200)
    const doc = (await deep.json()) as Case
    const deputy = (doc.deputies as Deputy[])[0]
    expect(typeof deputy.station).toBe('object')
    const photo = (deputy as { photo?: unknown }).photo
    if (photo) expect(typeof photo).toBe('object')
    const shallow = (await (await preview(`cases/${stored.id}`, { data: stored, depth: 0 })).json()) as Case
    expect(typeof (shallow.deputies as unknown[])[0]).toBe('number')
  })
})
