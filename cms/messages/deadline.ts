/**
 * Where a message stands against its 办结期限: the list's 办结期限 column (cms/components/MessageDeadlineCell.tsx)
 * and the 工作台 (cms/workbench/) read it from here. Pure, no Node imports (the admin bundles it).
 */
import { CLOSED_STATUSES, type MessageStatus } from '../../vocabulary/options.ts'

const DAY = 24 * 60 * 60 * 1000

export interface DeadlineState {
  closed: boolean
  /** Whole days past the deadline (open: until now; closed: until it was closed); 0 or less when in time. */
  late: number
  /** Whole days left until the deadline (open and in time), never below 0. */
  left: number
}

export function deadlineState(
  deadline: string,
  message: { status?: string | null; closedAt?: string | null },
  now = Date.now(),
): DeadlineState {
  const due = new Date(deadline).getTime()
  const closed = CLOSED_STATUSES.includes((message.status ?? '') as MessageStatus)
  const end = closed && message.closedAt ? new Date(message.closedAt).getTime() : now
  return {
    closed,
    late: Math.ceil((end - due) / DAY),
    left: Math.max(Math.floor((due - now) / DAY), 0),
  }
}

/** "已超期 3 天", "超期 2 天办结", "剩 1 天" (open, 2 days or fewer left), or "" when nothing to say. */
export function deadlineNote(state: DeadlineState): string {
  if (state.late > 0) return state.closed ? `超期 ${state.late} 天办结` : `已超期 ${state.late} 天`
  if (!state.closed && state.left <= 2) return `剩 ${state.left} 天`
  return ''
}
