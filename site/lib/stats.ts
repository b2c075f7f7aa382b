/**
 * The headline figures of the site settings (首页、关于基地). Editors type them, and a typed count goes
 * stale the day deputies are imported ("262 名代表" beside "全部 48 位代表"): a figure whose label names
 * something the site itself lists (代表, 案例, 实践站) shows the count of the published data instead.
 * Other figures (首批实践基地, 大平台) are history, not data, and stay as typed.
 */
export interface Stat {
  label: string
  value: string
}

export interface Counts {
  deputies: number
  cases: number
  stations: number
}

/** Which count a label is about, if any. */
export function countOf(label: string, counts: Counts): number | undefined {
  if (label.includes('代表')) return counts.deputies
  if (label.includes('案例')) return counts.cases
  if (/实践站|站点/.test(label)) return counts.stations
  return undefined
}

export function statsFromData(stats: Stat[], counts: Counts): Stat[] {
  return stats.map((s) => {
    const n = countOf(s.label, counts)
    return n === undefined ? s : { ...s, value: String(n) }
  })
}
