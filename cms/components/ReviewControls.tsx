'use client'
/**
 * 先审后发 above the form of every reviewed collection: where the document stands (草稿 / 待审核 / 已退回 /
 * 已发布), the reviewer's 退回意见 for the editor, 提交审核 (a draft save that asks for review) and, for
 * reviewers on a submitted draft, 退回 with a comment. 发布 itself is Payload's button, shown only to
 * those who may approve this change (cms/review/access.ts); the save hook gives the reasons otherwise.
 */
import {
  Button,
  ConfirmationModal,
  useAuth,
  useDocumentInfo,
  useForm,
  useFormFields,
  useFormModified,
  useModal,
} from '@payloadcms/ui'
import React, { useState } from 'react'

import { REVIEW_STATE_LABELS, RETURN_COMMENT_MAX, type ReviewState } from '../../vocabulary/review.ts'

const idOf = (value: unknown) =>
  value && typeof value === 'object'
    ? String((value as { id?: unknown }).id)
    : value == null
      ? ''
      : String(value)

export function ReviewControls() {
  const { id, collectionSlug, hasPublishPermission } = useDocumentInfo()
  const { user } = useAuth<{ id: number | string; role?: string }>()
  const { submit } = useForm()
  const modified = useFormModified()
  const { toggleModal } = useModal()
  const state = (useFormFields(([fields]) => fields.reviewState?.value) as ReviewState | undefined) ?? 'draft'
  const comment = useFormFields(([fields]) => fields.reviewComment?.value) as string | undefined
  const submittedBy = idOf(useFormFields(([fields]) => fields.submittedBy?.value))
  const changedBy = idOf(useFormFields(([fields]) => fields.changedBy?.value))
  const [returnText, setReturnText] = useState('')
  if (!collectionSlug) return null

  const reviewer = user?.role === 'admin' || user?.role === 'reviewer'
  const mine = user ? changedBy === String(user.id) || submittedBy === String(user.id) : false
  const action = `/api/${collectionSlug}${id ? `/${String(id)}` : ''}?depth=0&draft=true`
  const method = id ? 'PATCH' : 'POST'
  const send = (overrides: Record<string, unknown>) =>
    submit({ action, method, overrides: { _status: 'draft', ...overrides } })
  const modal = `review-return-${String(id ?? 'new')}`

  const canSubmit = state !== 'pending' || modified
  const canReturn = Boolean(id) && reviewer && state === 'pending' && !modified

  return (
    <div
      className="review-controls"
      style={{ display: 'flex', alignItems: 'center', gap: '0.75rem', flexWrap: 'wrap' }}
    >
      <span className="review-controls__state" data-state={state}>
        审核状态：<strong>{REVIEW_STATE_LABELS[state] ?? state}</strong>
      </span>
      {state === 'returned' && comment ? (
        <span role="note" className="review-controls__comment" style={{ color: '#a4161a' }}>
          退回意见：{comment}（修改后请再次提交审核）
        </span>
      ) : null}
      {state === 'pending' && !hasPublishPermission && reviewer && mine ? (
        <span role="note">这是您自己的修改，需要由另一位审核人员审核通过。</span>
      ) : null}
      {state === 'pending' && !reviewer ? <span role="note">已提交，等待审核人员审核。</span> : null}
      {canSubmit ? (
        <Button
          buttonStyle={reviewer ? 'secondary' : 'primary'}
          size="medium"
          margin={false}
          onClick={() => void send({ reviewState: 'pending' })}
        >
          提交审核
        </Button>
      ) : null}
      {canReturn ? (
        <>
          <Button buttonStyle="secondary" size="medium" margin={false} onClick={() => toggleModal(modal)}>
            退回
          </Button>
          <ConfirmationModal
            modalSlug={modal}
            heading="退回修改"
            body={
              <label style={{ display: 'block' }}>
                写明需要修改的地方（编辑会看到这段意见）：
                <textarea
                  name="reviewReturnComment"
                  value={returnText}
                  maxLength={RETURN_COMMENT_MAX}
                  rows={4}
                  style={{ display: 'block', width: '100%', marginTop: '0.5rem' }}
                  onChange={(e) => setReturnText(e.target.value)}
                />
              </label>
            }
            confirmLabel="退回"
            confirmingLabel="正在退回…"
            onConfirm={async () => {
              await send({ reviewState: 'returned', reviewComment: returnText })
            }}
          />
        </>
      ) : null}
    </div>
  )
}
