import { describe, expect, it } from 'vitest'

import { pageItems } from '../../site/lib/pagination.ts'

const show = (current: number, total: number) =>
  pageItems(current, total)
    .map((i) => (i === 'gap' ? '…' : String(i)))
    .join(' ')

describe('pageItems', () => {
  it('collapses a long range around the current page (1 … 4 5 6 … 500)', () => {
    expect(show(5, 500)).toBe('1 … 4 5 6 … 500')
    expect(pageItems(250, 500)).toHaveLength(7)
  })

  it('at either end: the first or last pages, one gap', () => {
    expect(show(1, 500)).toBe('1 2 … 500')
    expect(show(2, 500)).toBe('1 2 3 … 500')
    expect(show(500, 500)).toBe('1 … 499 500')
    expect(show(499, 500)).toBe('1 … 498 499 500')
  })

  it('shows a single left-out page rather than a gap standing for it', () => {
    expect(show(4, 10)).toBe('1 2 3 4 5 … 10')
    expect(show(3, 10)).toBe('1 2 3 4 … 10')
    expect(show(7, 10)).toBe('1 … 6 7 8 9 10')
  })

  it('short ranges in full', () => {
    expect(show(1, 1)).toBe('1')
    expect(show(1, 2)).toBe('1 2')
    expect(show(2, 5)).toBe('1 2 3 4 5')
    expect(show(3, 5)).toBe('1 2 3 4 5')
  })

  it('every page from 1 to total appears once, in order, whatever the current page', () => {
    for (let total = 1; total <= 30; total++) {
      for (let current = 1; current <= total; current++) {
        const numbers = pageItems(current, total).filter((i) => i !== 'gap')
        expect(numbers).toEqual([...new Set(numbers)].sort((a, b) => a - b))
        expect(numbers).toContain(1)
        expect(numbers).toContain(total)
        expect(numbers).toContain(current)
        expect(numbers.length).toBeLessThanOrEqual(7)
      }
    }
  })

  it('more neighbours on request', () => {
    expect(pageItems(10, 20, 2).map(String).join(' ')).toBe('1 gap 8 9 10 11 12 gap 20')
  })
})
