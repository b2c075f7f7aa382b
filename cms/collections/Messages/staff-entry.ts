import type { CollectionBeforeValidateHook } from 'payload'

import { invalidFields } from '../../hooks/invalidFields.ts'
import { duplicateDays } from '../../messages/limits.ts'
import type { Message } from '../../payload-types.ts'
import { checkSubmission } from '../../../vocabulary/messages/validate.ts'
import { MESSAGE_CHANNELS, STAFF_CHANNELS, type MessageChannel } from '../../../vocabulary/options.ts'
import { textHash } from './hooks.ts'

/** The fields of the public form an editor fills in for a resident (代录), checked the same way. */
const CHECKED = ['category', 'street', 'community', 'body', 'name', 'phone'] as const

/**
 * 代录: a message an editor enters in the admin for a resident who came in (现场代录) or phoned
 * (电话代录) goes through the public form's checks (vocabulary/messages/validate.ts: lengths, formats,
 * no tags, a mobile or landline number) and its duplicate check, and must name one of those two
 * channels: 网站 and 扫码 are only ever set by the submit endpoint.
 */
export const checkStaffEntry: CollectionBeforeValidateHook<Message> = async ({
  data,
  operation,
  req,
  collection,
}) => {
  // Through the REST API (the admin's save) by a logged-in editor; server code using the Local API
  // (the submit endpoint, the seed, the importer) is trusted to set what it sets.
  if (operation !== 'create' || !req.user || req.payloadAPI === 'local' || !data) return data
  const errors: { path: string; message: string }[] = []
  if (!STAFF_CHANNELS.includes(data.channel as MessageChannel)) {
    const labels = STAFF_CHANNELS.map((c) => `“${MESSAGE_CHANNELS.find((o) => o.value === c)!.label}”`)
    errors.push({ path: 'channel', message: `代录的来信请在“来信渠道”里选择${labels.join('或')}。` })
  }
  const entries: [string, string][] = CHECKED.map((field) => [field, String(data[field] ?? '')])
  // The resident agrees to the privacy notice when the editor reads it out (the field's description).
  entries.push(['consent', 'yes'])
  const checked = checkSubmission(entries)
  for (const field of CHECKED) {
    const message = checked.errors[field]
    if (message) errors.push({ path: field, message })
  }
  if (!errors.length && checked.message) {
    data.phone = checked.message.phone
    data.body = checked.message.body
    data.textHash = textHash(checked.message.body)
    const since = new Date(Date.now() - duplicateDays() * 86_400_000).toISOString()
    const duplicate = await req.payload.count({
      collection: 'messages',
      where: { and: [{ textHash: { equals: data.textHash } }, { receivedAt: { greater_than: since } }] },
      overrideAccess: true,
      req,
    })
    if (duplicate.totalDocs > 0)
      errors.push({
        path: 'body',
        message: '同样内容的来信近期已经登记过，正在办理中。请凭原来的跟踪码查询，或写清新情况后再登记。',
      })
  }
  if (errors.length) throw invalidFields(collection, errors, req)
  data.consentAt ??= new Date().toISOString()
  data.status = 'received'
  return data
}
