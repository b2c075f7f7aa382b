/**
 * The message form and the tracking page with JavaScript: they post to the CMS with fetch and show the
 * answer in place (errors by their fields, the tracking code, the status), instead of the CMS's own
 * HTML pages that the same forms get without JavaScript. Nothing typed is lost on an error, and when
 * the CMS cannot be reached the form stays as it was.
 */
import {
  errorSummaryHtml,
  receiptHtml,
  trackingHtml,
  type TrackingView,
} from '../../vocabulary/messages/form.ts'
import { checkSubmission, type FormErrors } from '../../vocabulary/messages/validate.ts'
import { POSTER_SOURCE } from '../../vocabulary/options.ts'

const OFFLINE = '暂时连不上办理系统，您填写的内容还在页面上。请稍后再点一次提交，或拨打所在实践站的电话反映。'

async function send(
  url: string,
  init: RequestInit,
): Promise<{ status: number; json: Record<string, unknown> } | null> {
  try {
    const res = await fetch(url, { ...init, headers: { accept: 'application/json' } })
    return { status: res.status, json: (await res.json()) as Record<string, unknown> }
  } catch {
    return null
  }
}

function showErrors(form: HTMLFormElement, errors: FormErrors): void {
  for (const field of form.querySelectorAll<HTMLElement>('[data-field]')) {
    const name = field.dataset.field as keyof FormErrors
    const message = errors[name]
    const box = field.querySelector<HTMLElement>('.field-error')
    const control = form.querySelector<HTMLElement>(`#f-${name}`)
    field.classList.toggle('field-invalid', Boolean(message))
    if (box) {
      box.textContent = message ?? ''
      box.hidden = !message
    }
    if (message) control?.setAttribute('aria-invalid', 'true')
    else control?.removeAttribute('aria-invalid')
  }
  const slot = form.querySelector<HTMLElement>('#form-errors-slot')!
  slot.innerHTML = errorSummaryHtml(errors)
  slot.querySelector<HTMLElement>('.error-summary')?.focus()
}

/**
 * 写给: the street select (hidden without JavaScript, where the list is grouped by street) keeps only
 * that street's deputies in the list, the stations and 不指定 always. Options are removed rather than
 * hidden: phones ignore `hidden` on options.
 */
function narrowAddressees(form: HTMLFormElement): void {
  const select = form.querySelector<HTMLSelectElement>('#f-to')
  const street = form.querySelector<HTMLSelectElement>('#f-to-street')
  if (!select || !street) return
  const groups = [...select.querySelectorAll<HTMLOptGroupElement>('optgroup[data-street]')]
  const chosen = select.selectedOptions[0]?.parentElement as HTMLElement | null
  if (chosen?.dataset.street) street.value = chosen.dataset.street
  const apply = () => {
    const keep = select.value
    for (const group of groups) {
      if (!street.value || group.dataset.street === street.value) select.append(group)
      else group.remove()
    }
    select.value = [...select.options].some((o) => o.value === keep) ? keep : ''
  }
  street.addEventListener('change', apply)
  street.closest<HTMLElement>('.to-street')!.hidden = false
  apply()
}

/** The receipt's 复制跟踪码: the clipboard where the browser allows it, else the code selected. */
async function copyCode(receipt: HTMLElement, code: string): Promise<void> {
  const status = receipt.querySelector<HTMLElement>('.copy-status')!
  try {
    await navigator.clipboard.writeText(code)
    status.textContent = `已复制跟踪码 ${code}，可以粘贴到备忘录或发给家人。也请截图保存。`
  } catch {
    const range = document.createRange()
    range.selectNodeContents(receipt.querySelector('.code')!)
    getSelection()?.removeAllRanges()
    getSelection()?.addRange(range)
    status.textContent = '没能自动复制：跟踪码已选中，请长按它选择“复制”，或截图保存。'
  }
}

/** /contact/: pre-selects ?to=, posts with fetch, shows errors or the tracking code. */
export function startContactForm(): void {
  const form = document.getElementById('message-form') as HTMLFormElement | null
  if (!form) return
  const to = new URLSearchParams(location.search).get('to')
  const select = form.querySelector<HTMLSelectElement>('#f-to')
  if (to && select && [...select.options].some((o) => o.value === to)) select.value = to
  // Opened from a 码上见代表 poster's QR code: the message records that poster as its source.
  const from = new URLSearchParams(location.search).get('from')
  const source = form.querySelector<HTMLInputElement>('#f-from')
  if (from && source && POSTER_SOURCE.test(from)) source.value = from
  narrowAddressees(form)
  // The markup says novalidate already; errors come from our check, in Chinese, next to the field.
  form.noValidate = true
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')!
  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    // The CMS's own check, run here first: a missing field is named at once, in Chinese, without a
    // round trip (the CMS checks again; what only it can know, such as limits, it answers itself).
    const local = checkSubmission(new FormData(form).entries())
    if (local.status === 422) return showErrors(form, local.errors)
    button.disabled = true
    button.textContent = '正在提交…'
    const answer = await send(form.action, { method: 'POST', body: new FormData(form) })
    button.disabled = false
    button.textContent = '提交'
    if (!answer) return showErrors(form, { form: OFFLINE })
    if (answer.status === 201 && typeof answer.json.code === 'string') {
      const code = answer.json.code
      const receipt = document.createElement('div')
      receipt.className = 'receipt'
      receipt.tabIndex = -1
      receipt.innerHTML = receiptHtml({
        code,
        trackUrl: `/track/?code=${encodeURIComponent(code)}`,
        heading: 'h2',
        copyButton: true,
      })
      receipt.querySelector('[data-copy]')!.addEventListener('click', () => void copyCode(receipt, code))
      form.replaceWith(receipt)
      document.body.classList.add('printing-receipt')
      receipt.focus()
      return
    }
    showErrors(form, (answer.json.errors as FormErrors) ?? { form: '提交没有成功，请稍后再试。' })
  })
}

/** /track/: looks the code up with fetch (also from ?code=), shows the status and the rating form. */
export function startTracking(rateUrl: string): void {
  const form = document.getElementById('track-form') as HTMLFormElement | null
  const found = document.getElementById('track-result')
  if (!form || !found) return
  const result: HTMLElement = found
  const input = form.querySelector<HTMLInputElement>('#t-code')!
  const error = form.querySelector<HTMLElement>('#t-code-error')!
  const setError = (message: string) => {
    error.textContent = message
    error.hidden = !message
    if (message) input.setAttribute('aria-invalid', 'true')
    else input.removeAttribute('aria-invalid')
  }
  const render = (view: TrackingView) => {
    result.innerHTML = trackingHtml(view, rateUrl)
    result.querySelector('#rating-form')?.addEventListener('submit', rate)
  }
  const lookup = async (code: string) => {
    setError('')
    result.innerHTML = '<p class="muted">正在查询…</p>'
    const answer = await send(`${form.action}?code=${encodeURIComponent(code)}`, { method: 'GET' })
    if (!answer) {
      result.innerHTML = ''
      return setError('暂时连不上办理系统，请稍后再查。')
    }
    if (answer.status !== 200) {
      result.innerHTML = ''
      setError(String(answer.json.error ?? '查询没有成功，请稍后再试。'))
      return input.focus()
    }
    const view = answer.json.view as TrackingView
    history.replaceState(null, '', `?code=${encodeURIComponent(view.code)}`)
    render(view)
    result.querySelector<HTMLElement>('h2')?.focus()
  }
  async function rate(event: Event) {
    event.preventDefault()
    const ratingForm = event.currentTarget as HTMLFormElement
    const answer = await send(ratingForm.action, { method: 'POST', body: new FormData(ratingForm) })
    if (!answer) return alert('暂时连不上办理系统，请稍后再试。')
    if (answer.json.view) render(answer.json.view as TrackingView)
    if (answer.status !== 200) {
      const note = document.createElement('p')
      note.className = 'field-error'
      note.setAttribute('role', 'alert')
      note.textContent = String(answer.json.error ?? '评价没有成功，请稍后再试。')
      result.prepend(note)
    } else {
      const thanks = result.querySelector<HTMLElement>('.rated')
      thanks?.setAttribute('role', 'status')
    }
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    void lookup(input.value)
  })
  const code = new URLSearchParams(location.search).get('code')
  if (code) {
    input.value = code
    void lookup(code)
  }
}
