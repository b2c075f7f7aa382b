import type { CollectionBeforeChangeHook, CollectionBeforeValidateHook, FieldHook } from 'payload'

import { invalidFields } from '../../hooks/invalidFields.ts'
import { hasMobileNumber } from '../../../vocabulary/phone.ts'
import { splitDraft } from '../../../vocabulary/consultations/split.ts'
import { consultationStatus } from '../../../vocabulary/consultations/status.ts'
import type { Consultation } from '../../payload-types.ts'

/**
 * The draft as parts: when the pasted text (草案全文) is new or changed, its parts are split again and
 * the numbering problems listed for the editor; parts edited by hand stay as long as the text does not
 * change.
 */
export const splitDraftText: CollectionBeforeChangeHook<Consultation> = ({ data, originalDoc }) => {
  const text = data.draftText ?? originalDoc?.draftText ?? ''
  const changed = text !== (originalDoc?.draftText ?? '')
  const parts = data.parts ?? originalDoc?.parts ?? []
  if (text.trim() && (changed || !parts.length)) {
    const split = splitDraft(text)
    data.parts = split.parts.map((p) => ({
      kind: p.kind,
      ref: p.ref,
      label: p.label,
      heading: p.heading,
      text: p.text,
    }))
    data.splitProblems = split.problems.join('\n')
  }
  const feedbackPublished = data.feedbackPublished ?? originalDoc?.feedbackPublished
  if (feedbackPublished && !originalDoc?.feedbackPublished)
    data.feedbackPublishedAt = new Date().toISOString()
  return data
}

/** The status is not stored: it is read from the dates at the moment of reading (admin list, API). */
export const statusNow: FieldHook<Consultation> = ({ siblingData }) =>
  siblingData?.opensAt && siblingData?.closesAt
    ? consultationStatus(
        {
          opensAt: siblingData.opensAt,
          closesAt: siblingData.closesAt,
          feedbackPublished: siblingData.feedbackPublished,
        },
        Date.now(),
      )
    : null

/** Closing after opening; feedback only once closed and with a report; no phone number in public texts. */
export const checkConsultation: CollectionBeforeValidateHook<Consultation> = async ({
  data,
  originalDoc,
  collection,
  req,
}) => {
  const merged = { ...originalDoc, ...data } as Partial<Consultation>
  const errors: { path: string; message: string }[] = []
  if (merged.opensAt && merged.closesAt && Date.parse(merged.closesAt) <= Date.parse(merged.opensAt))
    errors.push({ path: 'closesAt', message: '截止时间必须晚于开始时间。' })
  if (merged.feedbackPublished) {
    if (merged.closesAt && Date.parse(merged.closesAt) > Date.now())
      errors.push({ path: 'feedbackPublished', message: '征集截止以后才能公开反馈。' })
    if (!merged.feedbackReport?.trim())
      errors.push({ path: 'feedbackReport', message: '请先写好反馈报告，再公开反馈。' })
  }
  for (const field of ['summary', 'feedbackReport', 'offlineNote'] as const)
    if (hasMobileNumber(merged[field]))
      errors.push({ path: field, message: '公开的文字不能包含手机号码（可以写实践站的固定电话）。' })
  const attachment = typeof merged.attachment === 'object' ? merged.attachment?.id : merged.attachment
  if (attachment) {
    const file = await req.payload.findByID({
      collection: 'media',
      id: attachment,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      req,
    })
    if (file?.mimeType !== 'application/pdf')
      errors.push({ path: 'attachment', message: '草案文本只能是 PDF 文件。' })
  }
  if (errors.length) throw invalidFields(collection, errors, req)
  return data
}
