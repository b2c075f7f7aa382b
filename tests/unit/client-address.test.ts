import { describe, expect, it } from 'vitest'

import { parseTrustedProxies, resolveClientAddress } from '../../scripts/lib/client-address.ts'

describe('the client address the CMS server counts', () => {
  const none = parseTrustedProxies(undefined)
  const nginx = parseTrustedProxies('127.0.0.1, ::1')

  it('is the socket address unless the peer is a trusted proxy, whatever X-Forwarded-For says', () => {
    expect(resolveClientAddress('203.0.113.9', '1.2.3.4', none)).toBe('203.0.113.9')
    expect(resolveClientAddress('::ffff:127.0.0.1', '1.2.3.4', none)).toBe('127.0.0.1')
    expect(resolveClientAddress('203.0.113.9', '1.2.3.4', nginx)).toBe('203.0.113.9')
  })

  it('behind a trusted proxy: the right-most entry that is not a proxy; spoofed left entries are ignored', () => {
    expect(resolveClientAddress('127.0.0.1', '198.51.100.7', nginx)).toBe('198.51.100.7')
    expect(resolveClientAddress('127.0.0.1', '6.6.6.6, 198.51.100.7', nginx)).toBe('198.51.100.7')
    expect(resolveClientAddress('::1', '6.6.6.6, 2001:db8::1, 127.0.0.1', nginx)).toBe('2001:db8::1')
    // Only proxies in the chain, or nothing: the proxy itself.
    expect(resolveClientAddress('127.0.0.1', '127.0.0.1', nginx)).toBe('127.0.0.1')
    expect(resolveClientAddress('127.0.0.1', '', nginx)).toBe('127.0.0.1')
    // Garbage where an address belongs is not believed.
    expect(resolveClientAddress('127.0.0.1', 'evil, <script>', nginx)).toBe('127.0.0.1')
  })

  it('refuses a TRUSTED_PROXIES entry that is not an address, with the variable named', () => {
    expect(() => parseTrustedProxies('127.0.0.1, nginx')).toThrow(/TRUSTED_PROXIES: "nginx"/)
  })
})
