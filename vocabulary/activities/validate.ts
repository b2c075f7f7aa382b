/**
 * Checks a booking (预约) and a cancellation as they arrive from an activity's public form, field by
 * field, with the errors in Chinese next to the field they belong to. Pure: the endpoint adds what needs
 * the database (the activity is published and bookable, places left, limits, duplicates).
 */
import { normalisePhone } from '../messages/validate.ts'
import { normaliseTrackingCode } from '../messages/code.ts'

/** Every field the booking form has; anything else is refused, so forged fields (status, code…) never pass. */
export const BOOKING_FORM_FIELDS = ['activity', 'name', 'phone', 'issue', 'website'] as const
export type BookingField = (typeof BOOKING_FORM_FIELDS)[number]
export const CANCEL_FORM_FIELDS = ['code', 'phone', 'website'] as const
export type CancelField = (typeof CANCEL_FORM_FIELDS)[number]

export const BOOKING_LIMITS = { nameMax: 20, issueMax: 500 } as const

export type BookingValues = Partial<Record<BookingField, string>>
export type BookingErrors = Partial<Record<BookingField | 'form', string>>
export type CancelValues = Partial<Record<CancelField, string>>
export type CancelErrors = Partial<Record<CancelField | 'form', string>>

export interface CleanBooking {
  /** The activity's slug. */
  activity: string
  name: string
  phone: string
  issue: string
}

export interface Checked<V, E, T> {
  values: V
  errors: E
  status: 400 | 422 | 200
  clean?: T
}

const TAG = /<\s*\/?\s*[a-z!?][^>]*>?/i
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g
const NAME = /^[\p{Script=Han}A-Za-z·•.\s]+$/u
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const HONEYPOT = '提交未通过检查。如果您是正常填写的，请刷新页面后重试，或拨打实践站电话预约。'

const clean = (value: string) => value.normalize('NFC').replace(CONTROL, '').replace(/\r\n?/g, '\n').trim()

const BOOKING_LABELS: Record<BookingField, string> = {
  activity: '活动',
  name: '姓名',
  phone: '手机号',
  issue: '想反映的问题',
  website: '网址',
}
const CANCEL_LABELS: Record<CancelField, string> = { code: '预约码', phone: '手机号', website: '网址' }

/** Reads the form's entries: only known fields, each once, each text; the rest makes it a 400. */
function readEntries<F extends string>(
  entries: Iterable<[string, FormDataEntryValue]>,
  fields: readonly F[],
  labels: Record<F, string>,
  maxLength: number,
): { values: Partial<Record<F, string>>; errors: Partial<Record<F | 'form', string>>; malformed: boolean } {
  const values: Partial<Record<F, string>> = {}
  const errors: Partial<Record<F | 'form', string>> = {}
  const seen = new Set<string>()
  let malformed = false
  let count = 0
  for (const [key, value] of entries) {
    if (++count > 12) {
      errors.form = '提交的项目太多，请从网站上的预约表提交。'
      return { values, errors, malformed: true }
    }
    if (!(fields as readonly string[]).includes(key)) {
      errors.form = `提交的内容里有表单之外的项目「${key.replace(CONTROL, '').slice(0, 30)}」，请从网站上的预约表提交。`
      malformed = true
      continue
    }
    const field = key as F
    if (seen.has(field)) {
      errors[field] = `「${labels[field]}」只能填写一项。`
      malformed = true
      continue
    }
    seen.add(field)
    if (typeof value !== 'string') {
      errors[field] = `「${labels[field]}」应当是文字，不能是文件。`
      malformed = true
      continue
    }
    values[field] = value.slice(0, maxLength + 200)
  }
  return { values, errors, malformed }
}

function checkPhone(raw: string): { phone: string; error?: string } {
  if (!raw) return { phone: '', error: '请填写手机号：活动有变动时通知您，取消预约时也要用到。' }
  const phone = normalisePhone(raw)
  if (!phone || !/^1\d{10}$/.test(phone))
    return { phone: '', error: '请填写 11 位手机号（例如 13912345678）。' }
  return { phone }
}

export function checkBookingForm(
  entries: Iterable<[string, FormDataEntryValue]>,
): Checked<BookingValues, BookingErrors, CleanBooking> {
  const read = readEntries(entries, BOOKING_FORM_FIELDS, BOOKING_LABELS, BOOKING_LIMITS.issueMax)
  const { values, errors } = read
  const text = (field: BookingField) => clean(values[field] ?? '')

  if (text('website')) errors.form ??= HONEYPOT
  const activity = text('activity')
  if (!activity || !SLUG.test(activity) || activity.length > 120)
    errors.form ??= '没有说明预约哪一场活动，请从网站上的活动页面预约。'

  const name = text('name')
  if (!name) errors.name ??= '请填写姓名或称呼（可以写“王女士”）。'
  else if ([...name].length > BOOKING_LIMITS.nameMax)
    errors.name ??= `姓名最多 ${BOOKING_LIMITS.nameMax} 个字。`
  else if (!NAME.test(name)) errors.name ??= '姓名只能包含汉字、字母和间隔号（可以写“王女士”）。'

  const phone = checkPhone(text('phone'))
  if (phone.error) errors.phone ??= phone.error

  const issue = text('issue')
  const length = [...issue].length
  if (length > BOOKING_LIMITS.issueMax)
    errors.issue ??= `想反映的问题最多 ${BOOKING_LIMITS.issueMax} 字（现在 ${length} 字），请精简后再提交。`
  else if (TAG.test(issue)) errors.issue ??= '请不要输入网页代码或尖括号标签（例如 <script>）。'

  const status = read.malformed ? 400 : Object.keys(errors).length ? 422 : 200
  if (status !== 200) return { values, errors, status }
  return { values, errors, status, clean: { activity, name, phone: phone.phone, issue } }
}

export function checkCancelForm(
  entries: Iterable<[string, FormDataEntryValue]>,
): Checked<CancelValues, CancelErrors, { code: string; phone: string }> {
  const read = readEntries(entries, CANCEL_FORM_FIELDS, CANCEL_LABELS, 40)
  const { values, errors } = read
  const text = (field: CancelField) => clean(values[field] ?? '')
  if (text('website')) errors.form ??= HONEYPOT
  const typed = text('code')
  const code = normaliseTrackingCode(typed)
  if (!typed) errors.code ??= '请输入预约码。'
  else if (!code) errors.code ??= '预约码是 10 位字母和数字（例如 K7QM4-XR2PW），请核对后重新输入。'
  const phone = checkPhone(text('phone'))
  if (phone.error) errors.phone ??= '请填写预约时留下的 11 位手机号。'
  const status = read.malformed ? 400 : Object.keys(errors).length ? 422 : 200
  if (status !== 200 || !code) return { values, errors, status: status === 200 ? 422 : status }
  return { values, errors, status, clean: { code, phone: phone.phone } }
}
