/** Formatting helpers for Chinese readers; pure functions, no Astro imports. */
import { beijingDay, chineseDate } from '../../vocabulary/dates.ts'

/** 2026-03-05T… → 2026年3月5日 (Beijing time): the one date format shown anywhere on the site. */
export function formatDate(iso: string): string {
  return chineseDate(iso)
}

/** 2026-03-05T… → 2026-03-05 (Beijing time), for <time datetime> and the search index, never shown. */
export function isoDay(iso: string): string {
  return beijingDay(iso)
}

/** 754 → "12分34秒". */
export function formatDuration(seconds: number | null | undefined): string {
  if (!seconds) return ''
  const m = Math.floor(seconds / 60)
  const s = Math.round(seconds % 60)
  return m ? `${m}分${s ? `${s}秒` : '钟'}` : `${s}秒`
}

/** ISO 8601 duration for JSON-LD / schema.org: 754 → "PT12M34S". */
export function isoDuration(seconds: number): string {
  return `PT${Math.floor(seconds / 60)}M${Math.round(seconds % 60)}S`
}

/** Items of a list split into pages of `size`. */
export function paginate<T>(items: T[], size: number): T[][] {
  const pages: T[][] = []
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size))
  return pages.length ? pages : [[]]
}
