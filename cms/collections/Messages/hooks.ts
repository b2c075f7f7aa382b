import crypto from 'node:crypto'

import {
  type CollectionAfterChangeHook,
  type CollectionAfterDeleteHook,
  type CollectionBeforeChangeHook,
  type CollectionBeforeValidateHook,
} from 'payload'

import {
  CLOSED_STATUSES,
  MESSAGE_GRADES,
  MESSAGE_STATUSES,
  labelOf,
  type MessageGrade,
  type MessageStatus,
} from '../../../vocabulary/options.ts'
import { requestRebuild } from '../../builds/queue.ts'
import { invalidFields } from '../../hooks/invalidFields.ts'
import { hasMobileNumber } from '../../../vocabulary/phone.ts'
import { newTrackingCode } from '../../../vocabulary/messages/code.ts'
import type { Message } from '../../payload-types.ts'

const DAY = 24 * 60 * 60 * 1000

/** Same request again: the text without spaces, punctuation or case, hashed. */
export function textHash(text: string): string {
  const normal = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]/gu, '')
  return crypto.createHash('sha256').update(normal).digest('hex')
}

/** The deadline for a message received at `receivedAt` with `grade`. */
function deadlineFor(receivedAt: string, grade: MessageGrade | null | undefined): string {
  const days = MESSAGE_GRADES.find((g) => g.value === grade)?.days ?? MESSAGE_GRADES[0].days
  return new Date(new Date(receivedAt).getTime() + days * DAY).toISOString()
}

/**
 * Texts that may be shown (the public summary on /results/, replies on the tracking page) must not
 * carry a phone number; publishing needs a closed message and an anonymised summary.
 */
export const checkPublicTexts: CollectionBeforeValidateHook<Message> = ({
  data,
  originalDoc,
  collection,
  req,
}) => {
  const merged = { ...originalDoc, ...data } as Partial<Message>
  const errors: { path: string; message: string }[] = []
  if (hasMobileNumber(merged.publicSummary))
    errors.push({ path: 'publicSummary', message: '公开摘要不能包含电话号码。' })
  for (const [i, reply] of (merged.replies ?? []).entries()) {
    if (hasMobileNumber(reply?.text))
      errors.push({ path: `replies.${i}.text`, message: '答复会显示在群众的跟踪页上，不能包含手机号码。' })
  }
  if (merged.publishable) {
    if (!CLOSED_STATUSES.includes(merged.status as MessageStatus))
      errors.push({ path: 'publishable', message: '只有已办结的来信才能公开。' })
    if (!merged.publicSummary?.trim())
      errors.push({ path: 'publicSummary', message: '公开前请填写去掉个人信息的公开摘要。' })
  }
  if (errors.length) throw invalidFields(collection, errors, req)
  return data
}

/**
 * Server-side bookkeeping: the tracking code and received date on create, the deadline from the grade,
 * a timeline entry for every status change, and the closing date.
 */
export const keepTimeline: CollectionBeforeChangeHook<Message> = ({ data, originalDoc, operation }) => {
  const now = new Date().toISOString()
  if (operation === 'create') {
    data.code ??= newTrackingCode()
    data.receivedAt ??= now
    data.status ??= 'received'
    if (!data.timeline?.length) data.timeline = [{ date: data.receivedAt, status: 'received' }]
    if (data.body && !data.textHash) data.textHash = textHash(data.body)
  }
  const receivedAt = data.receivedAt ?? originalDoc?.receivedAt ?? now
  const grade = data.grade ?? originalDoc?.grade
  if (operation === 'create' ? !data.deadline : data.grade && data.grade !== originalDoc?.grade)
    data.deadline = deadlineFor(receivedAt, grade)
  const status = data.status ?? originalDoc?.status
  if (operation === 'update' && status && status !== originalDoc?.status) {
    const timeline = data.timeline ?? originalDoc?.timeline ?? []
    data.timeline = [
      ...timeline.map(copyStep),
      ...skippedSteps(originalDoc?.status, status, now),
      { date: now, status },
    ]
  }
  if (status && CLOSED_STATUSES.includes(status)) data.closedAt ??= originalDoc?.closedAt ?? now
  else data.closedAt = null
  return data
}

type TimelineEntry = NonNullable<Message['timeline']>[number]
const copyStep = ({ date, status, note, skipped }: TimelineEntry): TimelineEntry => ({
  date,
  status,
  note,
  skipped,
})

/** The note on a step the status went past (README: 民呼我应; the tracking page says 未单独记录). */
export const SKIPPED_NOTE = '未单独记录'

/**
 * Steps between `from` and `to` when the status moves forward past them (已受理 straight to 已办结
 * passes 已分派 and 办理中): each is recorded as skipped, dated with the change, so the timeline and
 * the tracking page show every step as reached, never as a blank.
 */
function skippedSteps(from: MessageStatus | undefined, to: MessageStatus, date: string): TimelineEntry[] {
  const order = MESSAGE_STATUSES.map((s) => s.value)
  const a = from ? order.indexOf(from) : -1
  const b = order.indexOf(to)
  if (a < 0 || b <= a + 1) return []
  return order.slice(a + 1, b).map((status) => ({
    date,
    status,
    skipped: true,
    note: `${SKIPPED_NOTE}（由“${labelOf(MESSAGE_STATUSES, from)}”直接改为“${labelOf(MESSAGE_STATUSES, to)}”）`,
  }))
}

/** The timeline note when an editor confirms a 待核实 message (README: 民呼我应). */
export const VERIFIED_NOTE = '已核实为真实来信，进入办理队列'

/**
 * 待核实 is set only by the submit endpoint (the field's create access keeps staff from setting it) and
 * can only be cleared afterwards: clearing it is the editor's confirmation, dated in the timeline.
 */
export const keepVerification: CollectionBeforeChangeHook<Message> = ({ data, originalDoc, operation }) => {
  if (operation !== 'update') return data
  if (!originalDoc?.needsVerification) {
    if (data.needsVerification) data.needsVerification = false
    return data
  }
  if (data.needsVerification === false) {
    const timeline = data.timeline ?? originalDoc.timeline ?? []
    data.timeline = [
      ...timeline.map(copyStep),
      {
        date: new Date().toISOString(),
        status: data.status ?? originalDoc.status,
        note: VERIFIED_NOTE,
      },
    ]
  }
  return data
}

/**
 * The site shows statistics and the publishable results: a status change, a rating, or a change to
 * what is (or was) public asks for a rebuild. A new message waits for the next build. (Messages are
 * not in the rebuildSite plugin's list, cms/plugins/rebuildSite.ts: its rule would rebuild for every
 * new message and every note.)
 */
export const rebuildWhenResultsChange: CollectionAfterChangeHook<Message> = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  if (req.context?.seed || operation === 'create') return doc
  const changed =
    doc.status !== previousDoc?.status ||
    doc.rating !== previousDoc?.rating ||
    doc.category !== previousDoc?.category ||
    doc.street !== previousDoc?.street ||
    doc.grade !== previousDoc?.grade ||
    Boolean(doc.needsVerification) !== Boolean(previousDoc?.needsVerification) ||
    Boolean(doc.publishable) !== Boolean(previousDoc?.publishable) ||
    (doc.publishable &&
      (doc.publicSummary !== previousDoc?.publicSummary ||
        JSON.stringify(doc.replies) !== JSON.stringify(previousDoc?.replies)))
  if (changed) {
    await requestRebuild(req, {
      source: 'messages',
      docId: doc.id,
      operation: 'update',
      by: (req.user as { email?: string } | null)?.email,
    })
  }
  return doc
}

/** A deleted message leaves the statistics on /results/ (and its result, if it was public). */
export const rebuildAfterMessageDelete: CollectionAfterDeleteHook<Message> = async ({ doc, req }) => {
  if (!req.context?.seed) {
    await requestRebuild(req, {
      source: 'messages',
      docId: doc.id,
      operation: 'delete',
      by: (req.user as { email?: string } | null)?.email,
    })
  }
  return doc
}

/** A deleted message takes its photos with it: they are personal data and have no other use. */
export const deletePhotos: CollectionAfterDeleteHook<Message> = async ({ doc, req }) => {
  const ids = (doc.photos ?? []).map((p) => (typeof p === 'object' ? p.id : p))
  if (ids.length) {
    await req.payload.delete({
      collection: 'message-photos',
      where: { id: { in: ids } },
      overrideAccess: true,
      req,
    })
  }
  return doc
}
