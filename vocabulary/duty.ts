/**
 * 代表履职档案: how the figures of a deputy's (or a station's, a street's) handled messages are computed,
 * in one place for the CMS (which alone may read messages and hands the site only these aggregates) and
 * the site (which shows them, and the method beside them). Pure arithmetic on anonymous facts.
 */

/** One message as the figures see it: no text, no person, only when and how it was handled. */
export interface HandledFact {
  /** The Beijing year the message was received. */
  year: number
  closed: boolean
  /** Closed by its deadline (or closed with no deadline set). */
  onTime: boolean
  /** Days from received to closed; null while open. */
  days: number | null
  /** 满意 / 基本满意 / 不满意, or null when the resident did not rate it. */
  rating: 'satisfied' | 'basically' | 'unsatisfied' | null
}

export interface MessageFigures {
  /** Messages assigned (承办). */
  handled: number
  closed: number
  /** Closed within their deadline. */
  onTime: number
  /** Median days from received to closed, one decimal; null when none is closed. */
  medianDays: number | null
  rated: number
  /** Rated 满意 or 基本满意. */
  satisfied: number
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

export function messageFigures(facts: readonly HandledFact[]): MessageFigures {
  const closed = facts.filter((f) => f.closed)
  const days = closed.flatMap((f) => (f.days === null ? [] : [f.days]))
  const mid = median(days)
  const rated = facts.filter((f) => f.rating)
  return {
    handled: facts.length,
    closed: closed.length,
    onTime: closed.filter((f) => f.onTime).length,
    medianDays: mid === null ? null : Math.round(mid * 10) / 10,
    rated: rated.length,
    satisfied: rated.filter((f) => f.rating !== 'unsatisfied').length,
  }
}

/** Figures per year, newest first, and for all years together (`year: null`). */
export interface YearFigures extends MessageFigures {
  year: number | null
}

export function figuresByYear(facts: readonly HandledFact[]): YearFigures[] {
  const years = [...new Set(facts.map((f) => f.year))].sort((a, b) => b - a)
  return [
    { year: null, ...messageFigures(facts) },
    ...years.map((year) => ({ year, ...messageFigures(facts.filter((f) => f.year === year)) })),
  ]
}

/** Figures per key (a deputy's slug, a station's slug, a street), each by year. */
export function figuresBy(
  facts: readonly (HandledFact & { keys: readonly string[] })[],
): Record<string, YearFigures[]> {
  const grouped = new Map<string, HandledFact[]>()
  for (const fact of facts)
    for (const key of new Set(fact.keys)) {
      const list = grouped.get(key)
      if (list) list.push(fact)
      else grouped.set(key, [fact])
    }
  return Object.fromEntries([...grouped].map(([key, list]) => [key, figuresByYear(list)]))
}

/** A share as a whole percentage, e.g. 0.8333 → "83%". */
export const percent = (part: number, whole: number): string => `${Math.round((part / whole) * 100)}%`

/** The default of the site setting 履职统计最少件数: below it a rate is not shown, as it would mislead. */
export const DEFAULT_DUTY_MINIMUM = 5
