/**
 * Which address a request comes from. Pure (no imports): the CMS server (scripts/cms-server.ts) calls it for every
 * request and puts the result into `x-forwarded-for`, so everything behind it (rate limits, logs) reads one
 * trusted address.
 *
 * Forwarded headers are only believed when the peer itself is a reverse proxy listed in `TRUSTED_PROXIES`;
 * then the right-most X-Forwarded-For entry that is not a trusted proxy is the client (entries further left
 * were written by the client and can say anything).
 */

/** Parses `TRUSTED_PROXIES`: comma-separated IP addresses (IPv4, IPv6, or IPv4-mapped IPv6). */
export function parseTrustedProxies(value: string | undefined): Set<string> {
  const list = (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  for (const entry of list) {
    if (!isIpAddress(entry))
      throw new Error(
        `TRUSTED_PROXIES: "${entry}" is not an IP address (list proxy addresses, comma-separated)`,
      )
  }
  return new Set(list.map(canonical))
}

/** The client address for a request that arrived from `peer` carrying `forwardedFor` (may be empty). */
export function resolveClientAddress(
  peer: string | undefined,
  forwardedFor: string | undefined,
  trusted: Set<string>,
): string {
  const socket = canonical(peer ?? '') || 'unknown'
  if (!trusted.has(socket) || !forwardedFor) return socket
  const hops = forwardedFor
    .split(',')
    .map((entry) => canonical(entry.trim()))
    .filter(Boolean)
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!isIpAddress(hops[i])) return socket
    if (!trusted.has(hops[i])) return hops[i]
  }
  return socket
}

/** Whether the socket peer is one of the trusted reverse proxies (whose forwarded headers count). */
export function isTrustedPeer(peer: string | undefined, trusted: Set<string>): boolean {
  return trusted.has(canonical(peer ?? ''))
}

/** `::ffff:127.0.0.1` and `127.0.0.1` are the same client. */
function canonical(address: string): string {
  const lower = address.toLowerCase()
  return lower.startsWith('::ffff:') && lower.includes('.') ? lower.slice(7) : lower
}

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/
function isIpAddress(value: string): boolean {
  const v = canonical(value)
  return IPV4.test(v) || (/^[0-9a-f:]+$/.test(v) && v.includes(':') && v.length <= 39)
}
