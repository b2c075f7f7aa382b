import { describe, expect, it } from 'vitest'

import { archive } from '../../site/lib/archive.ts'

/** Items 1…n, newest first (as the listings read them): n is the newest. */
const items = (n: number) => Array.from({ length: n }, (_, i) => n - i)

describe('archive pages numbered from the oldest', () => {
  it('fills pages from the oldest; the newest page alone is short; each page lists newest first', () => {
    const { latest, pages, older } = archive(items(45), 20)
    expect(pages).toEqual([items(20), items(40).slice(0, 20), [45, 44, 43, 42, 41]])
    expect(latest).toEqual(items(45).slice(0, 20))
    // The item after /news/'s twenty (25) is on page 2.
    expect(older).toBe(2)
    expect(pages[older - 1]).toContain(25)
  })

  it('a new item changes the newest page only, until it is full', () => {
    const before = archive(items(45), 20).pages
    const after = archive(items(46), 20).pages
    expect(after.slice(0, 2)).toEqual(before.slice(0, 2))
    expect(after[2][0]).toBe(46)
    expect(archive(items(61), 20).pages).toHaveLength(4)
  })

  it('has no archive pages and nothing older for an empty listing; one page for a short one', () => {
    expect(archive([], 20)).toEqual({ latest: [], pages: [], older: 0 })
    expect(archive(items(20), 20)).toEqual({ latest: items(20), pages: [items(20)], older: 0 })
    expect(archive(items(21), 20).older).toBe(1)
  })

  it('refuses a page size that is not a whole number ≥ 1', () => {
    expect(() => archive(items(3), 0)).toThrow(/page size/)
  })
})
