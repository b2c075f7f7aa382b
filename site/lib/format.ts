/** Formatting helpers for Chinese readers; pure functions, no Astro imports. */

const dateFormat = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
})

/** 2026-03-05T… → 2026年3月5日 (Beijing time). */
export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso))
}

/** 2026-03-05T… → 2026-03-05 (Beijing time), for list columns and <time datetime>. */
export function isoDay(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 10)
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
