/**
 * Listings as an archive numbered from the oldest: `/news/` shows the newest items, and
 * `/news/page/<n>/` holds items n·size−size+1 … n·size counted from the oldest (the newest page is the
 * only one not full). A new item then changes `/news/` and the newest archive page only, not every page
 * (with pages counted from the newest every item moved one place down the whole list), so an incremental
 * build re-renders two listing pages rather than 500, and an archive page's address keeps showing the
 * same items, which is what a link to "page 3" should do.
 */

export interface Archive<T> {
  /** The newest `size` items, newest first: the listing's first page. */
  latest: T[]
  /** Archive page n is `pages[n - 1]`, its items newest first. */
  pages: T[][]
  /** The archive page holding the item after `latest`, or 0 when `latest` holds them all. */
  older: number
}

/** `items` newest first, as the listings read them. */
export function archive<T>(items: T[], size: number): Archive<T> {
  if (!Number.isInteger(size) || size < 1) throw new Error(`archive: page size must be ≥ 1, got ${size}`)
  const total = items.length
  const pages: T[][] = []
  for (let n = 1; (n - 1) * size < total; n++) {
    pages.push(items.slice(Math.max(0, total - n * size), total - (n - 1) * size))
  }
  return {
    latest: items.slice(0, size),
    pages,
    older: total > size ? Math.floor((total - 1 - size) / size) + 1 : 0,
  }
}

/** What a listing page shows of a news item: the part of it its digest covers (./archive-pages). */
export const listed = (n: { slug: string; title: string; categoryLabel: string; publishedAt: string }) => [
  n.slug,
  n.title,
  n.categoryLabel,
  n.publishedAt,
]
