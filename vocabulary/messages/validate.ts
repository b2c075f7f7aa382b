/**
 * Checks a resident's message as it arrives from the public form (multipart or urlencoded), field by
 * field, with the errors in Chinese next to the field they belong to. Pure: no database, no files; the
 * endpoint adds what needs them (the addressee exists, photos, limits, duplicates).
 */
import { CASE_CATEGORIES, POSTER_SOURCE, STREETS } from '../options.ts'

/** Every field the form has; anything else is refused, so forged fields (status, code…) never pass. */
const FORM_FIELDS = [
  'category',
  'street',
  'community',
  'to',
  'body',
  'name',
  'phone',
  'consent',
  'website',
  'photos',
  // Hidden: the 码上见代表 poster the form was opened from (filled by the form's script from ?from=).
  'from',
] as const
export type FormField = (typeof FORM_FIELDS)[number]

export const LIMITS = {
  bodyMin: 10,
  bodyMax: 2000,
  nameMax: 20,
  communityMax: 40,
  photosMax: 3,
  photoBytes: 5 * 1024 * 1024,
} as const

/** The honeypot: hidden by CSS and from screen readers; people leave it empty, form-filling bots do not. */
const HONEYPOT = 'website'

/** What the resident typed, for re-rendering the form after an error (photos are never echoed). */
export type FormValues = Partial<Record<Exclude<FormField, 'photos'>, string>>
/** Field name (or `form` for the whole form) → message. */
export type FormErrors = Partial<Record<FormField | 'form', string>>

export interface CleanMessage {
  category: string
  street: string
  community: string
  to: { kind: 'deputy' | 'station'; slug: string } | null
  body: string
  name: string
  phone: string
  /** The poster whose QR code opened the form (`poster-deputy-<slug>`), or null: typed in on the site. */
  source: { kind: 'deputy' | 'station'; slug: string; value: string } | null
}

export interface Checked {
  values: FormValues
  errors: FormErrors
  /** 400 when the request itself is malformed (unknown or repeated fields, files in text fields). */
  status: 400 | 422 | 200
  message?: CleanMessage
  files: File[]
}

const TAG = /<\s*\/?\s*[a-z!?][^>]*>?/i
// Control and bidi-override characters: never part of a message, sometimes used to hide text.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g
const NAME = /^[\p{Script=Han}A-Za-z·•.\s]+$/u
const MOBILE = /^1[3-9]\d{9}$/
const LANDLINE = /^0\d{2,3}\d{7,8}$/
const TARGET = /^(deputy|station):([a-z0-9]+(?:-[a-z0-9]+)*)$/

/** Mainland mobile or landline with area code, in a canonical form; null when it is neither. */
export function normalisePhone(input: string): string | null {
  const digits = input.replace(/[\s\-－()（）]/g, '').replace(/^(\+86|0086)/, '')
  if (MOBILE.test(digits)) return digits
  if (LANDLINE.test(digits)) return digits
  return null
}

const clean = (value: string) => value.normalize('NFC').replace(CONTROL, '').replace(/\r\n?/g, '\n').trim()
/** The form's label of a field, for error messages. */
const fieldLabel = (field: string) =>
  ({
    category: '问题类别',
    street: '所在街道',
    community: '社区',
    to: '写给',
    body: '诉求内容',
    name: '姓名',
    phone: '联系电话',
    consent: '隐私说明',
    website: '网址',
    photos: '照片',
    from: '来源',
  })[field] ?? field

export function checkSubmission(entries: Iterable<[string, FormDataEntryValue]>): Checked {
  const values: FormValues = {}
  const errors: FormErrors = {}
  const files: File[] = []
  const seen = new Set<string>()
  let malformed = false
  let count = 0

  for (const [key, value] of entries) {
    if (++count > 40) {
      errors.form = '提交的项目太多，请从网站上的表单提交。'
      return { values, errors, status: 400, files: [] }
    }
    if (!(FORM_FIELDS as readonly string[]).includes(key)) {
      const shown = key.replace(CONTROL, '').slice(0, 30)
      errors.form = `提交的内容里有表单之外的项目「${shown}」，请从网站上的表单提交。`
      malformed = true
      continue
    }
    const field = key as FormField
    if (field === 'photos') {
      if (typeof value === 'string') {
        // A browser without a chosen file sends an empty string (urlencoded) or an empty file part.
        if (value !== '') {
          errors.photos = '照片必须以文件形式上传。'
          malformed = true
        }
      } else if (value.size > 0 || value.name) {
        files.push(value)
      }
      continue
    }
    if (seen.has(field)) {
      errors[field] = `「${fieldLabel(field)}」只能填写一项。`
      malformed = true
      continue
    }
    seen.add(field)
    if (typeof value !== 'string') {
      errors[field] = `「${fieldLabel(field)}」应当是文字，不能是文件。`
      malformed = true
      continue
    }
    // Echo back at most a little more than the field allows, never megabytes.
    values[field] = value.slice(0, LIMITS.bodyMax + 200)
  }

  const text = (field: Exclude<FormField, 'photos'>) => clean(values[field] ?? '')
  const noTags = (field: Exclude<FormField, 'photos'>, value: string) => {
    if (TAG.test(value)) {
      errors[field] ??= '请不要输入网页代码或尖括号标签（例如 <script>）。'
      return false
    }
    return true
  }

  if (text(HONEYPOT))
    errors.form ??= '提交未通过检查。如果您是正常填写的，请刷新页面后重试，或拨打实践站电话反映。'

  const category = text('category')
  if (!category) errors.category ??= '请选择问题类别。'
  else if (!CASE_CATEGORIES.some((c) => c.value === category)) errors.category ??= '请从列表中选择问题类别。'

  const street = text('street')
  if (!street) errors.street ??= '请选择您所在的街道。'
  else if (!STREETS.some((s) => s.value === street)) errors.street ??= '请从列表中选择街道。'

  const community = text('community')
  if (community.length > LIMITS.communityMax)
    errors.community ??= `社区名称最多 ${LIMITS.communityMax} 个字。`
  else noTags('community', community)

  const toRaw = text('to')
  const target = toRaw ? TARGET.exec(toRaw) : null
  if (toRaw && !target) errors.to ??= '请从列表中选择要写给的代表或站点。'

  const fromRaw = text('from')
  const poster = fromRaw ? POSTER_SOURCE.exec(fromRaw) : null
  if (fromRaw && !poster) {
    errors.form ??= '提交的来源不正确，请从网站上的表单或海报上的二维码重新打开后提交。'
    malformed = true
  }

  const body = text('body')
  const bodyLength = [...body].length
  if (!body) errors.body ??= '请写下您要反映的问题或心愿。'
  else if (bodyLength < LIMITS.bodyMin)
    errors.body ??= `请把情况写得具体一些（至少 ${LIMITS.bodyMin} 个字，现在 ${bodyLength} 个字）。`
  else if (bodyLength > LIMITS.bodyMax)
    errors.body ??= `诉求内容最多 ${LIMITS.bodyMax} 字（现在 ${bodyLength} 字），请精简后再提交。`
  else noTags('body', body)

  const name = text('name')
  if (!name) errors.name ??= '请填写您的姓名或称呼（例如“王女士”），方便代表回访。'
  else if ([...name].length > LIMITS.nameMax) errors.name ??= `姓名最多 ${LIMITS.nameMax} 个字。`
  else if (!NAME.test(name)) errors.name ??= '姓名只能包含汉字、字母和间隔号（可以写“王女士”）。'

  const phoneRaw = text('phone')
  const phone = normalisePhone(phoneRaw)
  if (!phoneRaw) errors.phone ??= '请填写联系电话，代表会回访您（电话不会公开）。'
  else if (!phone) errors.phone ??= '请填写 11 位手机号，或带区号的固定电话（例如 0516-83861065）。'

  if (!['yes', 'on', 'true'].includes(text('consent')))
    errors.consent ??= '请阅读并勾选同意隐私说明后再提交。'

  if (files.length > LIMITS.photosMax) errors.photos ??= `最多上传 ${LIMITS.photosMax} 张照片。`
  else if (files.some((f) => f.size > LIMITS.photoBytes))
    errors.photos ??= `每张照片不能超过 ${LIMITS.photoBytes / 1024 / 1024} MB，请换一张或压缩后再上传。`
  else if (files.some((f) => f.size === 0)) errors.photos ??= '有一张照片是空文件，请重新选择。'

  const status = malformed ? 400 : Object.keys(errors).length ? 422 : 200
  if (status !== 200) return { values, errors, status, files: [] }
  return {
    values,
    errors,
    status,
    files,
    message: {
      category,
      street,
      community,
      to: target ? { kind: target[1] as 'deputy' | 'station', slug: target[2] } : null,
      body,
      name,
      phone: phone!,
      source: poster ? { kind: poster[1] as 'deputy' | 'station', slug: poster[2], value: fromRaw } : null,
    },
  }
}
