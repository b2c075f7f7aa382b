/**
 * HTML of the opinion form, the receipt and the receipt look-up, as plain strings: one source for the
 * static consultation pages and the CMS endpoints' own answers for visitors without JavaScript (which
 * re-render the form filled in, with the errors next to the fields). No Node or Payload imports.
 */
import { STREETS } from '../options.ts'
import { chineseDate } from '../dates.ts'
import { escapeHtml } from '../html.ts'
import { paragraphs } from '../text.ts'
import { GENERAL_REF, OPINION_LIMITS, type OpinionErrors, type OpinionValues } from './validate.ts'

const OPINION_FIELD_LABELS: Record<string, string> = {
  article: '条文',
  body: '意见或建议',
  name: '姓名或称呼',
  phone: '联系电话',
  street: '所在街道',
}

function errorSummary(errors: OpinionErrors, prefix: string): string {
  const items = Object.entries(errors)
    .filter(([, m]) => m)
    .map(([name, m]) =>
      name === 'form' || !OPINION_FIELD_LABELS[name]
        ? `<li>${escapeHtml(m)}</li>`
        : `<li><a href="#${prefix}-${name}">${escapeHtml(`${OPINION_FIELD_LABELS[name]}：${m}`)}</a></li>`,
    )
  if (!items.length) return ''
  return `<div class="error-summary" role="alert" tabindex="-1"><h2>提交没有成功，请修改下面的内容：</h2><ul>${items.join('')}</ul></div>`
}

function field(
  prefix: string,
  name: string,
  label: string,
  control: string,
  errors: OpinionErrors,
  opts: { hint?: string; required?: boolean } = {},
): string {
  const error = errors[name as keyof OpinionErrors]
  return `<div class="field${error ? ' field-invalid' : ''}" data-field="${name}">
<label for="${prefix}-${name}">${escapeHtml(label)}${opts.required ? '<span class="req">（必填）</span>' : '<span class="opt">（选填）</span>'}</label>
${opts.hint ? `<p class="hint" id="${prefix}-${name}-hint">${escapeHtml(opts.hint)}</p>` : ''}
<p class="field-error" id="${prefix}-${name}-error"${error ? '' : ' hidden'}>${escapeHtml(error)}</p>
${control}
</div>`
}

const described = (prefix: string, name: string, hint: boolean, errors: OpinionErrors) =>
  ` aria-describedby="${hint ? `${prefix}-${name}-hint ` : ''}${prefix}-${name}-error"${errors[name as keyof OpinionErrors] ? ' aria-invalid="true"' : ''}`

/**
 * One opinion form: for an article (`article` = its ref) or the general one (GENERAL_REF). Posts to the
 * CMS (`action`); `values` and `errors` refill it after a refused attempt.
 */
export function opinionFormHtml(options: {
  action: string
  consultation: string
  article: string
  /** 第三条, or 总体意见. */
  articleLabel: string
  values?: OpinionValues
  errors?: OpinionErrors
}): string {
  const v = options.values ?? {}
  const e = options.errors ?? {}
  const p = `o-${options.article}`
  const general = options.article === GENERAL_REF
  const streetOptions = STREETS.map(
    (s) =>
      `<option value="${s.value}"${s.value === v.street ? ' selected' : ''}>${escapeHtml(s.label)}</option>`,
  ).join('')
  return `<form class="opinion-form" method="post" action="${escapeHtml(options.action)}" accept-charset="utf-8" data-article="${escapeHtml(options.article)}">
${errorSummary(e, p)}
<input type="hidden" name="consultation" value="${escapeHtml(options.consultation)}">
<input type="hidden" name="article" value="${escapeHtml(options.article)}">
${field(
  p,
  'body',
  general ? '对草案的总体意见或建议' : `对${options.articleLabel}的意见或建议`,
  `<textarea id="${p}-body" name="body" rows="5" required maxlength="${OPINION_LIMITS.bodyMax}"${described(p, 'body', true, e)}>${escapeHtml(v.body)}</textarea>`,
  e,
  {
    required: true,
    hint: `${OPINION_LIMITS.bodyMin}～${OPINION_LIMITS.bodyMax} 字。反馈时意见内容可能以匿名方式公开，请不要写姓名、电话和门牌号。`,
  },
)}
<div class="field-row">
${field(p, 'name', '姓名或称呼', `<input id="${p}-name" name="name" type="text" maxlength="${OPINION_LIMITS.nameMax}" value="${escapeHtml(v.name)}" autocomplete="name"${described(p, 'name', false, e)}>`, e)}
${field(p, 'phone', '联系电话', `<input id="${p}-phone" name="phone" type="tel" inputmode="tel" maxlength="20" value="${escapeHtml(v.phone)}" autocomplete="tel"${described(p, 'phone', true, e)}>`, e, { hint: '需要进一步了解情况时联系您。不会公开。' })}
${field(p, 'street', '所在街道', `<select id="${p}-street" name="street"${described(p, 'street', false, e)}><option value="">不填写</option>${streetOptions}</select>`, e)}
</div>
<div class="hp" aria-hidden="true"><label for="${p}-website">网址（请留空）</label><input id="${p}-website" name="website" type="text" tabindex="-1" autocomplete="off" value=""></div>
<p><button class="button" type="submit">提交意见</button></p>
</form>`
}

/** Shown once after an opinion is accepted. */
export function opinionReceiptHtml(options: {
  code: string
  receiptUrl: string
  backUrl: string
  articleLabel: string
  heading: 'h1' | 'h2'
}): string {
  const { code, receiptUrl, backUrl, articleLabel, heading } = options
  return `<${heading}>意见已收到</${heading}>
<p>您对“${escapeHtml(articleLabel)}”的意见已经收到。您的回执码是</p><p class="code code-large">${escapeHtml(code)}</p>
<p><strong>请截图保存或抄下回执码：它只显示这一次。</strong>征集结束、反馈公开后，凭它可以查看这条意见是否被采纳和理由。</p>
<p class="no-print"><a class="button" href="${escapeHtml(receiptUrl)}">查询意见处理结果</a> <a href="${escapeHtml(backUrl)}">返回征集页面</a></p>`
}

/** What a receipt look-up shows: never the name, phone, street or text of the opinion. */
export interface ReceiptView {
  code: string
  consultationTitle: string
  consultationUrl: string
  articleLabel: string
  receivedAt: string
  /** 征集中 / 已截止 / 已反馈 … */
  statusLabel: string
  /** Only once the feedback is published. */
  outcomeLabel: string | null
  reason: string | null
  /** When it was merged into another opinion with the same content. */
  merged: boolean
}

export function receiptViewHtml(view: ReceiptView): string {
  const outcome = view.outcomeLabel
    ? `<dt>处理结果</dt><dd><strong class="outcome">${escapeHtml(view.outcomeLabel)}</strong>${view.merged ? '（与内容相同的意见合并处理）' : ''}</dd>
${
  view.reason
    ? `<dt>理由</dt><dd>${paragraphs(view.reason)
        .map((t) => `<p>${escapeHtml(t)}</p>`)
        .join('')}</dd>`
    : ''
}`
    : `<dt>处理结果</dt><dd>意见正在研究中，反馈公开后在这里显示处理结果和理由。</dd>`
  return `<section class="tracking" aria-labelledby="receipt-title">
<h2 id="receipt-title" tabindex="-1">回执码 <span class="code">${escapeHtml(view.code)}</span></h2>
<dl class="facts">
<dt>意见征集</dt><dd><a href="${escapeHtml(view.consultationUrl)}">${escapeHtml(view.consultationTitle)}</a>（${escapeHtml(view.statusLabel)}）</dd>
<dt>针对</dt><dd>${escapeHtml(view.articleLabel)}</dd>
<dt>提交日期</dt><dd><time datetime="${escapeHtml(view.receivedAt)}">${chineseDate(view.receivedAt)}</time></dd>
${outcome}
</dl>
</section>`
}

export function receiptFormHtml(options: { action: string; code?: string; error?: string }): string {
  const { action, code = '', error = '' } = options
  return `<form class="track-form" id="receipt-form" method="get" action="${escapeHtml(action)}">
<div class="field${error ? ' field-invalid' : ''}"><label for="r-code">回执码</label>
<p class="field-error" id="r-code-error"${error ? '' : ' hidden'}>${escapeHtml(error)}</p>
<input id="r-code" name="code" value="${escapeHtml(code)}" required autocomplete="off" autocapitalize="characters" spellcheck="false" aria-describedby="r-code-error"${error ? ' aria-invalid="true"' : ''}></div>
<p><button class="button" type="submit">查询</button></p></form>`
}
