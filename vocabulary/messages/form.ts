/**
 * HTML of the message form, the tracking view and the rating form, as plain strings: one source for
 * the static pages (site/pages/contact.astro, track.astro), the browser script that shows answers in
 * place, and the CMS endpoints' own HTML answers for visitors without JavaScript. No Node or Payload
 * imports: this module is bundled into the site's script too.
 */
import {
  CASE_CATEGORIES,
  MESSAGE_RATINGS,
  STREETS,
  type MessageRating,
  type MessageStatus,
} from '../options.ts'
import { chineseDate } from '../dates.ts'
import { escapeHtml } from '../html.ts'
import { paragraphs } from '../text.ts'
import { LIMITS, type FormErrors, type FormValues } from './validate.ts'

export interface TargetOption {
  /** `deputy:<slug>` or `station:<slug>`. */
  value: string
  label: string
  /** A deputy's street (key of STREETS): the 写给 list groups deputies by it. */
  street?: string
}

export interface FormTargets {
  stations: TargetOption[]
  deputies: TargetOption[]
}

const FIELD_ORDER = ['to', 'category', 'street', 'community', 'body', 'photos', 'name', 'phone', 'consent']

/** What the error summary calls each field: "联系电话：请填写…", so a resident knows where to look. */
export const FIELD_LABELS: Record<string, string> = {
  to: '写给',
  category: '问题类别',
  street: '所在街道',
  community: '社区',
  body: '问题或心愿',
  photos: '照片',
  name: '姓名或称呼',
  phone: '联系电话',
  consent: '隐私说明',
}

function field(
  name: string,
  label: string,
  control: string,
  errors: FormErrors,
  opts: { hint?: string; required?: boolean } = {},
): string {
  const error = errors[name as keyof FormErrors]
  return `<div class="field${error ? ' field-invalid' : ''}" data-field="${name}">
<label for="f-${name}">${escapeHtml(label)}${opts.required ? '<span class="req">（必填）</span>' : '<span class="opt">（选填）</span>'}</label>
${opts.hint ? `<p class="hint" id="f-${name}-hint">${opts.hint}</p>` : ''}
<p class="field-error" id="f-${name}-error"${error ? '' : ' hidden'}>${escapeHtml(error)}</p>
${control}
</div>`
}

const described = (name: string, hint: boolean, errors: FormErrors) =>
  ` aria-describedby="${hint ? `f-${name}-hint ` : ''}f-${name}-error"${errors[name as keyof FormErrors] ? ' aria-invalid="true"' : ''}`

function select(
  name: string,
  options: readonly { value: string; label: string }[],
  value: string | undefined,
  placeholder: string,
  errors: FormErrors,
  required: boolean,
): string {
  return `<select id="f-${name}" name="${name}"${required ? ' required' : ''}${described(name, false, errors)}>
<option value="">${escapeHtml(placeholder)}</option>${options
    .map(
      (o) =>
        `<option value="${escapeHtml(o.value)}"${o.value === value ? ' selected' : ''}>${escapeHtml(o.label)}</option>`,
    )
    .join('')}</select>`
}

/** The summary at the top of a form with errors: each links to its field (GOV.UK pattern). */
export function errorSummaryHtml(errors: FormErrors): string {
  const items = Object.entries(errors)
    .filter(([, message]) => message)
    .sort(([a], [b]) => FIELD_ORDER.indexOf(a) - FIELD_ORDER.indexOf(b))
    .map(([name, message]) =>
      name === 'form'
        ? `<li>${escapeHtml(message)}</li>`
        : `<li><a href="#f-${name}">${escapeHtml(FIELD_LABELS[name] ? `${FIELD_LABELS[name]}：${message}` : message)}</a></li>`,
    )
  if (!items.length) return ''
  return `<div class="error-summary" role="alert" tabindex="-1" id="form-errors"><h2>提交没有成功，请修改下面的内容：</h2><ul>${items.join('')}</ul></div>`
}

/**
 * The message form. `novalidate`: the browser's own bubbles speak the browser's language and vanish;
 * the errors come from our check instead (in the page with JavaScript, from the CMS's answer page
 * without), in Chinese, by their field and in the summary at the top. `action` is the CMS endpoint; `values` and `errors` refill it after a failed
 * attempt so nothing typed is lost (photos have to be chosen again: browsers never refill files).
 */
export function messageFormHtml(options: {
  action: string
  targets: FormTargets
  values?: FormValues
  errors?: FormErrors
  privacyHref: string
  /** Whether photos had been chosen before an error (they must be chosen again). */
  photosDropped?: boolean
}): string {
  const v = options.values ?? {}
  const e = options.errors ?? {}
  const option = (o: TargetOption) =>
    `<option value="${escapeHtml(o.value)}"${o.value === v.to ? ' selected' : ''}>${escapeHtml(o.label)}</option>`
  // Hundreds of deputies in one list cannot be read on a phone: one group per street, in the order of
  // STREETS (the street select above narrows the list to one group with a little script).
  const byStreet = STREETS.map((st) => ({
    ...st,
    deputies: options.targets.deputies.filter((d) => d.street === st.value),
  })).filter((g) => g.deputies.length > 0)
  const ungrouped = options.targets.deputies.filter((d) => !STREETS.some((st) => st.value === d.street))
  const deputyGroups = [
    ...byStreet.map(
      (g) =>
        `<optgroup label="${escapeHtml(g.label)}的代表" data-street="${escapeHtml(g.value)}">${g.deputies.map(option).join('')}</optgroup>`,
    ),
    ...(ungrouped.length ? [`<optgroup label="人大代表">${ungrouped.map(option).join('')}</optgroup>`] : []),
  ]
  const streetPicker = byStreet.length
    ? `<p class="to-street" hidden><label for="f-to-street">先选街道，列表里只留这个街道的代表</label>
<select id="f-to-street"><option value="">全部街道</option>${byStreet.map((g) => `<option value="${escapeHtml(g.value)}">${escapeHtml(g.label)}</option>`).join('')}</select></p>`
    : ''
  const to = `${streetPicker}<select id="f-to" name="to"${described('to', true, e)}>
<option value="">不指定，由实践基地分派给合适的代表</option>
<optgroup label="实践站点">${options.targets.stations.map(option).join('')}</optgroup>
${deputyGroups.join('\n')}</select>`
  return `<form class="message-form" id="message-form" method="post" action="${escapeHtml(options.action)}" enctype="multipart/form-data" accept-charset="utf-8" novalidate>
<div id="form-errors-slot">${errorSummaryHtml(e)}</div>
${field('to', '写给', to, e, { hint: '可以写给某位代表或某个实践站，也可以不指定。代表按所在街道分组。' })}
${field('category', '问题类别', select('category', CASE_CATEGORIES, v.category, '请选择', e, true), e, { required: true })}
<div class="field-row">
${field('street', '所在街道', select('street', STREETS, v.street, '请选择', e, true), e, { required: true })}
${field('community', '社区', `<input id="f-community" name="community" type="text" maxlength="${LIMITS.communityMax}" value="${escapeHtml(v.community)}" autocomplete="off"${described('community', false, e)}>`, e)}
</div>
${field(
  'body',
  '您要反映的问题或心愿',
  `<textarea id="f-body" name="body" rows="8" required maxlength="${LIMITS.bodyMax}"${described('body', true, e)}>${escapeHtml(v.body)}</textarea>`,
  e,
  {
    required: true,
    hint: `请写清楚地点、遇到的问题和您的期望，${LIMITS.bodyMin}～${LIMITS.bodyMax} 字。不要在这里写身份证号、银行卡号等信息。`,
  },
)}
${field(
  'photos',
  '照片',
  `<input id="f-photos" name="photos" type="file" accept="image/jpeg,image/png,image/webp,image/gif,image/avif" multiple${described('photos', true, e)}>`,
  e,
  {
    hint: `最多 ${LIMITS.photosMax} 张，每张不超过 ${LIMITS.photoBytes / 1024 / 1024} MB。照片只给办理人员看，上传时会去掉其中的拍摄地点等信息。${options.photosDropped ? '<strong>刚才选的照片需要重新选择。</strong>' : ''}`,
  },
)}
<div class="field-row">
${field('name', '姓名或称呼', `<input id="f-name" name="name" type="text" required maxlength="${LIMITS.nameMax}" value="${escapeHtml(v.name)}" autocomplete="name"${described('name', true, e)}>`, e, { required: true, hint: '可以写“王女士”“李师傅”。不会公开。' })}
${field('phone', '联系电话', `<input id="f-phone" name="phone" type="tel" inputmode="tel" required maxlength="20" value="${escapeHtml(v.phone)}" autocomplete="tel"${described('phone', true, e)}>`, e, { required: true, hint: '代表回访时使用。不会公开。' })}
</div>
<input type="hidden" id="f-from" name="from" value="${escapeHtml(v.from)}">
<div class="hp" aria-hidden="true"><label for="f-website">网址（请留空）</label><input id="f-website" name="website" type="text" tabindex="-1" autocomplete="off" value=""></div>
<div class="field field-check${e.consent ? ' field-invalid' : ''}" data-field="consent">
<p class="field-error" id="f-consent-error"${e.consent ? '' : ' hidden'}>${escapeHtml(e.consent)}</p>
<input id="f-consent" name="consent" type="checkbox" value="yes" required${v.consent ? ' checked' : ''} aria-describedby="f-consent-error"${e.consent ? ' aria-invalid="true"' : ''}>
<label for="f-consent">我已阅读并同意<a href="${escapeHtml(options.privacyHref)}">隐私说明</a>：姓名、电话和照片只用于办理和回访，不会公开。</label>
</div>
<p><button class="button button-large" type="submit">提交</button></p>
</form>`
}

export interface TrackingStep {
  status: MessageStatus
  label: string
  /**
   * done: reached, on `date`; skipped: passed without its own record (the status went from 已受理
   * straight to 已办结, say), shown as 未单独记录; pending: not reached yet, shown as 尚未进行.
   */
  state: 'done' | 'skipped' | 'pending'
  /** When the message reached the step (the first time), ISO; null when skipped or not yet. */
  date: string | null
}

/** What a step without a date says: never a blank or a dash, which reads as "something is missing". */
export const STEP_SKIPPED_TEXT = '未单独记录'
export const STEP_PENDING_TEXT = '尚未进行'

function stepHtml(s: TrackingStep, current: MessageStatus): string {
  const classes = ['track-step', s.state !== 'pending' && 'done', s.state === 'skipped' && 'skipped']
  if (s.status === current) classes.push('current')
  const when =
    s.state === 'done' && s.date
      ? `<time datetime="${escapeHtml(s.date)}">${day(s.date)}</time>`
      : s.state === 'pending'
        ? STEP_PENDING_TEXT
        : STEP_SKIPPED_TEXT
  return `<li class="${classes.filter(Boolean).join(' ')}"${s.status === current ? ' aria-current="step"' : ''}><span class="track-step-label">${escapeHtml(s.label)}</span> <span class="track-step-date">${when}</span></li>`
}

/** Everything the tracking page shows: a whitelist, never the resident's name, phone or text. */
export interface TrackingView {
  code: string
  category: string
  categoryLabel: string
  streetLabel: string
  community: string
  status: MessageStatus
  statusLabel: string
  receivedAt: string
  deadline: string | null
  closedAt: string | null
  handler: string
  steps: TrackingStep[]
  replies: { date: string; by: string; text: string }[]
  rating: MessageRating | null
  ratingLabel: string
  canRate: boolean
}

/** The date as every page of the site writes it (2026年12月1日), not 2026-12-01. */
const day = chineseDate
const textHtml = (text: string) =>
  paragraphs(text)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('')

/** The rating form for a closed message, posting to `action` (the CMS rate endpoint). */
export function ratingFormHtml(code: string, action: string, error?: string): string {
  return `<form class="rating-form" id="rating-form" method="post" novalidate action="${escapeHtml(action)}">
<input type="hidden" name="code" value="${escapeHtml(code)}">
<fieldset><legend>您对办理结果满意吗？</legend>
${error ? `<p class="field-error" role="alert">${escapeHtml(error)}</p>` : ''}
${MESSAGE_RATINGS.map((r) => `<label class="choice"><input type="radio" name="rating" value="${r.value}" required> ${escapeHtml(r.label)}</label>`).join('')}
</fieldset>
<p><button class="button" type="submit">提交评价</button></p></form>`
}

/** The status of one message for its code holder. */
export function trackingHtml(view: TrackingView, rateAction: string): string {
  const steps = view.steps.map((s) => stepHtml(s, view.status)).join('')
  const replies = view.replies.length
    ? `<h3>答复</h3><ol class="replies">${view.replies
        .map(
          (r) =>
            `<li><p class="meta"><time datetime="${escapeHtml(r.date)}">${day(r.date)}</time>${r.by ? ` · ${escapeHtml(r.by)}` : ''}</p>${textHtml(r.text)}</li>`,
        )
        .join('')}</ol>`
    : '<p class="muted">还没有答复。办理人员答复后会显示在这里。</p>'
  const rating = view.rating
    ? `<p class="rated">您的评价：<strong>${escapeHtml(view.ratingLabel)}</strong>。谢谢！</p>`
    : view.canRate
      ? ratingFormHtml(view.code, rateAction)
      : ''
  return `<section class="tracking" aria-labelledby="tracking-title">
<h2 id="tracking-title" tabindex="-1">跟踪码 <span class="code">${escapeHtml(view.code)}</span>：${escapeHtml(view.statusLabel)}</h2>
<dl class="facts">
<dt>问题类别</dt><dd>${escapeHtml(view.categoryLabel)}</dd>
<dt>所在地</dt><dd>${escapeHtml(view.streetLabel)}${view.community ? ` ${escapeHtml(view.community)}` : ''}</dd>
<dt>受理日期</dt><dd><time datetime="${escapeHtml(view.receivedAt)}">${day(view.receivedAt)}</time></dd>
${view.deadline && !view.closedAt ? `<dt>办结期限</dt><dd><time datetime="${escapeHtml(view.deadline)}">${day(view.deadline)}</time> 前</dd>` : ''}
${view.handler ? `<dt>承办</dt><dd>${escapeHtml(view.handler)}</dd>` : ''}
</dl>
<h3>办理进程</h3>
<ol class="track-steps">${steps}</ol>
${replies}
${rating}
</section>`
}

/**
 * The tracking-code form: on /track/ (where the site's script takes it over) and on the CMS's answer
 * pages for visitors without JavaScript. `rateAction` marks the site's form for its script.
 */
export function trackFormHtml(options: {
  action: string
  code?: string
  error?: string
  rateAction?: string
}): string {
  const { action, code = '', error = '', rateAction } = options
  return `<form class="track-form" id="track-form" method="get" novalidate action="${escapeHtml(action)}"${rateAction ? ` data-rate="${escapeHtml(rateAction)}"` : ''}>
<div class="field${error ? ' field-invalid' : ''}"><label for="t-code">跟踪码</label>
<p class="field-error" id="t-code-error"${error ? '' : ' hidden'}>${escapeHtml(error)}</p>
<input id="t-code" name="code" value="${escapeHtml(code)}" required autocomplete="off" autocapitalize="characters" spellcheck="false" aria-describedby="t-code-error"${error ? ' aria-invalid="true"' : ''}></div>
<p><button class="button" type="submit">查询</button></p></form>`
}

/**
 * The receipt with the tracking code, shown once after a message is accepted: by the site's script
 * (with a 复制 button: most residents are on a phone, where printing is of little use) and by the CMS's
 * answer page without JavaScript (which can only say how to keep it: a screenshot).
 */
export function receiptHtml(options: {
  code: string
  trackUrl: string
  homeUrl?: string
  heading: 'h1' | 'h2'
  /** Whether a script is there to make the 复制跟踪码 button work. */
  copyButton: boolean
}): string {
  const { code, trackUrl, homeUrl, heading, copyButton } = options
  const buttons = copyButton
    ? `<button type="button" class="button" data-copy>复制跟踪码</button> <a class="button button-light" href="${escapeHtml(trackUrl)}">查询办理进度</a>`
    : `<a class="button" href="${escapeHtml(trackUrl)}">查询办理进度</a>`
  return `<${heading}>来信已收到</${heading}>
<p>您的跟踪码是</p><p class="code code-large">${escapeHtml(code)}</p>
<p><strong>请截图保存，或把跟踪码抄在纸上：它只显示这一次。</strong>凭它可以在“查询办理进度”里查看办理情况和答复，办结后还可以评价。</p>
<p class="muted">我们会尽快分类分派：一般来信 15 天内、紧急来信 3 天内办结答复，代表会按您留的电话回访。</p>
<p class="no-print">${buttons}${homeUrl ? ` <a href="${escapeHtml(homeUrl)}">返回网站首页</a>` : ''}</p>
${copyButton ? '<p class="copy-status" role="status" aria-live="polite"></p>\n' : ''}<p class="no-print muted">截图：多数手机同时按住电源键和音量减小键。在电脑上也可以按 Ctrl+P 打印。</p>`
}
