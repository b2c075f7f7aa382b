import type {
  CollectionAfterChangeHook,
  CollectionBeforeChangeHook,
  CollectionBeforeValidateHook,
} from 'payload'

import { requestRebuild } from '../../builds/queue.ts'
import { invalidFields } from '../../hooks/invalidFields.ts'
import { hasMobileNumber } from '../../../vocabulary/phone.ts'
import { newTrackingCode } from '../../../vocabulary/messages/code.ts'
import { maskPhones } from '../../../vocabulary/consultations/validate.ts'
import { textHash } from '../Messages/hooks.ts'
import type { Opinion } from '../../payload-types.ts'

/** A new opinion gets its receipt code, time, hash and a first public summary (phones masked). */
export const prepareOpinion: CollectionBeforeChangeHook<Opinion> = ({ data, operation }) => {
  if (operation === 'create') {
    data.code ??= newTrackingCode()
    data.receivedAt ??= new Date().toISOString()
    data.outcome ??= 'pending'
    if (data.body && !data.textHash) data.textHash = textHash(data.body)
    if (data.body && !data.publicSummary) data.publicSummary = maskPhones(data.body)
  }
  return data
}

/** What may be shown (the summary and the reason) carries no mobile number; a merge points elsewhere. */
export const checkOpinion: CollectionBeforeValidateHook<Opinion> = ({
  data,
  originalDoc,
  collection,
  req,
}) => {
  const merged = { ...originalDoc, ...data } as Partial<Opinion>
  const errors: { path: string; message: string }[] = []
  if (hasMobileNumber(merged.publicSummary))
    errors.push({ path: 'publicSummary', message: '公开摘要不能包含电话号码。' })
  if (hasMobileNumber(merged.reason))
    errors.push({ path: 'reason', message: '处理理由会公开，不能包含电话号码。' })
  const into = typeof merged.mergedInto === 'object' ? merged.mergedInto?.id : merged.mergedInto
  if (into !== undefined && into !== null && originalDoc?.id !== undefined && into === originalDoc.id)
    errors.push({ path: 'mergedInto', message: '不能合并到这条意见自己。' })
  if (errors.length) throw invalidFields(collection, errors, req)
  return data
}

/** Once a consultation's feedback is public, changing what is shown of its opinions rebuilds the site. */
export const rebuildWhenFeedbackChanges: CollectionAfterChangeHook<Opinion> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  if (req.context?.seed || operation === 'create') return doc
  const changed =
    doc.outcome !== previousDoc?.outcome ||
    doc.reason !== previousDoc?.reason ||
    doc.publicSummary !== previousDoc?.publicSummary ||
    JSON.stringify(doc.mergedInto ?? null) !== JSON.stringify(previousDoc?.mergedInto ?? null)
  if (!changed) return doc
  const id = typeof doc.consultation === 'object' ? doc.consultation.id : doc.consultation
  const consultation = await req.payload.findByID({
    collection: 'consultations',
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
  })
  if (consultation?.feedbackPublished)
    await requestRebuild(req, {
      source: 'opinions',
      docId: doc.id,
      title: consultation.title,
      operation: 'update',
      by: (req.user as { email?: string } | null)?.email,
    })
  return doc
}
