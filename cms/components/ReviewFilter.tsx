/**
 * Above the list of every reviewed collection: one click to the documents in each review state (the
 * same filter as 筛选 → 审核状态, for editors who never open the filter builder).
 */
import React from 'react'

import { REVIEW_STATES } from '../../vocabulary/review.ts'

export function ReviewFilter({ collectionSlug }: { collectionSlug?: string }) {
  if (!collectionSlug) return null
  const base = `/admin/collections/${collectionSlug}`
  return (
    <nav
      aria-label="按审核状态筛选"
      className="review-filter"
      style={{ display: 'flex', gap: '1rem', margin: '0 0 1rem' }}
    >
      <a href={base}>全部</a>
      {REVIEW_STATES.map((s) => (
        <a key={s.value} href={`${base}?where[reviewState][equals]=${s.value}`}>
          {s.label}
        </a>
      ))}
    </nav>
  )
}
