import { describe, expect, it } from 'vitest'

import { dutyData, dutyRowsOf, messageRates } from '../../site/lib/duty.ts'
import { figuresBy, figuresByYear, median, messageFigures, type HandledFact } from '../../vocabulary/duty.ts'

const fact = (year: number, days: number | null, onTime = true, rating: HandledFact['rating'] = null) => ({
  year,
  closed: days !== null,
  onTime: days !== null && onTime,
  days,
  rating,
})

describe('message figures of 代表履职档案', () => {
  it('takes the median, not the mean: one very late answer does not move it', () => {
    expect(median([])).toBeNull()
    expect(median([7])).toBe(7)
    expect(median([20, 2, 7, 10, 4])).toBe(7)
    expect(median([1, 2, 3, 100])).toBe(2.5)
  })

  it('counts handled, closed, on time and 满意 or 基本满意 among those who rated', () => {
    const facts = [
      fact(2026, 4, true, 'satisfied'),
      fact(2025, 7, true, 'satisfied'),
      fact(2025, 20, false, 'unsatisfied'),
      fact(2026, 2, true, 'basically'),
      fact(2026, 10),
      fact(2026, null),
    ]
    expect(messageFigures(facts)).toEqual({
      handled: 6,
      closed: 5,
      onTime: 4,
      medianDays: 7,
      rated: 4,
      satisfied: 3,
    })
    const years = figuresByYear(facts)
    expect(years.map((y) => [y.year, y.handled])).toEqual([
      [null, 6],
      [2026, 4],
      [2025, 2],
    ])
    expect(years[2].medianDays).toBe(13.5)
  })

  it('groups by every key a message has, each message once per key', () => {
    const by = figuresBy([
      { ...fact(2026, 3), keys: ['deputy:a', 'street:x', 'street:x'] },
      { ...fact(2026, 5), keys: ['deputy:b', 'street:x'] },
    ])
    expect(by['street:x'][0].handled).toBe(2)
    expect(by['deputy:a'][0].handled).toBe(1)
    expect(by['deputy:c']).toBeUndefined()
  })

  it('shows a rate only from the minimum base, and says why otherwise', () => {
    const few = messageFigures([fact(2026, 3, true, 'satisfied'), fact(2026, 30, false)])
    const rates = messageRates(few, 5)
    expect(rates.onTime).toEqual({ shown: false, text: '不足 5 件' })
    expect(rates.medianDays).toEqual({ shown: false, text: '不足 5 件' })
    expect(rates.satisfied).toEqual({ shown: false, text: '不足 5 件' })
    expect(messageRates(few, 2).onTime).toEqual({ shown: true, text: '50%' })
    expect(messageRates(messageFigures([]), 5).onTime.text).toBe('—')
  })
})

describe('rows of 代表履职档案', () => {
  const station = { slug: 's1', street: 'kuishan' }
  const data = dutyData({
    activities: [
      { startsAt: '2026-03-01T02:00:00Z', deputies: [{ slug: 'a' }], station: { slug: 's1' } },
      // 2025-12-31 20:00 UTC is already 2026 in Beijing.
      { startsAt: '2025-12-31T20:00:00Z', deputies: [{ slug: 'a' }, { slug: 'b' }], station: null },
      { startsAt: '2025-05-01T02:00:00Z', deputies: [{ slug: 'b' }], station: { slug: 's1' } },
    ],
    cases: [
      {
        publishedAt: '2025-06-01T00:00:00Z',
        deputies: [{ slug: 'a', name: '甲' }],
        station: null,
        street: 'heping',
      },
    ] as never,
    lectures: [],
    consultations: [{ opensAt: '2026-02-01T00:00:00Z', stations: [{ slug: 's1' }] }],
    deputies: [
      { slug: 'a', street: 'kuishan' },
      { slug: 'b', street: 'heping' },
    ] as never,
    stations: [station] as never,
    messages: {
      'deputy:a': [
        { year: null, handled: 1, closed: 1, onTime: 1, medianDays: 2, rated: 0, satisfied: 0 },
        { year: 2026, handled: 1, closed: 1, onTime: 1, medianDays: 2, rated: 0, satisfied: 0 },
      ],
    },
  })

  it('counts a deputy’s activities, cases and the 座谈 at their station per Beijing year', () => {
    const rows = dutyRowsOf(data, { deputy: 'a', station: 's1' })
    expect(rows.map((r) => [r.year, r.activities, r.cases, r.consultations, r.messages.handled])).toEqual([
      [null, 2, 1, 1, 1],
      [2026, 2, 0, 1, 1],
      [2025, 0, 1, 0, 0],
    ])
  })

  it('counts a station’s and a street’s events; a deputy with nothing gets zeros, not a missing row', () => {
    expect(dutyRowsOf(data, { station: 's1' })[0]).toMatchObject({ activities: 2, consultations: 1 })
    // The activity without a station counts for both its deputies' streets.
    expect(dutyRowsOf(data, { street: 'heping' })[0]).toMatchObject({ activities: 1, cases: 1 })
    expect(dutyRowsOf(data, { all: true })[0]).toMatchObject({ activities: 3, cases: 1, consultations: 1 })
    expect(dutyRowsOf(data, { deputy: 'z', station: null })).toEqual([
      {
        year: null,
        activities: 0,
        cases: 0,
        lectures: 0,
        consultations: 0,
        messages: { handled: 0, closed: 0, onTime: 0, medianDays: null, rated: 0, satisfied: 0 },
      },
    ])
  })
})
