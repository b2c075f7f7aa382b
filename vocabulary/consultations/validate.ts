/**
 * Checks an opinion as it arrives from a consultation's public form (multipart or urlencoded), field by
 * field, with the errors in Chinese next to the field they belong to. Pure: the endpoint adds what needs
 * the database (the consultation is open, the article exists in it, limits, duplicates).
 */
import { STREETS } from '../options.ts'
import { hasMobileNumber } from '../phone.ts'
import { normalisePhone } from '../messages/validate.ts'

/** Every field the form has; anything else is refused, so forged fields (outcome, code…) never pass. */
export const OPINION_FORM_FIELDS = [
  'consultation',
  'article',
  'body',
  'name',
  'phone',
  'street',
  'website',
] as const
export type OpinionField = (typeof OPINION_FORM_FIELDS)[number]

export const OPINION_LIMITS = { bodyMin: 10, bodyMax: 2000, nameMax: 20 } as const

/** The general opinion (on the draft as a whole) has this article reference. */
export const GENERAL_REF = 'general'
export const GENERAL_LABEL = '总体意见'

export type OpinionValues = Partial<Record<OpinionField, string>>
export type OpinionErrors = Partial<Record<OpinionField | 'form', string>>

export interface CleanOpinion {
  /** The consultation's slug. */
  consultation: string
  /** `art-3`, or GENERAL_REF. */
  article: string
  body: string
  name: string
  phone: string
  street: string
}

export interface CheckedOpinion {
  values: OpinionValues
  errors: OpinionErrors
  status: 400 | 422 | 200
  opinion?: CleanOpinion
}

const TAG = /<\s*\/?\s*[a-z!?][^>]*>?/i
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g
const NAME = /^[\p{Script=Han}A-Za-z·•.\s]+$/u
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const REF = /^(?:art-\d{1,4}(?:-\d{1,3})?(?:-dup\d{1,3})?|general)$/

const clean = (value: string) => value.normalize('NFC').replace(CONTROL, '').replace(/\r\n?/g, '\n').trim()

const LABELS: Record<OpinionField, string> = {
  consultation: '意见征集',
  article: '条文',
  body: '意见',
  name: '姓名',
  phone: '联系电话',
  street: '所在街道',
  website: '网址',
}

export function checkOpinionForm(entries: Iterable<[string, FormDataEntryValue]>): CheckedOpinion {
  const values: OpinionValues = {}
  const errors: OpinionErrors = {}
  const seen = new Set<string>()
  let malformed = false
  let count = 0
  for (const [key, value] of entries) {
    if (++count > 20) {
      errors.form = '提交的项目太多，请从网站上的意见表提交。'
      return { values, errors, status: 400 }
    }
    if (!(OPINION_FORM_FIELDS as readonly string[]).includes(key)) {
      errors.form = `提交的内容里有表单之外的项目「${key.replace(CONTROL, '').slice(0, 30)}」，请从网站上的意见表提交。`
      malformed = true
      continue
    }
    const field = key as OpinionField
    if (seen.has(field)) {
      errors[field] = `「${LABELS[field]}」只能填写一项。`
      malformed = true
      continue
    }
    seen.add(field)
    if (typeof value !== 'string') {
      errors[field] = `「${LABELS[field]}」应当是文字，不能是文件。`
      malformed = true
      continue
    }
    values[field] = value.slice(0, OPINION_LIMITS.bodyMax + 200)
  }
  const text = (field: OpinionField) => clean(values[field] ?? '')

  if (text('website'))
    errors.form ??= '提交未通过检查。如果您是正常填写的，请刷新页面后重试，或到实践站当面反映。'

  const consultation = text('consultation')
  if (!consultation || !SLUG.test(consultation) || consultation.length > 120)
    errors.form ??= '没有说明是对哪一项意见征集提的意见，请从网站上的意见表提交。'

  const article = text('article') || GENERAL_REF
  if (!REF.test(article)) errors.article ??= '请从网页上的条文旁边提交意见。'

  const body = text('body')
  const length = [...body].length
  if (!body) errors.body ??= '请写下您的意见或建议。'
  else if (length < OPINION_LIMITS.bodyMin)
    errors.body ??= `请把意见写得具体一些（至少 ${OPINION_LIMITS.bodyMin} 个字，现在 ${length} 个字）。`
  else if (length > OPINION_LIMITS.bodyMax)
    errors.body ??= `意见最多 ${OPINION_LIMITS.bodyMax} 字（现在 ${length} 字），请精简后再提交。`
  else if (TAG.test(body)) errors.body ??= '请不要输入网页代码或尖括号标签（例如 <script>）。'

  const name = text('name')
  if (name && [...name].length > OPINION_LIMITS.nameMax)
    errors.name ??= `姓名最多 ${OPINION_LIMITS.nameMax} 个字。`
  else if (name && !NAME.test(name)) errors.name ??= '姓名只能包含汉字、字母和间隔号（可以写“王女士”）。'

  const phoneRaw = text('phone')
  const phone = phoneRaw ? normalisePhone(phoneRaw) : ''
  if (phoneRaw && !phone)
    errors.phone ??= '请填写 11 位手机号，或带区号的固定电话（例如 0516-83861065），也可以不填。'

  const street = text('street')
  if (street && !STREETS.some((s) => s.value === street)) errors.street ??= '请从列表中选择街道。'

  const status = malformed ? 400 : Object.keys(errors).length ? 422 : 200
  if (status !== 200) return { values, errors, status }
  return {
    values,
    errors,
    status,
    opinion: { consultation, article, body, name, phone: phone || '', street },
  }
}

const DIGITISH = '\\d０-９〇○零一幺壹二贰三叁四肆五伍六陆七柒八捌九玖'
const NUMBER_RUN = new RegExp(
  `[${DIGITISH}][${DIGITISH}\\s._\\-/·・•‧\\u2010-\\u2015\\u2212]{6,}[${DIGITISH}]`,
  'g',
)

/**
 * The text with phone numbers hidden (the first public summary of an opinion, for the editor to finish):
 * long digit runs become ＊＊＊; if a number still shows, nothing is proposed.
 */
export function maskPhones(text: string): string {
  const masked = text.replace(NUMBER_RUN, '＊＊＊')
  return hasMobileNumber(masked) ? '' : masked
}
