import type { Access, CollectionSlug } from 'payload'

import { mayPublish } from '../access/index.ts'
import { dualReviewOn } from './settings.ts'
import { relationId as idOf } from '../lib/relation-id.ts'

/**
 * The collection's update access, narrowed for saves that publish (`data._status === 'published'`): only
 * reviewers and admins, and with 双人审核 not on a document whose last change is their own (a new one
 * always is). Payload asks exactly this to decide whether the admin shows 发布 and 定时发布, so editors
 * see 提交审核 instead, and the scheduled-publish job (acting as the reviewer who scheduled) is held to it.
 * The reasons in words come from the save hook (cms/review/hooks.ts) when a save gets that far.
 */
export const reviewedUpdate =
  (collection: string, base: Access): Access =>
  async (args) => {
    const allowed = await base(args)
    const { req, id, data } = args
    if (!allowed || data?._status !== 'published' || req.context?.seed || req.context?.rosterImport)
      return allowed
    if (!req.user) return allowed
    if (!mayPublish(req)) return false
    if (!(await dualReviewOn(req))) return allowed
    if (id === undefined) return false
    let changedBy = idOf(data?.changedBy)
    if (changedBy === undefined) {
      const latest = await req.payload.findByID({
        collection: collection as CollectionSlug,
        id,
        draft: true,
        depth: 0,
        overrideAccess: true,
        disableErrors: true,
        req,
      })
      changedBy = idOf((latest as { changedBy?: unknown } | null)?.changedBy)
    }
    return changedBy != null && String(changedBy) === String(req.user.id) ? false : allowed
  }
