/**
 * Where a consultation stands at a moment, from its dates and whether its feedback is published: the
 * site's pages (at build time), the opinion endpoint (at each submission) and the opening/closing job
 * use this one rule. Pure; the clock is always passed in.
 */
import type { ConsultationStatus } from '../options.ts'

export interface ConsultationDates {
  opensAt: string
  closesAt: string
  feedbackPublished?: boolean | null
}

const time = (iso: string) => new Date(iso).getTime()

export function consultationStatus(c: ConsultationDates, now: Date | number): ConsultationStatus {
  const t = typeof now === 'number' ? now : now.getTime()
  if (t < time(c.opensAt)) return 'upcoming'
  if (t < time(c.closesAt)) return 'open'
  return c.feedbackPublished ? 'answered' : 'closed'
}

/** Whole days left until closing, counting a started day as one (0 once closed). */
export function daysLeft(closesAt: string, now: Date | number): number {
  const t = typeof now === 'number' ? now : now.getTime()
  return Math.max(0, Math.ceil((time(closesAt) - t) / 86_400_000))
}
