/**
 * /consultations/receipt/ with JavaScript: a `?code=` in the address (the link on the CMS's answer page)
 * or a typed code is looked up at the CMS and shown in place. Without JavaScript the form is sent to
 * the CMS, which answers with its own page.
 */
import { receiptViewHtml, type ReceiptView } from '../../vocabulary/consultations/form.ts'

export function startReceipt(): void {
  const form = document.getElementById('receipt-form') as HTMLFormElement | null
  const out = document.getElementById('receipt-result')
  if (!form || !out) return
  const input = form.querySelector<HTMLInputElement>('input[name="code"]')!
  const error = form.querySelector<HTMLElement>('.field-error')!
  const look = async (code: string) => {
    try {
      const res = await fetch(`${form.action}?code=${encodeURIComponent(code)}`, {
        headers: { accept: 'application/json' },
      })
      const json = (await res.json()) as { ok: boolean; view?: ReceiptView; error?: string }
      error.hidden = json.ok
      error.textContent = json.ok ? '' : (json.error ?? '查询没有成功，请稍后再试。')
      out.innerHTML = json.ok && json.view ? receiptViewHtml(json.view) : ''
      out.querySelector<HTMLElement>('h2')?.focus()
    } catch {
      error.hidden = false
      error.textContent = '暂时连不上意见系统，请稍后再试。'
    }
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    void look(input.value)
  })
  const code = new URLSearchParams(location.search).get('code')
  if (code) {
    input.value = code
    void look(code)
  }
}
