import { describe, expect, it } from 'vitest'

import { CODE_ALPHABET, newTrackingCode, normaliseTrackingCode } from '../../vocabulary/messages/code.ts'
import { parseLimit, SlidingWindow, waitText } from '../../cms/messages/rate-limit.ts'
import { checkSubmission, normalisePhone } from '../../vocabulary/messages/validate.ts'

describe('tracking codes', () => {
  it('are 10 unambiguous characters in two groups, and differ', () => {
    const codes = new Set(Array.from({ length: 2000 }, () => newTrackingCode()))
    expect(codes.size).toBe(2000)
    for (const code of codes) {
      expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/)
      expect(code).not.toMatch(/[01OIL]/)
    }
    expect(CODE_ALPHABET).not.toMatch(/[01OIL]/)
  })

  it('are read back however residents type them', () => {
    expect(normaliseTrackingCode('k7qm4 xr2pw')).toBe('K7QM4-XR2PW')
    expect(normaliseTrackingCode(' K7QM4－XR2PW ')).toBe('K7QM4-XR2PW')
    expect(normaliseTrackingCode('K7QM4XR2P')).toBeNull()
    expect(normaliseTrackingCode('K7QM4-XR2P0')).toBeNull()
    expect(normaliseTrackingCode(42)).toBeNull()
  })
})

describe('phone numbers', () => {
  it.each([
    ['139 1234 5678', '13912345678'],
    ['+86 139-1234-5678', '13912345678'],
    ['0516-83861065', '051683861065'],
    ['(0516)83861065', '051683861065'],
  ])('%s is %s', (input, expected) => expect(normalisePhone(input)).toBe(expected))

  it.each(['12345', '23912345678', '1391234567', '83861065', 'abc'])('%s is refused', (input) =>
    expect(normalisePhone(input)).toBeNull(),
  )
})

describe('a submission', () => {
  const form = (extra: Record<string, string> = {}) =>
    Object.entries({
      category: 'noise',
      street: 'heping',
      body: '楼下的空调外机噪声很大，晚上睡不着。',
      name: '王女士',
      phone: '13912345678',
      consent: 'yes',
      website: '',
      ...extra,
    })

  it('passes with the form fields only, trimmed', () => {
    const checked = checkSubmission(form({ community: '  和平社区 ' }))
    expect(checked.status).toBe(200)
    expect(checked.message).toMatchObject({ community: '和平社区', phone: '13912345678', to: null })
  })

  it('keeps what was typed for the form when refused, and names the field', () => {
    const checked = checkSubmission(form({ phone: '12345' }))
    expect(checked.status).toBe(422)
    expect(checked.values.body).toBe('楼下的空调外机噪声很大，晚上睡不着。')
    expect(Object.keys(checked.errors)).toEqual(['phone'])
  })

  it('is malformed (400) with a field the form does not have', () => {
    expect(checkSubmission(form({ status: 'closed' })).status).toBe(400)
  })
})

describe('sliding window', () => {
  it('allows max hits per window, then tells how long to wait', () => {
    const window = new SlidingWindow(parseLimit('X', '2/1m', '1/1m'))
    window.hit('a', 0)
    window.hit('a', 10_000)
    expect(window.allows('a', 20_000)).toBe(false)
    expect(window.allows('b', 20_000)).toBe(true)
    expect(window.retryAfter('a', 20_000)).toBe(40_000)
    expect(window.allows('a', 60_001)).toBe(true)
    expect(waitText(40_000)).toBe('约 1 分钟')
  })

  it('gives back a reserved hit, and only that one', () => {
    const window = new SlidingWindow(parseLimit('X', '2/1m', '1/1m'))
    const first = window.hit('a', 0)
    const second = window.hit('a', 5_000)
    expect(window.allows('a', 6_000)).toBe(false)
    window.release('a', second)
    expect(window.allows('a', 6_000)).toBe(true)
    expect(window.retryAfter('a', 6_000)).toBe(0)
    window.release('a', 99_999) // not a hit of this key: nothing changes
    window.release('b', first)
    window.hit('a', 7_000)
    expect(window.allows('a', 8_000)).toBe(false)
    window.release('a', first)
    window.release('a', 7_000)
    expect(window.allows('a', 8_000)).toBe(true)
  })

  it('refuses a malformed setting with one line naming the variable', () => {
    expect(() => parseLimit('MESSAGE_LIMIT_IP', 'lots', '5/1h')).toThrow(/^MESSAGE_LIMIT_IP: "lots"/)
    expect(parseLimit('X', undefined, '3/1d')).toEqual({ max: 3, windowMs: 86_400_000 })
  })
})
