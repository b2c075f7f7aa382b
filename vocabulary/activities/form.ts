/**
 * HTML of the booking form, the booking receipt and the cancel form, as plain strings: one source for
 * the static activity pages and the CMS endpoints' own answers for visitors without JavaScript (which
 * re-render the form filled in, with the errors next to the fields). No Node or Payload imports.
 */
import { escapeHtml } from '../html.ts'
import {
  BOOKING_LIMITS,
  type BookingErrors,
  type BookingValues,
  type CancelErrors,
  type CancelValues,
} from './validate.ts'

const LABELS: Record<string, string> = {
  name: '姓名或称呼',
  phone: '手机号',
  issue: '想反映的问题',
  code: '预约码',
}

type Errors = Partial<Record<string, string>>

function errorSummary(errors: Errors, prefix: string): string {
  const items = Object.entries(errors)
    .filter(([, m]) => m)
    .map(([name, m]) =>
      name === 'form' || !LABELS[name]
        ? `<li>${escapeHtml(m)}</li>`
        : `<li><a href="#${prefix}-${name}">${escapeHtml(`${LABELS[name]}：${m}`)}</a></li>`,
    )
  if (!items.length) return ''
  return `<div class="error-summary" role="alert" tabindex="-1"><h2>提交没有成功，请修改下面的内容：</h2><ul>${items.join('')}</ul></div>`
}

function field(
  prefix: string,
  name: string,
  control: string,
  errors: Errors,
  opts: { hint?: string; required?: boolean } = {},
): string {
  const error = errors[name]
  return `<div class="field${error ? ' field-invalid' : ''}" data-field="${name}">
<label for="${prefix}-${name}">${escapeHtml(LABELS[name])}${opts.required ? '<span class="req">（必填）</span>' : '<span class="opt">（选填）</span>'}</label>
${opts.hint ? `<p class="hint" id="${prefix}-${name}-hint">${escapeHtml(opts.hint)}</p>` : ''}
<p class="field-error" id="${prefix}-${name}-error"${error ? '' : ' hidden'}>${escapeHtml(error)}</p>
${control}
</div>`
}

const described = (prefix: string, name: string, hint: boolean, errors: Errors) =>
  ` aria-describedby="${hint ? `${prefix}-${name}-hint ` : ''}${prefix}-${name}-error"${errors[name] ? ' aria-invalid="true"' : ''}`

const honeypot = (p: string) =>
  `<div class="hp" aria-hidden="true"><label for="${p}-website">网址（请留空）</label><input id="${p}-website" name="website" type="text" tabindex="-1" autocomplete="off" value=""></div>`

/** The booking form of one activity; posts to the CMS (`action`); `values`/`errors` refill it after a refusal. */
export function bookingFormHtml(options: {
  action: string
  activity: string
  values?: BookingValues
  errors?: BookingErrors
}): string {
  const v = options.values ?? {}
  const e = options.errors ?? {}
  const p = 'b'
  return `<form class="booking-form" id="booking-form" method="post" action="${escapeHtml(options.action)}" accept-charset="utf-8" novalidate>
${errorSummary(e, p)}
<input type="hidden" name="activity" value="${escapeHtml(options.activity)}">
<div class="field-row">
${field(p, 'name', `<input id="${p}-name" name="name" type="text" required maxlength="${BOOKING_LIMITS.nameMax}" value="${escapeHtml(v.name)}" autocomplete="name"${described(p, 'name', false, e)}>`, e, { required: true })}
${field(p, 'phone', `<input id="${p}-phone" name="phone" type="tel" inputmode="tel" required maxlength="20" value="${escapeHtml(v.phone)}" autocomplete="tel"${described(p, 'phone', true, e)}>`, e, { required: true, hint: '活动有变动时通知您；取消预约时也要填写。不会公开。' })}
</div>
${field(p, 'issue', `<textarea id="${p}-issue" name="issue" rows="4" maxlength="${BOOKING_LIMITS.issueMax}"${described(p, 'issue', true, e)}>${escapeHtml(v.issue)}</textarea>`, e, { hint: `最多 ${BOOKING_LIMITS.issueMax} 字。提前告诉代表，便于准备。不会公开。` })}
${honeypot(p)}
<p><button class="button" type="submit">预约</button></p>
</form>`
}

/** Shown once after a booking is accepted. */
export function bookingReceiptHtml(options: {
  code: string
  activityTitle: string
  when: string
  where: string
  cancelUrl: string
  backUrl: string
  heading: 'h1' | 'h2'
}): string {
  const o = options
  return `<${o.heading}>预约成功</${o.heading}>
<p>您已预约“${escapeHtml(o.activityTitle)}”（${escapeHtml(o.when)}，${escapeHtml(o.where)}）。您的预约码是</p><p class="code code-large" data-booking-code>${escapeHtml(o.code)}</p>
<p><strong>请截图保存或抄下预约码：它只显示这一次。</strong>到场时报预约码或手机号即可；不能参加时，凭预约码和手机号取消，把名额让给其他群众。</p>
<p class="no-print"><a class="button" href="${escapeHtml(o.cancelUrl)}">取消预约</a> <a href="${escapeHtml(o.backUrl)}">返回活动页面</a></p>`
}

/** The cancel form (预约码 + 手机号). */
export function cancelFormHtml(options: {
  action: string
  values?: CancelValues
  errors?: CancelErrors
}): string {
  const v = options.values ?? {}
  const e = options.errors ?? {}
  const p = 'c'
  return `<form class="cancel-form" id="cancel-form" method="post" action="${escapeHtml(options.action)}" accept-charset="utf-8" novalidate>
${errorSummary(e, p)}
${field(p, 'code', `<input id="${p}-code" name="code" required value="${escapeHtml(v.code)}" autocomplete="off" autocapitalize="characters" spellcheck="false"${described(p, 'code', false, e)}>`, e, { required: true })}
${field(p, 'phone', `<input id="${p}-phone" name="phone" type="tel" inputmode="tel" required maxlength="20" value="${escapeHtml(v.phone)}" autocomplete="tel"${described(p, 'phone', false, e)}>`, e, { required: true })}
${honeypot(p)}
<p><button class="button" type="submit">取消预约</button></p>
</form>`
}

export function cancelledHtml(options: {
  activityTitle: string
  backUrl: string
  heading: 'h1' | 'h2'
}): string {
  return `<${options.heading}>预约已取消</${options.heading}>
<p>您对“${escapeHtml(options.activityTitle)}”的预约已经取消，名额已让给其他群众。</p>
<p><a href="${escapeHtml(options.backUrl)}">返回活动页面</a></p>`
}
