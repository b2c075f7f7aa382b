import {
  APIError,
  type CollectionBeforeChangeHook,
  type CollectionBeforeOperationHook,
  type PayloadRequest,
} from 'payload'

import { mayPublish, roleOf } from '../access/index.ts'
import { publishRefusal, REVIEW_REFUSALS, RETURN_COMMENT_MAX } from '../../vocabulary/review.ts'
import { mainRowPublished } from '../lib/main-row.ts'
import { changedContentFields } from './diff.ts'
import { dualReviewOn } from './settings.ts'
import { relationId as idOf } from '../lib/relation-id.ts'

/**
 * 先审后发, enforced on every save of a reviewed collection whatever the route (admin, REST, Local API
 * with a user, the scheduled-publish job acting as the reviewer who scheduled): editors save drafts and
 * submit them; reviewers and admins publish (that is the approval) or return with a comment; with the
 * site setting 双人审核 nobody publishes a change of their own. The seed, a reviewer's roster import and
 * the Local API with no user are the system and pass.
 */

type Doc = Record<string, unknown>

/** The person a save is made by, or undefined for the system. */
function person(req: PayloadRequest): { id: string | number } | undefined {
  // The seed, and a roster import by a reviewer or admin (cms/import/deputies.ts).
  if (req.context?.seed || req.context?.rosterImport) return undefined
  const user = req.user as { id?: string | number; collection?: string } | null
  return user?.collection === 'users' && user.id !== undefined ? { id: user.id } : undefined
}

function refuse(message: string): never {
  throw new APIError(message, 403, null, true)
}

/** Cancels the not-yet-run scheduled publishes of a document whose content changed after scheduling. */
async function cancelSchedules(req: PayloadRequest, collection: string, id: string | number) {
  const jobs = await req.payload.find({
    collection: 'payload-jobs',
    where: {
      and: [
        { taskSlug: { equals: 'schedulePublish' } },
        { completedAt: { exists: false } },
        // The admin stores the id as a string (Payload #10481); code may queue it as a number.
        {
          or: [{ 'input.doc.value': { equals: String(id) } }, { 'input.doc.value': { equals: Number(id) } }],
        },
        { 'input.doc.relationTo': { equals: collection } },
      ],
    },
    depth: 0,
    limit: 100,
    overrideAccess: true,
    req,
  })
  for (const job of jobs.docs)
    await req.payload.delete({ collection: 'payload-jobs', id: job.id, overrideAccess: true, req })
  return jobs.docs.length
}

/**
 * Whether an operation writes the main row (what the site shows) or only a draft version: known from the
 * operation's `draft` argument, which the save hooks do not see (a draft save and an unpublish both carry
 * `_status: 'draft'` by then). Noted per request before the operation, read by the save hook.
 */
const writesMainRow = new WeakMap<PayloadRequest, boolean>()

/**
 * Collections that were public without drafts before review existed (deputies, stations): the system (seed,
 * roster import, scripts, tests' fixtures with no user) creating one without a status still publishes it,
 * as it always did. People go through review.
 */
const SYSTEM_PUBLISHES = new Set(['deputies', 'stations'])

export const reviewBeforeOperation: CollectionBeforeOperationHook = ({
  args,
  collection,
  operation,
  req,
}) => {
  if (operation === 'create' || operation === 'update') {
    const data = args.data as Doc | undefined
    if (
      operation === 'create' &&
      SYSTEM_PUBLISHES.has(collection.slug) &&
      !person(req) &&
      !args.draft &&
      data &&
      data._status === undefined
    )
      data._status = 'published'
    const draftSave = Boolean(args.draft) && data?._status !== 'published'
    writesMainRow.set(req, !draftSave)
  }
  return args
}

export const reviewBeforeChange: CollectionBeforeChangeHook = async ({
  collection,
  data,
  originalDoc,
  operation,
  req,
}) => {
  const user = person(req)
  const before = (operation === 'update' ? originalDoc : undefined) as Doc | undefined
  const mainRow = writesMainRow.get(req) ?? true
  const shown =
    operation === 'update' && before?.id !== undefined
      ? await mainRowPublished(req, collection.slug, before.id as string | number)
      : false
  // What the main row will say: a draft save leaves it as it is; otherwise the status sent, or the one it has.
  const target = mainRow ? ((data._status as string | undefined) ?? (shown ? 'published' : 'draft')) : 'draft'
  if (!user) {
    // The system: keep the state in step with what it saved.
    if (target === 'published') data.reviewState = 'published'
    else if (!data.reviewState && !before?.reviewState) data.reviewState = 'draft'
    return data
  }

  // 回收站: moving a page that is on the site to the trash takes it off the site (reviewers only); a draft,
  // anyone. The review state stays as it was; restoring goes through the rules below like any save.
  if (operation === 'update' && data.deletedAt && !before?.deletedAt) {
    if (shown && !mayPublish(req)) refuse(REVIEW_REFUSALS.editorTrashPublished)
    return data
  }

  const changed = operation === 'create' ? ['*'] : changedContentFields(collection.fields, data, before)
  const changesContent = changed.length > 0
  const now = new Date().toISOString()
  const role = roleOf(req)
  const dualReview = await dualReviewOn(req)

  if (target === 'published') {
    const refusal = publishRefusal({
      role,
      changesContent,
      lastChangedBy: idOf(before?.changedBy),
      userId: user.id,
      dualReview,
    })
    if (refusal) refuse(refusal)
    data.reviewState = 'published'
    data.reviewedBy = user.id
    data.reviewedAt = now
    data.reviewComment = null
    if (changesContent) data.changedBy = user.id
    return data
  }

  // Taking a published page off the site is a publishing decision too.
  if (mainRow && shown && !mayPublish(req)) refuse(REVIEW_REFUSALS.editorUnpublish)
  // A draft save.
  const was = (before?.reviewState as string | undefined) ?? 'draft'
  const asked = data.reviewState as string | undefined
  if (asked === 'returned' && was !== 'returned') {
    if (role !== 'admin' && role !== 'reviewer') refuse(REVIEW_REFUSALS.returnByEditor)
    if (was !== 'pending') refuse(REVIEW_REFUSALS.returnNotPending)
    if (dualReview && String(idOf(before?.submittedBy)) === String(user.id)) refuse(REVIEW_REFUSALS.returnOwn)
    const comment = typeof data.reviewComment === 'string' ? data.reviewComment.trim() : ''
    if (!comment) refuse(REVIEW_REFUSALS.returnNeedsComment)
    data.reviewComment = comment.slice(0, RETURN_COMMENT_MAX)
    data.reviewedBy = user.id
    data.reviewedAt = now
  } else if (asked === 'pending' && was !== 'pending') {
    data.reviewState = 'pending'
    data.submittedBy = user.id
    data.submittedAt = now
  } else if (was === 'pending' || was === 'returned') {
    // Still waiting (an editor improving a submitted draft) or still returned until submitted again.
    data.reviewState = was
    if (was === 'pending' && changesContent) data.submittedAt = now
  } else {
    data.reviewState = 'draft'
  }
  if (data.reviewState !== 'returned' && asked !== 'returned') {
    // Only a return writes the comment; the editor keeps reading it until they submit again.
    if (data.reviewState === 'pending') data.reviewComment = null
    else data.reviewComment = before?.reviewComment ?? null
  }
  if (changesContent) {
    data.changedBy = user.id
    // A scheduled publish approved the content as it was then: a later change voids it.
    if (operation === 'update' && before?.id !== undefined)
      await cancelSchedules(req, collection.slug, before.id as string | number)
  }
  return data
}
