/**
 * Matching for the deputy directory, shared by the browser script and the unit tests. Pure: no DOM,
 * no pinyin dictionary (the pinyin was computed by the CMS when the deputy was saved).
 */

export interface DeputyRecord {
  slug: string
  name: string
  /** Syllables of the name, e.g. ['shan', 'xiao', 'ming']. */
  syllables: string[]
  street: string
  station: string
  level: string
  fields: string[]
  communities: string[]
  /** Chinese words a visitor may type that are not the name: street, station, fields, occupation. */
  keywords: string
}

export interface DeputyFilters {
  /** Free text: name (汉字), full pinyin with or without spaces, initials, or a mix ("zhang伟", "z伟"). */
  q?: string
  street?: string
  station?: string
  level?: string
  field?: string
  community?: string
}

const CJK = /\p{Script=Han}/u

/** Lowercase, no spaces or apostrophes, full-width letters folded ("Ｚhang Wei" → "zhangwei"). */
export function normaliseQuery(q: string): string {
  return q
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s'’·•.-]+/g, '')
}

/**
 * Whether `query` matches the name starting at syllable `i`: each Chinese character must be that
 * character of the name; each run of letters must be a prefix of that syllable (a whole syllable lets
 * the next letters start the next one). So "zhangwei", "zw", "zhangw", "zhang伟" and "伟" all find 张伟.
 */
function matchFrom(query: string, name: string[], syllables: string[], i: number): boolean {
  if (query === '') return true
  if (i >= syllables.length) return false
  const first = query[0]
  if (CJK.test(first)) return name[i] === first && matchFrom(query.slice(1), name, syllables, i + 1)
  const syllable = syllables[i]
  let n = 0
  while (n < query.length && n < syllable.length && query[n] === syllable[n]) n++
  // Try the longest prefix first, then shorter ones ("xian" may be xi+an or xian).
  for (let len = n; len >= 1; len--) {
    if (matchFrom(query.slice(len), name, syllables, i + 1)) return true
  }
  return false
}

/** True when the free-text query finds this deputy (by name, pinyin, initials or keywords). */
export function matchesQuery(record: DeputyRecord, rawQuery: string): boolean {
  const query = normaliseQuery(rawQuery)
  if (!query) return true
  const name = [...record.name]
  if (name.length === record.syllables.length) {
    for (let start = 0; start < name.length; start++) {
      if (matchFrom(query, name, record.syllables, start)) return true
    }
  } else if (record.name.includes(query)) {
    return true
  }
  // Chinese text that is not part of the name: street, station, field or occupation.
  return CJK.test(query) && record.keywords.includes(query)
}

/** The deputies passing every filter, in their original order. */
export function filterDeputies<T extends DeputyRecord>(records: T[], filters: DeputyFilters): T[] {
  return records.filter(
    (r) =>
      (!filters.street || r.street === filters.street) &&
      (!filters.station || r.station === filters.station) &&
      (!filters.level || r.level === filters.level) &&
      (!filters.field || r.fields.includes(filters.field)) &&
      (!filters.community || r.communities.includes(filters.community)) &&
      matchesQuery(r, filters.q ?? ''),
  )
}

const FILTER_KEYS = ['q', 'street', 'station', 'level', 'field', 'community'] as const

/** Filters from a URL query string (unknown keys ignored). */
export function filtersFromSearch(search: string): DeputyFilters {
  const params = new URLSearchParams(search)
  const filters: DeputyFilters = {}
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim()
    if (value) filters[key] = value
  }
  return filters
}

/** The URL query string for filters ("" when none are set), in a stable key order. */
export function searchFromFilters(filters: DeputyFilters): string {
  const params = new URLSearchParams()
  for (const key of FILTER_KEYS) {
    const value = filters[key]?.trim()
    if (value) params.set(key, value)
  }
  const text = params.toString()
  return text ? `?${text}` : ''
}
