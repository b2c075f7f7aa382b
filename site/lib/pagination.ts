/** One entry of a collapsed page list: a page number, or a gap (…) for the pages left out. */
export type PageItem = number | 'gap'

/**
 * The page numbers a listing shows on page `current` of `total`: the first, the last, the current one
 * and `around` pages on each side, with a gap for each run left out (the GOV.UK pattern:
 * 1 … 4 5 6 … 500). At 10k news a listing had ≈ 500 page links. A gap never stands for a single page:
 * that page is shown instead, since "…" takes the same room and says less.
 */
export function pageItems(current: number, total: number, around = 1): PageItem[] {
  if (total < 1) return []
  const page = Math.min(Math.max(current, 1), total)
  const shown = new Set([1, total])
  for (let n = page - around; n <= page + around; n++) if (n >= 1 && n <= total) shown.add(n)
  const items: PageItem[] = []
  let previous = 0
  for (const n of [...shown].sort((a, b) => a - b)) {
    if (n - previous === 2) items.push(n - 1)
    else if (n - previous > 2) items.push('gap')
    items.push(n)
    previous = n
  }
  return items
}
