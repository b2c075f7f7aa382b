/**
 * The one date format residents read, on every page, in the tracking view and in the CMS's answer pages:
 * 2026年12月1日, always with the year, in Beijing time. Plain arithmetic rather than Intl: China has had
 * no daylight saving time since 1991, and the same code runs in the CMS, the build and any browser.
 */

const BEIJING_OFFSET_MS = 8 * 3600_000

function beijing(iso: string): Date | null {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? null : new Date(date.getTime() + BEIJING_OFFSET_MS)
}

/** "2026-03-05T02:00:00Z" or "2026-03-05" → "2026年3月5日" (Beijing time); "" for a missing or bad date. */
export function chineseDate(iso: string | null | undefined): string {
  const d = iso ? beijing(iso) : null
  return d ? `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日` : ''
}

/** "2026-03-05T18:00:00Z" → "2026-03-06": the Beijing day, for <time datetime> and sorting. */
export function beijingDay(iso: string): string {
  return beijing(iso)?.toISOString().slice(0, 10) ?? ''
}

/** "2026-03-05T06:30:00Z" → "14:30" (Beijing time); "" for a missing or bad date. */
export function beijingClock(iso: string | null | undefined): string {
  const d = iso ? beijing(iso) : null
  return d ? `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}` : ''
}

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六']
/** "2026-03-05T06:30:00Z" → "星期四" (the Beijing day's weekday). */
export function chineseWeekday(iso: string | null | undefined): string {
  const d = iso ? beijing(iso) : null
  return d ? `星期${WEEKDAYS[d.getUTCDay()]}` : ''
}

/** "2026-12-31T10:00:00Z" → "2026年12月31日 18:00" (Beijing time, read to the minute: closing times, receipts). */
export function chineseDateTime(iso: string): string {
  return `${chineseDate(iso)} ${beijingClock(iso)}`
}
