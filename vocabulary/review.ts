/**
 * 先审后发: the review states of a document and the words editors read about them. Pure, shared by the
 * CMS (fields, hooks, admin components) and the 工作台.
 */

export const REVIEW_STATES = [
  { value: 'draft', label: '草稿' },
  { value: 'pending', label: '待审核' },
  { value: 'returned', label: '已退回' },
  { value: 'published', label: '已发布' },
] as const

export type ReviewState = (typeof REVIEW_STATES)[number]['value']

export const REVIEW_STATE_LABELS: Record<ReviewState, string> = Object.fromEntries(
  REVIEW_STATES.map((s) => [s.value, s.label]),
) as Record<ReviewState, string>

/** The longest 退回意见 an editor is shown. */
export const RETURN_COMMENT_MAX = 500

/** Why a save is refused; the CMS shows these to editors as they are. */
export const REVIEW_REFUSALS = {
  editorPublish: '编辑不能直接发布。请先保存草稿，再点击“提交审核”，由审核人员审核通过后发布。',
  editorUnpublish: '只有审核人员或管理员可以把已发布的内容撤下。',
  editorTrashPublished:
    '这篇内容正在网站上显示，移入回收站会把它从网站撤下，只有审核人员或管理员可以操作。草稿可以直接移入回收站。',
  ownChange:
    '已开启双人审核：这次修改是您自己做的，需要由另一位审核人员审核通过后才能发布。请保存草稿并提交审核。',
  ownEditWhilePublishing:
    '已开启双人审核：您在发布时修改了内容，这些修改需要由另一位审核人员审核。请先保存草稿并提交审核。',
  returnNotPending: '只有待审核的内容才能退回。',
  returnNeedsComment: '退回时请写明需要修改的地方，编辑会看到这段意见。',
  returnByEditor: '只有审核人员或管理员可以退回。',
  returnOwn: '已开启双人审核：不能退回自己提交的修改。',
} as const

export interface PublishCheck {
  /** The role of the person saving. */
  role: 'admin' | 'reviewer' | 'editor' | undefined
  /** Whether this save itself changes the content (not only its status). */
  changesContent: boolean
  /** The user who made the last content change before this save (the change being approved). */
  lastChangedBy: string | number | null | undefined
  /** The person saving. */
  userId: string | number
  /** The site setting 双人审核. */
  dualReview: boolean
}

/**
 * Whether a save that puts a document on the site (publishing, or editing a published one in place) may
 * go through: the reason it may not, or null. Reviewers and admins publish; with 双人审核 nobody
 * publishes a change of their own, made earlier or in this very save.
 */
export function publishRefusal(check: PublishCheck): string | null {
  if (check.role !== 'admin' && check.role !== 'reviewer') return REVIEW_REFUSALS.editorPublish
  if (!check.dualReview) return null
  if (check.changesContent) return REVIEW_REFUSALS.ownEditWhilePublishing
  if (check.lastChangedBy != null && String(check.lastChangedBy) === String(check.userId))
    return REVIEW_REFUSALS.ownChange
  return null
}
