/**
 * Booking and cancelling with JavaScript: the same forms are sent with fetch (`Accept: application/json`)
 * and the answer is shown in place: the form again with the Chinese errors by the fields and everything
 * typed kept, or the booking code. The places left are asked of the CMS (the live number). Without
 * JavaScript the forms are posted and the CMS answers with its own page.
 */
import {
  bookingFormHtml,
  bookingReceiptHtml,
  cancelFormHtml,
  cancelledHtml,
} from '../../vocabulary/activities/form.ts'
import type { BookingErrors, BookingValues } from '../../vocabulary/activities/validate.ts'

const OFFLINE = '暂时连不上预约系统，您填写的内容还在，请稍后再试，或拨打实践站电话预约。'

function valuesOf(form: HTMLFormElement): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of new FormData(form)) if (typeof v === 'string' && k !== 'website') out[k] = v
  return out
}

function wire(area: HTMLElement, render: (values: Record<string, string>, errors: BookingErrors) => string) {
  const form = area.querySelector('form')
  if (!form) return
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    const values = valuesOf(form)
    const button = form.querySelector('button')
    if (button) button.disabled = true
    void fetch(form.action, {
      method: 'POST',
      body: new FormData(form),
      headers: { accept: 'application/json' },
    })
      .then(async (res) => {
        const json = (await res.json()) as Record<string, unknown> & { ok: boolean; errors?: BookingErrors }
        if (json.ok) {
          area.innerHTML = json.code
            ? bookingReceiptHtml({
                ...(json as unknown as Parameters<typeof bookingReceiptHtml>[0]),
                heading: 'h2',
              })
            : cancelledHtml({
                activityTitle: String(json.activityTitle ?? '活动'),
                backUrl: String(json.backUrl ?? '/activities/'),
                heading: 'h2',
              })
          area.querySelector<HTMLElement>('h2')?.setAttribute('tabindex', '-1')
          area.querySelector<HTMLElement>('h2')?.focus()
          return
        }
        area.innerHTML = render(values, json.errors ?? { form: OFFLINE })
        wire(area, render)
        area.querySelector<HTMLElement>('.error-summary')?.focus()
      })
      .catch(() => {
        area.innerHTML = render(values, { form: OFFLINE })
        wire(area, render)
        area.querySelector<HTMLElement>('.error-summary')?.focus()
      })
  })
}

export function startBooking(): void {
  const booking = document.getElementById('booking-area')
  const bookingForm = booking?.querySelector('form')
  if (booking && bookingForm) {
    const action = bookingForm.action
    const activity = (bookingForm.elements.namedItem('activity') as HTMLInputElement).value
    wire(booking, (values, errors) =>
      bookingFormHtml({ action, activity, values: values as BookingValues, errors }),
    )
  }
  const cancel = document.getElementById('cancel-area')
  const cancelForm = cancel?.querySelector('form')
  if (cancel && cancelForm) {
    const action = cancelForm.action
    wire(cancel, (values, errors) => cancelFormHtml({ action, values, errors }))
  }
  const places = document.querySelector<HTMLElement>('[data-places]')
  if (places?.dataset.endpoint && places.dataset.activity) {
    void fetch(`${places.dataset.endpoint}?activity=${encodeURIComponent(places.dataset.activity)}`, {
      headers: { accept: 'application/json' },
    })
      .then((res) => res.json())
      .then((json: { ok: boolean; left?: number; capacity?: number; state?: string }) => {
        if (!json.ok || !json.capacity) return
        places.textContent =
          json.state === 'open'
            ? `可预约，剩余名额 ${json.left} 个（共 ${json.capacity} 个）`
            : json.state === 'full'
              ? `名额已约满（共 ${json.capacity} 个），可直接到场，现场同样接待`
              : '网上预约已截止，可直接到场'
      })
      .catch(() => {})
  }
}
