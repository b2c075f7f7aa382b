/**
 * The gate in front of Payload's REST API (cms/app/(payload)/api/[...slug]/route.ts wraps every method
 * with it). Payload's own handler trusts what it gets; this refuses, before any work is done:
 * - paths that cannot be decoded (Payload answers 500),
 * - state-changing requests sent by a browser from another origin (CSRF; the public message forms, which
 *   carry no login, are the exception they were built to be, and the Live Preview pane's read-only POST
 *   from the site's origin, and from no other: cms/endpoints/livePreview.ts),
 * - reads whose `where`/`depth`/`limit`/`joins` are malformed or over budget (query.ts),
 * - `/api/access` for anonymous visitors, and `versions` of collections and globals that keep none,
 * - bodies larger than the route's limit, by Content-Length or while streaming (body-limit.ts); uploads
 *   need a login before a byte is read,
 * - multipart bodies Payload's own routes cannot parse (multipart.ts: Payload answered those with 500).
 * Residents' endpoints answer in Chinese; everything else is the developer API and answers in English.
 */
import { getPayload, type SanitizedConfig } from 'payload'
import * as qs from 'qs-esm'

import { isStaffRequest } from '../access/index.ts'
import { siteUrl } from '../site-url.ts'
import { corsHeaders } from '../endpoints/answer.ts'
import { htmlPage } from '../messages/endpoints.ts'
import { livePreviewCors, siteOrigin } from '../endpoints/livePreview.ts'
import { LIMITS } from '../../vocabulary/messages/validate.ts'
import { bodyRuleFor, BodyTooLargeError, formatBytes, limitedBody } from './body-limit.ts'
import { multipartCheck, parsedAsMultipart, type MultipartCheck } from './multipart.ts'
import { checkQuery, QUERY_BUDGET } from './query.ts'

type Handler = (request: Request, args: never) => Promise<Response>

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
/** Residents post these from the static site (another origin) without any login. */
const PUBLIC_FORMS = new Set([
  '/messages/submit',
  '/messages/rate',
  '/opinions/submit',
  '/bookings/submit',
  '/bookings/cancel',
])
/** What residents reach from the site: refused in Chinese, like the endpoints' own answers. */
const RESIDENT_PATHS = new Set([
  ...PUBLIC_FORMS,
  '/messages/track',
  '/opinions/receipt',
  '/activities/places',
])
const MAX_OVERRIDE_QUERY = 64 * 1024
/** The Live Preview pane's data (cms/endpoints/livePreview.ts): posted by the site's /preview/ page. */
const isLivePreview = (apiPath: string) => /^\/live-preview(\/|$)/.test(apiPath)

const apiError = (status: number, message: string, headers: Record<string, string> = {}) =>
  Response.json({ errors: [{ message }] }, { status, headers: { 'cache-control': 'no-store', ...headers } })

/** The origins the admin is served from: its own host, and CMS_PUBLIC_URL behind a proxy. */
function ownOrigins(request: Request): string[] {
  const origins = [new URL(request.url).origin]
  const host = request.headers.get('host')
  if (host) origins.push(`${request.headers.get('x-forwarded-proto') ?? 'http'}://${host}`)
  if (process.env.CMS_PUBLIC_URL) origins.push(new URL(process.env.CMS_PUBLIC_URL).origin)
  return origins
}

/** A browser request from another origin (Origin header), or one marked cross-site without an Origin. */
function isCrossOrigin(request: Request): boolean {
  const origin = request.headers.get('origin')
  if (origin) return !ownOrigins(request).includes(origin)
  const site = request.headers.get('sec-fetch-site')
  return site === 'cross-site' || site === 'same-site'
}

const hasCredentials = (request: Request) =>
  /(^|;\s*)payload-token=/.test(request.headers.get('cookie') ?? '') || request.headers.has('authorization')

export function guardApi(
  configPromise: Promise<SanitizedConfig> | SanitizedConfig,
  handler: Handler,
): Handler {
  return (async (request: Request, args: never) => {
    const method = request.method.toUpperCase()
    const url = new URL(request.url)
    let apiPath: string
    try {
      apiPath = decodeURIComponent(url.pathname).replace(/^\/api(?=\/|$)/, '') || '/'
    } catch {
      return apiError(400, 'Malformed percent-encoding in the URL path')
    }
    if (/[\0\\]|(^|\/)\.\.?(\/|$)/.test(apiPath)) return apiError(400, 'Invalid characters in the URL path')

    const fromSite = isLivePreview(apiPath) && request.headers.get('origin') === siteOrigin()
    if (!SAFE_METHODS.has(method) && !PUBLIC_FORMS.has(apiPath) && !fromSite && isCrossOrigin(request))
      return apiError(403, 'Cross-origin request refused: write requests must come from the admin itself')
    // The site's page may read the gate's refusals too (413, 400), so it can say what went wrong.
    if (fromSite) {
      const response = await guarded(request, args, method, url, apiPath)
      const headers = new Headers(response.headers)
      for (const [name, value] of Object.entries(livePreviewCors(siteOrigin())))
        if (!headers.has(name)) headers.set(name, value)
      return new Response(response.body, {
        status: response.status,
        statusText: response.statusText,
        headers,
      })
    }
    return guarded(request, args, method, url, apiPath)
  }) as Handler

  async function guarded(
    request: Request,
    args: never,
    method: string,
    url: URL,
    apiPath: string,
  ): Promise<Response> {
    const payload = await getPayload({ config: configPromise })
    let staff = false
    if (hasCredentials(request)) {
      const { user } = await payload.auth({ headers: request.headers })
      staff = isStaffRequest({ user } as never)
    }

    if (apiPath === '/access' && !staff) return apiError(403, 'Log in to see permissions')
    const versions = /^\/(globals\/)?([^/]+)\/versions(\/|$)/.exec(apiPath)
    if (versions) {
      const entity = versions[1]
        ? payload.config.globals.find((g) => g.slug === versions[2])
        : payload.config.collections.find((c) => c.slug === versions[2])
      if (entity && !entity.versions) return apiError(404, `"${versions[2]}" keeps no versions`)
    }

    // Residents' endpoints refuse in Chinese (the English reason is for developers of the API).
    const refuse = (status: number, message: string) =>
      RESIDENT_PATHS.has(apiPath) ? residentError(request, apiPath, status) : apiError(status, message)

    const budget = staff ? QUERY_BUDGET.staff : QUERY_BUDGET.anonymous
    const queryProblem = checkQuery(parseQuery(url.search), budget)
    if (queryProblem) return refuse(400, `Query refused: ${queryProblem}`)

    const rule = bodyRuleFor(method, apiPath)
    if (rule.staffOnly && !staff) return apiError(403, 'Log in as an editor to upload files')
    const limit = rule.limit
    if (!request.body) return handler(request, args)
    const declared = Number(request.headers.get('content-length') ?? NaN)
    if (declared > limit) return tooLarge(request, apiPath, limit)

    // POST with X-HTTP-Method-Override: GET carries the query in the body (Payload's relationship fields).
    const override = /^get$/i.test(
      request.headers.get('x-payload-http-method-override') ??
        request.headers.get('x-http-method-override') ??
        '',
    )
    if (method === 'POST' && override) {
      const text = await readText(request.body, MAX_OVERRIDE_QUERY)
      if (text === undefined) return tooLarge(request, apiPath, MAX_OVERRIDE_QUERY)
      const type = request.headers.get('content-type') ?? ''
      let query: Record<string, unknown> = {}
      if (type.startsWith('application/x-www-form-urlencoded')) query = parseQuery(text)
      else if (type.startsWith('application/json')) {
        try {
          query = JSON.parse(text || '{}')
        } catch {
          return refuse(400, 'Body is not valid JSON')
        }
        if (typeof query !== 'object' || query === null || Array.isArray(query))
          return refuse(400, 'Body must be a JSON object of query parameters')
      }
      const problem = checkQuery(query, budget)
      if (problem) return refuse(400, `Query refused: ${problem}`)
      return handler(rebuild(request, text), args)
    }

    // Payload's own routes parse multipart bodies themselves (the residents' forms read theirs with
    // formData() and answer in Chinese): the header is checked now, the body as it streams past.
    let multipart: MultipartCheck | undefined
    const type = request.headers.get('content-type') ?? ''
    if (!(method === 'POST' && PUBLIC_FORMS.has(apiPath)) && parsedAsMultipart(type)) {
      const check = multipartCheck(type)
      if (typeof check === 'string') return apiError(400, `Malformed multipart body: ${check}`)
      multipart = check
    }

    const limited = limitedBody(request.body, limit, multipart)
    const response = await handler(rebuild(request, limited.stream), args).catch((error: unknown) => {
      if (limited.exceeded() || error instanceof BodyTooLargeError) return undefined
      throw error
    })
    if (!response || limited.exceeded()) return tooLarge(request, apiPath, limit)
    // Payload answers a body busboy could not parse with 500 (its errors are plain Errors).
    const malformed = response.status >= 500 ? multipart?.problem() : undefined
    if (malformed) return apiError(400, `Malformed multipart body: ${malformed}`)
    return response
  }
}

function parseQuery(search: string): Record<string, unknown> {
  // Parsed like Payload parses it (qs-esm with the same options), so the check sees what Payload will run.
  return search ? (qsParse(search.replace(/^\?/, '')) as Record<string, unknown>) : {}
}

const qsParse = (text: string) => qs.parse(text, { allowEmptyArrays: true, arrayLimit: 1000, depth: 10 })

async function readText(body: ReadableStream<Uint8Array>, limit: number): Promise<string | undefined> {
  const { stream } = limitedBody(body, limit)
  try {
    return await new Response(stream).text()
  } catch {
    return undefined
  }
}

function rebuild(request: Request, body: BodyInit): Request {
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body,
    signal: request.signal,
    duplex: 'half',
  } as RequestInit)
}

function tooLarge(request: Request, apiPath: string, limit: number): Response {
  if (!PUBLIC_FORMS.has(apiPath)) return apiError(413, `Request body larger than ${formatBytes(limit)}`)
  return residentError(request, apiPath, 413)
}

/** Why the gate refused a resident's request, in the words of the form it came from. */
const RESIDENT_TEXTS: Record<string, { title: string; text: string }> = {
  '413 /messages/submit': {
    title: '提交的内容太大',
    text: `提交的内容太大（照片最多 ${LIMITS.photosMax} 张，每张不超过 ${LIMITS.photoBytes / 1024 / 1024} MB），请少选几张照片后重新提交。`,
  },
  '413 /messages/rate': { title: '提交的内容太大', text: '提交的内容太大，请通过跟踪页上的评价表提交。' },
  '400 /messages/submit': { title: '提交没有成功', text: '提交的链接有误，请从网站上的表单提交来信。' },
  '400 /messages/rate': { title: '评价没有成功', text: '评价的链接有误，请通过跟踪页上的评价表提交。' },
  '400 /messages/track': { title: '查询没有成功', text: '查询的链接有误，请在查询页重新输入跟踪码。' },
  '413 /opinions/submit': {
    title: '提交的内容太大',
    text: '提交的内容太大：意见最多 2000 字，请精简后再提交。',
  },
  '400 /opinions/submit': { title: '提交没有成功', text: '提交的链接有误，请从征集页面上的意见表提交。' },
  '400 /opinions/receipt': { title: '查询没有成功', text: '查询的链接有误，请在查询页重新输入回执码。' },
  '400 /bookings/submit': { title: '预约没有成功', text: '提交的链接有误，请从活动页面上的预约表预约。' },
  '400 /bookings/cancel': { title: '取消没有成功', text: '提交的链接有误，请从取消预约页面重新提交。' },
  '413 /bookings/submit': { title: '提交的内容太大', text: '提交的内容太大：想反映的问题最多 500 字。' },
  '413 /bookings/cancel': { title: '提交的内容太大', text: '提交的内容太大，请重新填写预约码和手机号。' },
  '400 /activities/places': { title: '查询没有成功', text: '查询的链接有误。' },
}

/** A refusal on a residents' endpoint: JSON for the site's script, a page in the site's style otherwise. */
function residentError(request: Request, apiPath: string, status: number): Response {
  const { title, text } = RESIDENT_TEXTS[`${status} ${apiPath}`]
  const headers = { ...corsHeaders(request as never), 'cache-control': 'no-store' }
  if ((request.headers.get('accept') ?? '').includes('application/json'))
    return Response.json({ ok: false, errors: { form: text }, error: text }, { status, headers })
  const back = /^\/(bookings|activities)\//.test(apiPath)
    ? `<a class="button" href="${siteUrl()}/activities/">查看近期活动</a>`
    : apiPath.startsWith('/opinions/')
      ? `<a class="button" href="${siteUrl()}/consultations/">查看意见征集</a>`
      : apiPath === '/messages/submit'
        ? `<a class="button" href="${siteUrl()}/contact/">重新写信</a>`
        : `<a class="button" href="${siteUrl()}/track/">查询办理进度</a>`
  return new Response(htmlPage(title, `<h1>${title}</h1><p class="field-error">${text}</p><p>${back}</p>`), {
    status,
    headers: { ...headers, 'content-type': 'text/html; charset=utf-8' },
  })
}
