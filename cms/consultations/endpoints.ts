/**
 * The public side of 意见征集, served by the CMS for the static site:
 * - POST /api/opinions/submit   a resident's opinion on one article (or the whole draft)
 * - GET  /api/opinions/receipt  what became of it, by receipt code
 * Each answers HTML (a page in the site's style, for forms posted without JavaScript: the form again,
 * filled in, with the errors next to the fields) or JSON for `Accept: application/json`. The collection
 * stays staff-only: these handlers check every field, write only the form's fields and show only the
 * public view. Modelled on cms/messages/endpoints.ts, whose page, CORS and address helpers they share.
 */
import type { Payload, PayloadHandler } from 'payload'

import { textHash } from '../collections/Messages/hooks.ts'
import { answer } from '../endpoints/answer.ts'
import { clientIp, htmlPage } from '../messages/endpoints.ts'
import { addressKey, type SharedWindow, waitText } from '../messages/rate-limit.ts'
import { siteUrl } from '../site-url.ts'
import { bodyRuleFor } from '../security/body-limit.ts'
import { CONSULTATION_STATUSES, OPINION_OUTCOMES, labelOf } from '../../vocabulary/options.ts'
import { chineseDate } from '../../vocabulary/dates.ts'
import { escapeHtml } from '../../vocabulary/html.ts'
import { normaliseTrackingCode } from '../../vocabulary/messages/code.ts'
import { consultationStatus } from '../../vocabulary/consultations/status.ts'
import {
  checkOpinionForm,
  GENERAL_LABEL,
  GENERAL_REF,
  type OpinionErrors,
  type OpinionValues,
} from '../../vocabulary/consultations/validate.ts'
import {
  opinionFormHtml,
  opinionReceiptHtml,
  receiptFormHtml,
  receiptViewHtml,
  type ReceiptView,
} from '../../vocabulary/consultations/form.ts'
import type { Consultation, Opinion } from '../payload-types.ts'
import { opinionLimits } from './limits.ts'

/**
 * The clock the endpoint judges opening and closing by. Tests replace `now` to stand before and after
 * a closing time; nothing else does.
 */
export const opinionClock = { now: (): number => Date.now() }

const MAX_BODY_BYTES = bodyRuleFor('POST', '/opinions/submit').limit

const consultationUrl = (slug: string) => `${siteUrl()}/consultations/${slug}/`
const receiptUrl = (code?: string) =>
  `${siteUrl()}/consultations/receipt/${code ? `?code=${encodeURIComponent(code)}` : ''}`

type Part = NonNullable<Consultation['parts']>[number]
const articleOf = (c: Consultation, ref: string): Part | undefined =>
  (c.parts ?? []).find((p) => p.kind === 'article' && p.ref === ref)

/** The page a resident without JavaScript gets back: the article, and its form filled in again. */
function formPage(
  c: Consultation | undefined,
  article: string,
  values: OpinionValues,
  errors: OpinionErrors,
) {
  if (!c) {
    const list = errors.form ?? '没有找到这项意见征集。'
    return htmlPage(
      '意见没有提交成功',
      `<h1>意见没有提交成功</h1><p class="field-error" role="alert">${escapeHtml(list)}</p><p><a href="${escapeHtml(siteUrl())}/consultations/">查看正在征集的草案</a></p>`,
    )
  }
  const part = articleOf(c, article)
  const ref = part ? article : GENERAL_REF
  const label = part?.label ?? GENERAL_LABEL
  const quote = part
    ? `<blockquote class="article-text"><p><strong>${escapeHtml(part.label)}</strong> ${escapeHtml(part.text ?? '')}</p></blockquote>`
    : ''
  const form = opinionFormHtml({
    action: '/api/opinions/submit',
    consultation: c.slug!,
    article: ref,
    articleLabel: label,
    values,
    errors,
  })
  return htmlPage(
    '意见没有提交成功',
    `<h1>${escapeHtml(c.title)}</h1><h2>对${escapeHtml(label)}提意见</h2>${quote}${form}<p><a href="${escapeHtml(consultationUrl(c.slug!))}">返回征集页面</a></p>`,
  )
}

export const submitOpinionEndpoint: PayloadHandler = async (req) => {
  const { payload } = req
  let consultation: Consultation | undefined
  let article = GENERAL_REF
  let values: OpinionValues = {}
  const failed = (status: number, errors: OpinionErrors, extra: Record<string, string> = {}) =>
    answer(req, status, { ok: false, errors }, () => formPage(consultation, article, values, errors), extra)

  const type = (req.headers.get('content-type') ?? '').toLowerCase()
  if (!type.startsWith('multipart/form-data') && !type.startsWith('application/x-www-form-urlencoded'))
    return failed(415, { form: '请通过网站上的意见表提交意见。' })
  if (Number(req.headers.get('content-length') ?? 0) > MAX_BODY_BYTES)
    return failed(413, { form: '提交的内容太大：意见最多 2000 字。' })

  const ip = addressKey(clientIp(req))
  const limits = opinionLimits()
  const attempt = await limits.attempts.take(payload, ip)
  if (!attempt.ok) {
    const wait = waitText(attempt.retryAfterMs)
    return failed(
      429,
      { form: `提交太频繁，请${wait}后再试。` },
      {
        'retry-after': String(Math.ceil(attempt.retryAfterMs / 1000)),
      },
    )
  }

  let form: FormData
  try {
    form = (await req.formData!()) as FormData
  } catch {
    return failed(400, { form: '无法读取提交的内容，请刷新页面后重新填写提交。' })
  }
  const checked = checkOpinionForm(form.entries())
  values = checked.values
  article = typeof values.article === 'string' && values.article ? values.article : GENERAL_REF
  const slug = (values.consultation ?? '').trim()
  if (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) && slug.length <= 120) {
    const { docs } = await payload.find({
      collection: 'consultations',
      where: { slug: { equals: slug } },
      overrideAccess: false,
      user: null,
      depth: 0,
      limit: 1,
    })
    consultation = docs[0]
  }
  if (checked.status !== 200 || !checked.opinion) return failed(checked.status, checked.errors)
  const opinion = checked.opinion
  if (!consultation) return failed(404, { form: '没有找到这项意见征集，它可能已经撤下。' })

  const status = consultationStatus(consultation, opinionClock.now())
  if (status === 'upcoming')
    return failed(409, {
      form: `这项意见征集还没有开始，${chineseDate(consultation.opensAt)}起可以提交意见。`,
    })
  if (status !== 'open')
    return failed(410, {
      form: `这项意见征集已于${chineseDate(consultation.closesAt)}截止，不再接收意见。感谢您的关注，反馈公开后可以在征集页面查看意见采纳情况。`,
    })
  const part = opinion.article === GENERAL_REF ? undefined : articleOf(consultation, opinion.article)
  if (opinion.article !== GENERAL_REF && !part)
    return failed(422, { article: '草案里没有这一条，请从征集页面上的条文旁边提交意见。' })

  const places: (() => Promise<void>)[] = []
  const giveBack = () => Promise.all(places.splice(0).map((r) => r().catch(() => {})))
  const take = async (window: SharedWindow, key: string, text: string) => {
    const taken = await window.take(payload, key)
    if (taken.ok) {
      places.push(taken.release)
      return undefined
    }
    await giveBack()
    return failed(429, { form: `${text}请${waitText(taken.retryAfterMs)}后再试，或到实践站当面反映。` })
  }
  const blocked =
    (await take(limits.ip, ip, '同一网络提交的意见太多，')) ??
    (opinion.phone
      ? await take(limits.phone, opinion.phone, '这个电话号码近期提交的意见太多，')
      : undefined) ??
    (await take(limits.all, 'all', '网站近期收到的意见太多，'))
  if (blocked) return blocked

  const hash = textHash(opinion.body)
  const duplicate = await payload.count({
    collection: 'opinions',
    where: { and: [{ textHash: { equals: hash } }, { consultation: { equals: consultation.id } }] },
    overrideAccess: true,
  })
  if (duplicate.totalDocs > 0) {
    await giveBack()
    return failed(409, {
      body: '同样内容的意见已经提交过了，不需要重复提交。如有补充，请换个说法写清新的内容。',
    })
  }

  let doc: Opinion
  try {
    doc = await payload.create({
      collection: 'opinions',
      data: {
        consultation: consultation.id,
        articleRef: part ? part.ref : GENERAL_REF,
        articleLabel: part?.label ?? GENERAL_LABEL,
        body: opinion.body,
        name: opinion.name || undefined,
        phone: opinion.phone || undefined,
        street: (opinion.street || undefined) as Opinion['street'],
        textHash: hash,
        outcome: 'pending',
      },
      overrideAccess: true,
    })
  } catch (error) {
    await giveBack()
    throw error
  }
  payload.logger.info(`opinions: accepted ${doc.code} on ${consultation.slug} ${doc.articleRef}`)
  const label = part?.label ?? GENERAL_LABEL
  return answer(
    req,
    201,
    { ok: true, code: doc.code, receiptUrl: receiptUrl(doc.code!), article: label },
    () =>
      htmlPage(
        '意见已收到',
        `<div class="receipt">${opinionReceiptHtml({ code: doc.code!, receiptUrl: receiptUrl(doc.code!), backUrl: consultationUrl(consultation!.slug!), articleLabel: label, heading: 'h1' })}</div>`,
      ),
  )
}

/** The public view of one opinion for its receipt holder; the outcome only once the feedback is public. */
export async function receiptView(
  payload: Payload,
  doc: Opinion,
  now = Date.now(),
): Promise<ReceiptView | null> {
  const id = typeof doc.consultation === 'object' ? doc.consultation.id : doc.consultation
  const c = (await payload.findByID({
    collection: 'consultations',
    id,
    depth: 0,
    overrideAccess: false,
    user: null,
    disableErrors: true,
  })) as Consultation | null
  if (!c) return null
  let decided: Opinion = doc
  const into = typeof doc.mergedInto === 'object' ? doc.mergedInto?.id : doc.mergedInto
  if (into) {
    const primary = (await payload.findByID({
      collection: 'opinions',
      id: into,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
    })) as Opinion | null
    if (primary) decided = primary
  }
  const published = Boolean(c.feedbackPublished) && decided.outcome !== 'pending'
  return {
    code: doc.code!,
    consultationTitle: c.title,
    consultationUrl: consultationUrl(c.slug!),
    articleLabel: doc.articleLabel || GENERAL_LABEL,
    receivedAt: doc.receivedAt!,
    statusLabel: labelOf(CONSULTATION_STATUSES, consultationStatus(c, now)),
    outcomeLabel: published ? labelOf(OPINION_OUTCOMES, decided.outcome) : null,
    reason: published ? decided.reason || null : null,
    merged: published && decided !== doc,
  }
}

const receiptPage = (main: string) => htmlPage('查询意见处理结果', `<h1>查询意见处理结果</h1>${main}`)
const receiptForm = (code = '', error = '') =>
  receiptFormHtml({ action: '/api/opinions/receipt', code, error })

export const receiptEndpoint: PayloadHandler = async (req) => {
  const taken = await opinionLimits().receipt.take(req.payload, addressKey(clientIp(req)))
  if (!taken.ok) {
    const error = `查询太频繁，请${waitText(taken.retryAfterMs)}后再试。`
    return answer(req, 429, { ok: false, error }, () =>
      receiptPage(`<p class="field-error">${escapeHtml(error)}</p>`),
    )
  }
  const typed = new URL(req.url ?? '', 'http://localhost').searchParams.get('code') ?? ''
  const code = normaliseTrackingCode(typed)
  if (!code) {
    const error = typed.trim()
      ? '回执码是 10 位字母和数字（例如 K7QM4-XR2PW），请核对后重新输入。'
      : '请输入回执码。'
    return answer(req, 400, { ok: false, error }, () => receiptPage(receiptForm(typed.slice(0, 40), error)))
  }
  const { docs } = await req.payload.find({
    collection: 'opinions',
    where: { code: { equals: code } },
    overrideAccess: true,
    depth: 0,
    limit: 1,
  })
  const view = docs[0] ? await receiptView(req.payload, docs[0]) : null
  if (!view) {
    const error = '没有找到这个回执码，请核对后重新输入。'
    return answer(req, 404, { ok: false, error }, () => receiptPage(receiptForm(typed, error)))
  }
  return answer(req, 200, { ok: true, view }, () => receiptPage(receiptForm(code) + receiptViewHtml(view)))
}
