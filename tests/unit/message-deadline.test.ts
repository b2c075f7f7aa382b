import { describe, expect, it } from 'vitest'

import { deadlineNote, deadlineState } from '../../cms/messages/deadline.ts'

/** The 办结期限 words the messages list and the 工作台 share. */
const NOW = Date.parse('2026-12-02T02:00:00Z')
const DAY = 86_400_000
const at = (days: number) => new Date(NOW + days * DAY).toISOString()

describe('deadlineNote', () => {
  it('counts a started day as late and says how many days are left near the deadline', () => {
    expect(deadlineNote(deadlineState(at(-4.5), { status: 'processing' }, NOW))).toBe('已超期 5 天')
    expect(deadlineNote(deadlineState(at(1.5), { status: 'received' }, NOW))).toBe('剩 1 天')
    expect(deadlineNote(deadlineState(at(10), { status: 'received' }, NOW))).toBe('')
  })

  it('judges a closed message by when it was closed', () => {
    expect(deadlineNote(deadlineState(at(-10), { status: 'closed', closedAt: at(-8) }, NOW))).toBe(
      '超期 2 天办结',
    )
    expect(deadlineNote(deadlineState(at(-10), { status: 'revisited', closedAt: at(-12) }, NOW))).toBe('')
  })
})
