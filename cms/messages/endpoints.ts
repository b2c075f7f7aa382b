/**
 * The public side of 民呼我应, served by the CMS for the static site:
 * - POST /api/messages/submit  a resident's message (multipart or urlencoded form)
 * - GET  /api/messages/track   its status by tracking code
 * - POST /api/messages/rate    the resident's rating once it is closed
 * and, for staff, POST /api/messages/:id/promote (a draft case story from a closed message).
 *
 * Each answers HTML (a page in the site's style, for forms posted without JavaScript) or JSON when the
 * request says `Accept: application/json` (the site's script). The collection itself stays staff-only:
 * these handlers validate everything, write only whitelisted fields and return only the public view.
 */
import { randomBytes } from 'node:crypto'

import type { Payload, PayloadHandler, PayloadRequest } from 'payload'

import { isStaffRequest } from '../access/index.ts'
import { answer } from '../endpoints/answer.ts'
import { textHash } from '../collections/Messages/hooks.ts'
import { siteCss } from '../endpoints/site-css.ts'
import { siteUrl } from '../site-url.ts'
import {
  CASE_CATEGORIES,
  CLOSED_STATUSES,
  MESSAGE_RATINGS,
  MESSAGE_STATUSES,
  STREETS,
  labelOf,
  type MessageRating,
} from '../../vocabulary/options.ts'
import { escapeHtml } from '../../vocabulary/html.ts'
import { normaliseTrackingCode } from '../../vocabulary/messages/code.ts'
import {
  messageFormHtml,
  ratingFormHtml,
  receiptHtml,
  trackFormHtml,
  trackingHtml,
  type FormTargets,
  type TrackingStep,
  type TrackingView,
} from '../../vocabulary/messages/form.ts'
import {
  checkSubmission,
  LIMITS,
  type FormErrors,
  type FormValues,
} from '../../vocabulary/messages/validate.ts'
import type { Deputy, Message, Station } from '../payload-types.ts'
import { bodyRuleFor } from '../security/body-limit.ts'
import { PhotoError, reencodePhoto } from './photos.ts'
import { configuredMessageLimits, duplicateDays, type MessageLimitName } from './limits.ts'
import { addressKey, SharedWindow, waitText } from './rate-limit.ts'

/** The same limit the REST gate applies before this handler runs (one definition: cms/security/body-limit.ts). */
const MAX_BODY_BYTES = bodyRuleFor('POST', '/messages/submit').limit

/** Limits from the environment (README: configuration, cms/messages/limits.ts), read on first use. */
let limits: Record<MessageLimitName, SharedWindow> | undefined
export function messageLimits(): Record<MessageLimitName, SharedWindow> {
  limits ??= Object.fromEntries(
    Object.entries(configuredMessageLimits()).map(([name, limit]) => [name, new SharedWindow(name, limit)]),
  ) as Record<MessageLimitName, SharedWindow>
  return limits
}

/**
 * The client address: the last X-Forwarded-For entry (`next start` sets it to the socket address when
 * absent; a reverse proxy appends the address it saw). See docs/decisions.md for what this can't stop.
 */
export function clientIp(req: PayloadRequest): string {
  const forwarded = req.headers.get('x-forwarded-for') ?? ''
  return forwarded.split(',').at(-1)?.trim() || 'unknown'
}

/** A page in the site's style (its stylesheet inlined), for answers to forms posted without JavaScript. */
export function htmlPage(title: string, main: string): string {
  const site = siteUrl()
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(title)} - 民呼我应</title><style>${siteCss()}
.cms-masthead{background:#a4161a;color:#fff;padding:.75rem 0}.cms-masthead a{color:#fff;font-weight:700;font-size:1.25rem;text-decoration:none}</style></head>
<body><a class="skip-link" href="#main">跳到正文</a><header class="cms-masthead"><div class="wrap"><a href="${escapeHtml(site)}/">民呼我应 · 全过程人民民主实践基地</a></div></header>
<main id="main" tabindex="-1"><div class="wrap">${main}</div></main>
<footer class="wrap muted no-print" style="padding-block:1.5rem"><a href="${escapeHtml(site)}/contact/">写信给代表</a> · <a href="${escapeHtml(site)}/track/">查询办理进度</a> · <a href="${escapeHtml(site)}/results/">办理结果</a></footer></body></html>`
}

/** Deputies and stations for the form's 写给 list, read as an anonymous visitor; cached briefly. */
let targetsCache: { at: number; targets: FormTargets } | undefined
async function formTargets(payload: Payload): Promise<FormTargets> {
  if (targetsCache && Date.now() - targetsCache.at < 5 * 60_000) return targetsCache.targets
  const read = { overrideAccess: false, user: null, limit: 0, pagination: false, depth: 0 } as const
  const [deputies, stations] = await Promise.all([
    payload.find({
      collection: 'deputies',
      ...read,
      sort: 'pinyin',
      select: { name: true, slug: true, street: true },
    }),
    payload.find({ collection: 'stations', ...read, sort: 'name', select: { name: true, slug: true } }),
  ])
  const targets = {
    stations: stations.docs.map((s) => ({ value: `station:${s.slug}`, label: s.name })),
    deputies: deputies.docs.map((d) => ({
      value: `deputy:${d.slug}`,
      label: `${d.name}（${labelOf(STREETS, d.street)}）`,
      street: d.street ?? undefined,
    })),
  }
  targetsCache = { at: Date.now(), targets }
  return targets
}

async function formPage(
  req: PayloadRequest,
  values: FormValues,
  errors: FormErrors,
  photosDropped: boolean,
): Promise<string> {
  const form = messageFormHtml({
    action: '/api/messages/submit',
    targets: await formTargets(req.payload),
    values,
    errors,
    privacyHref: `${siteUrl()}/contact/#privacy`,
    photosDropped,
  })
  return htmlPage('写信没有成功', `<h1>写信给代表</h1>${form}`)
}

function failed(req: PayloadRequest, status: number, values: FormValues, errors: FormErrors, photos = false) {
  const extra: Record<string, string> = {}
  return answer(req, status, { ok: false, errors }, () => formPage(req, values, errors, photos), extra)
}

export const submitEndpoint: PayloadHandler = async (req) => {
  const { payload } = req
  const type = (req.headers.get('content-type') ?? '').toLowerCase()
  if (!type.startsWith('multipart/form-data') && !type.startsWith('application/x-www-form-urlencoded')) {
    return failed(req, 415, {}, { form: '请通过网站上的表单提交来信。' })
  }
  if (Number(req.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) {
    return failed(
      req,
      413,
      {},
      {
        form: `提交的内容太大（照片最多 ${LIMITS.photosMax} 张，每张不超过 ${LIMITS.photoBytes / 1024 / 1024} MB）。`,
      },
    )
  }
  const ip = addressKey(clientIp(req))
  const l = messageLimits()
  // Refused submissions count too: never given back.
  const attempt = await l.attempts.take(payload, ip)
  if (!attempt.ok) {
    const wait = waitText(attempt.retryAfterMs)
    return answer(
      req,
      429,
      { ok: false, errors: { form: `提交太频繁，请${wait}后再试。` } },
      () => htmlPage('提交太频繁', `<h1>提交太频繁</h1><p>请${wait}后再试，或拨打实践站电话反映。</p>`),
      { 'retry-after': String(Math.ceil(attempt.retryAfterMs / 1000)) },
    )
  }

  let form: FormData
  try {
    form = (await req.formData!()) as FormData
  } catch {
    return failed(req, 400, {}, { form: '无法读取提交的内容，请刷新页面后重新填写提交。' })
  }
  const checked = checkSubmission(form.entries())
  const hadPhotos = form.getAll('photos').some((p) => typeof p !== 'string' && p.size > 0)
  if (checked.status !== 200 || !checked.message) {
    return failed(req, checked.status, checked.values, checked.errors, hadPhotos)
  }
  const message = checked.message

  let deputy: Deputy | undefined
  let station: Station | undefined
  if (message.to) {
    const { docs } = await payload.find({
      collection: message.to.kind === 'deputy' ? 'deputies' : 'stations',
      where: { slug: { equals: message.to.slug } },
      overrideAccess: false,
      user: null,
      depth: 0,
      limit: 1,
    })
    if (!docs[0])
      return failed(
        req,
        422,
        checked.values,
        { to: '没有找到这位代表或站点，请从列表中重新选择。' },
        hadPhotos,
      )
    if (message.to.kind === 'deputy') deputy = docs[0] as Deputy
    else station = docs[0] as Station
  }
  const stationId = station?.id ?? (typeof deputy?.station === 'number' ? deputy.station : undefined)
  // A poster source must name a published deputy or station: a made-up one is refused, not stored.
  if (message.source) {
    const posterOf = await payload.count({
      collection: message.source.kind === 'deputy' ? 'deputies' : 'stations',
      where: { slug: { equals: message.source.slug } },
      overrideAccess: false,
      user: null,
    })
    if (posterOf.totalDocs === 0)
      return failed(
        req,
        400,
        checked.values,
        { form: '提交的来源不正确，请从网站上的表单或海报上的二维码重新打开后提交。' },
        hadPhotos,
      )
  }

  // Places in the shared windows are taken before anything is stored and given back if it is not.
  const places: (() => Promise<void>)[] = []
  const givePlacesBack = async () => {
    await Promise.all(places.splice(0).map((release) => release().catch(() => {})))
  }
  const limited = async (window: SharedWindow, key: string, text: string) => {
    const taken = await window.take(payload, key)
    if (taken.ok) {
      places.push(taken.release)
      return undefined
    }
    await givePlacesBack()
    return failed(
      req,
      429,
      checked.values,
      { form: `${text}请${waitText(taken.retryAfterMs)}后再试，或拨打实践站电话反映。` },
      hadPhotos,
    )
  }
  const blocked =
    (await limited(l.ip, ip, '同一网络提交的来信太多，')) ??
    (await limited(l.phone, message.phone, '这个电话号码近期提交的来信太多，'))
  if (blocked) return blocked
  // Over the overall window the message is still taken, but held apart as 待核实: a flood from many
  // addresses then fills the 待核实 pile instead of locking real residents out (docs/decisions.md).
  const overall = await l.all.take(payload, 'all')
  if (overall.ok) places.push(overall.release)
  const needsVerification = !overall.ok

  const hash = textHash(message.body)
  const since = new Date(Date.now() - duplicateDays() * 86_400_000).toISOString()
  const duplicate = await payload.count({
    collection: 'messages',
    where: { and: [{ textHash: { equals: hash } }, { receivedAt: { greater_than: since } }] },
    overrideAccess: true,
  })
  if (duplicate.totalDocs > 0) {
    await givePlacesBack()
    return failed(
      req,
      409,
      checked.values,
      {
        body: '同样内容的来信近期已经提交过，正在办理中，请不要重复提交。可以凭当时的跟踪码查询进度；如需补充情况，请换个说法写清新情况。',
      },
      hadPhotos,
    )
  }

  const photos: Buffer[] = []
  try {
    for (const file of checked.files) photos.push(await reencodePhoto(Buffer.from(await file.arrayBuffer())))
  } catch (error) {
    await givePlacesBack()
    if (error instanceof PhotoError) return failed(req, 422, checked.values, { photos: error.message }, true)
    throw error
  }

  const photoIds: number[] = []
  let doc: Message
  try {
    for (const [i, data] of photos.entries()) {
      const photo = await payload.create({
        collection: 'message-photos',
        data: {},
        file: {
          data,
          mimetype: 'image/jpeg',
          // Random, not only the time: submissions in the same millisecond must not claim one file name.
          name: `message-photo-${Date.now()}-${randomBytes(4).toString('hex')}-${i + 1}.jpg`,
          size: data.length,
        },
        overrideAccess: true,
      })
      photoIds.push(photo.id)
    }
    // Only these fields, set here; status, code, timeline and deadline come from the collection's hooks.
    doc = await payload.create({
      collection: 'messages',
      data: {
        category: message.category as Message['category'],
        street: message.street as Message['street'],
        community: message.community || undefined,
        body: message.body,
        name: message.name,
        phone: message.phone,
        consentAt: new Date().toISOString(),
        deputy: deputy?.id,
        station: stationId,
        photos: photoIds,
        textHash: hash,
        status: 'received',
        grade: 'normal',
        needsVerification,
        channel: message.source ? 'poster' : 'web',
        source: message.source?.value,
      },
      overrideAccess: true,
    })
  } catch (error) {
    for (const id of photoIds)
      await payload.delete({ collection: 'message-photos', id, overrideAccess: true }).catch(() => {})
    await givePlacesBack()
    throw error
  }
  payload.logger.info(
    `messages: accepted ${doc.code} (${message.category}, ${message.street}, ${photoIds.length} photos${needsVerification ? ', over MESSAGE_LIMIT_ALL: needs verification' : ''})`,
  )
  const trackUrl = `${siteUrl()}/track/?code=${encodeURIComponent(doc.code!)}`
  return answer(req, 201, { ok: true, code: doc.code, trackUrl }, () =>
    htmlPage(
      '来信已收到',
      `<div class="receipt">${receiptHtml({ code: doc.code!, trackUrl, homeUrl: `${siteUrl()}/`, heading: 'h1', copyButton: false })}</div>`,
    ),
  )
}

/**
 * The status steps up to the current one are reached: dated from the timeline (the first time), or
 * 未单独记录 when the status went past a step (a skipped entry, or older messages without one). Steps
 * after the current one are not reached yet, even if the message was there before being reopened.
 */
export function trackingSteps(
  doc: Pick<Message, 'timeline' | 'receivedAt'>,
  current: number,
): TrackingStep[] {
  const timeline = doc.timeline ?? []
  return MESSAGE_STATUSES.map((s, i) => {
    if (i > current) return { status: s.value, label: s.label, state: 'pending', date: null }
    const entry = timeline.find((t) => t.status === s.value && !t.skipped)
    const date = entry?.date ?? (i === 0 ? (doc.receivedAt ?? null) : null)
    return date
      ? { status: s.value, label: s.label, state: 'done', date }
      : { status: s.value, label: s.label, state: 'skipped', date: null }
  })
}

/** The public view of a message for its code holder: a whitelist, never name, phone, text or photos. */
async function trackingView(payload: Payload, doc: Message): Promise<TrackingView> {
  const nameOf = async (collection: 'deputies' | 'stations', ref: unknown) => {
    const id = typeof ref === 'object' && ref ? (ref as { id: number }).id : ref
    if (typeof id !== 'number' && typeof id !== 'string') return ''
    const found = await payload.findByID({
      collection,
      id,
      depth: 0,
      overrideAccess: false,
      user: null,
      disableErrors: true,
    })
    return (found as { name?: string } | null)?.name ?? ''
  }
  const handler = [await nameOf('stations', doc.station), await nameOf('deputies', doc.deputy)]
    .filter(Boolean)
    .map((n, i, all) => (i === 1 && all.length === 2 ? `${n}代表` : n))
    .join('、')
  const current = MESSAGE_STATUSES.findIndex((s) => s.value === doc.status)
  return {
    code: doc.code!,
    category: doc.category,
    categoryLabel: labelOf(CASE_CATEGORIES, doc.category),
    streetLabel: labelOf(STREETS, doc.street),
    community: doc.community ?? '',
    status: doc.status,
    statusLabel: labelOf(MESSAGE_STATUSES, doc.status),
    receivedAt: doc.receivedAt!,
    deadline: doc.deadline ?? null,
    closedAt: doc.closedAt ?? null,
    handler,
    steps: trackingSteps(doc, current),
    replies: (doc.replies ?? []).map((r) => ({ date: r.date, by: r.by ?? '', text: r.text })),
    rating: (doc.rating as MessageRating | null) ?? null,
    ratingLabel: labelOf(MESSAGE_RATINGS, doc.rating),
    canRate: CLOSED_STATUSES.includes(doc.status) && !doc.rating,
  }
}

async function findByCode(payload: Payload, code: string): Promise<Message | undefined> {
  const { docs } = await payload.find({
    collection: 'messages',
    where: { code: { equals: code } },
    overrideAccess: true,
    depth: 0,
    limit: 1,
  })
  return docs[0]
}

const trackPage = (main: string) => htmlPage('查询办理进度', `<h1>查询办理进度</h1>${main}`)
const trackForm = (code = '', error = '') => trackFormHtml({ action: '/api/messages/track', code, error })

async function trackLimited(req: PayloadRequest) {
  const ip = addressKey(clientIp(req))
  const taken = await messageLimits().track.take(req.payload, ip)
  if (taken.ok) return undefined
  const message = `查询太频繁，请${waitText(taken.retryAfterMs)}后再试。`
  return answer(req, 429, { ok: false, error: message }, () =>
    trackPage(`<p class="field-error">${escapeHtml(message)}</p>`),
  )
}

export const trackEndpoint: PayloadHandler = async (req) => {
  const limited = await trackLimited(req)
  if (limited) return limited
  const url = new URL(req.url ?? '', 'http://localhost')
  const typed = url.searchParams.get('code') ?? ''
  const code = normaliseTrackingCode(typed)
  if (!code) {
    const error = typed.trim()
      ? '跟踪码是 10 位字母和数字（例如 K7QM4-XR2PW），请核对后重新输入。'
      : '请输入跟踪码。'
    return answer(req, 400, { ok: false, error }, () => trackPage(trackForm(typed.slice(0, 40), error)))
  }
  const doc = await findByCode(req.payload, code)
  if (!doc) {
    const error = '没有找到这个跟踪码，请核对后重新输入。'
    return answer(req, 404, { ok: false, error }, () => trackPage(trackForm(typed, error)))
  }
  const view = await trackingView(req.payload, doc)
  return answer(req, 200, { ok: true, view }, () =>
    trackPage(trackForm(code) + trackingHtml(view, '/api/messages/rate')),
  )
}

export const rateEndpoint: PayloadHandler = async (req) => {
  const limited = await trackLimited(req)
  if (limited) return limited
  const type = (req.headers.get('content-type') ?? '').toLowerCase()
  let form: FormData | undefined
  if (type.startsWith('multipart/form-data') || type.startsWith('application/x-www-form-urlencoded')) {
    form = (await req.formData!().catch(() => undefined)) as FormData | undefined
  }
  const code = normaliseTrackingCode(form?.get('code'))
  const rating = form?.get('rating')
  if (!form || !code) {
    const error = '请通过跟踪页上的评价表提交，并带上正确的跟踪码。'
    return answer(req, 400, { ok: false, error }, () => trackPage(trackForm('', error)))
  }
  const doc = await findByCode(req.payload, code)
  if (!doc) {
    const error = '没有找到这个跟踪码，请核对后重新输入。'
    return answer(req, 404, { ok: false, error }, () => trackPage(trackForm(code, error)))
  }
  const refuse = async (status: number, error: string) => {
    const view = await trackingView(req.payload, doc)
    return answer(req, status, { ok: false, error, view }, () =>
      trackPage(
        trackForm(code) +
          `<p class="field-error" role="alert">${escapeHtml(error)}</p>` +
          trackingHtml(view, '/api/messages/rate'),
      ),
    )
  }
  if (!CLOSED_STATUSES.includes(doc.status)) return refuse(409, '办结以后才能评价，请耐心等待。')
  if (doc.rating) return refuse(409, '这件来信已经评价过了，每件只能评价一次。')
  if (typeof rating !== 'string' || !MESSAGE_RATINGS.some((r) => r.value === rating)) {
    const error = '请选择“满意”“基本满意”或“不满意”。'
    const view = await trackingView(req.payload, doc)
    return answer(req, 422, { ok: false, error, view }, () =>
      trackPage(
        trackForm(code) +
          trackingHtml({ ...view, canRate: false }, '') +
          ratingFormHtml(code, '/api/messages/rate', error),
      ),
    )
  }
  const updated = await req.payload.update({
    collection: 'messages',
    id: doc.id,
    data: { rating: rating as MessageRating, ratedAt: new Date().toISOString() },
    overrideAccess: true,
  })
  req.payload.logger.info(`messages: ${updated.code} rated ${rating}`)
  const view = await trackingView(req.payload, updated)
  return answer(req, 200, { ok: true, view }, () =>
    trackPage(trackForm(code) + trackingHtml(view, '/api/messages/rate')),
  )
}

/**
 * Staff: a draft case story from a closed message, prefilled with its public parts only (the public
 * summary, never the resident's text, name or phone), linked back from the message.
 */
export const promoteEndpoint: PayloadHandler = async (req) => {
  if (!isStaffRequest(req)) return Response.json({ message: '请先用编辑或管理员账号登录。' }, { status: 403 })
  const id = req.routeParams?.id as string
  const doc = (await req.payload.findByID({
    collection: 'messages',
    id,
    depth: 0,
    overrideAccess: false,
    user: req.user,
    disableErrors: true,
  })) as Message | null
  if (!doc) return Response.json({ message: '没有找到这件来信。' }, { status: 404 })
  if (!CLOSED_STATUSES.includes(doc.status))
    return Response.json({ message: '办结以后才能转为民生案例。' }, { status: 409 })
  if (!doc.publicSummary?.trim())
    return Response.json(
      { message: '请先在“结果公开”里填写公开摘要（去掉个人信息），再转为案例。' },
      { status: 409 },
    )
  if (doc.caseStory)
    return Response.json({ message: '这件来信已经转为案例了。', id: doc.caseStory }, { status: 409 })
  const replies = doc.replies ?? []
  const created = await req.payload.create({
    collection: 'cases',
    draft: true,
    data: {
      title: `${labelOf(CASE_CATEGORIES, doc.category)}：${doc.publicSummary.slice(0, 40)}`.slice(0, 120),
      category: doc.category,
      street: doc.street,
      community: doc.community || labelOf(STREETS, doc.street),
      summary: doc.publicSummary,
      request: doc.publicSummary,
      action: replies.map((r) => r.text).join('\n') || '（请补充代表履职情况）',
      result: replies.at(-1)?.text ?? '（请补充办理结果）',
      timeline: (doc.timeline ?? []).map((t) => ({
        date: t.date,
        title: labelOf(MESSAGE_STATUSES, t.status),
      })),
      deputies: typeof doc.deputy === 'number' ? [doc.deputy] : [],
      station: typeof doc.station === 'number' ? doc.station : undefined,
      _status: 'draft',
    },
    overrideAccess: false,
    user: req.user,
  })
  await req.payload.update({
    collection: 'messages',
    id: doc.id,
    data: { caseStory: created.id },
    overrideAccess: false,
    user: req.user,
  })
  req.payload.logger.info(`messages: ${doc.code} promoted to draft case ${created.id} by ${req.user?.email}`)
  return Response.json({ id: created.id, url: `/admin/collections/cases/${created.id}` }, { status: 201 })
}
