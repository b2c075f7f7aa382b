/**
 * A valid message form as the site's /contact/ page sends it, different for each `n` (the duplicate check
 * refuses a repeated text, the phone limit a repeated number). For specs that post to a running CMS.
 */
export function validMessageForm(n: number, phonePrefix = '139'): FormData {
  const form = new FormData()
  const fields = {
    category: 'other',
    street: 'kuishan',
    community: '矿山社区',
    body: `第${n}件：小区门口的路灯坏了很久，晚上老人出门看不清路，希望尽快修好。`,
    name: '李先生',
    phone: `${phonePrefix}${String(10_000_000 + n).slice(-8)}`,
    consent: 'yes',
    website: '',
  }
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  return form
}
