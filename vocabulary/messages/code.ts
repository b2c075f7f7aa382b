/**
 * Tracking codes of residents' messages. Pure: the CMS makes them, the site's script and the CMS read
 * what residents type. Randomness from Web Crypto (global in Node 22 and browsers), not Math.random.
 */

/** Tracking-code letters: no 0/O, 1/I/L, so a code read aloud or copied by hand stays unambiguous. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
const CODE_LENGTH = 10

/** A new random tracking code, e.g. `K7QM4-XR2PW` (10 letters ≈ 49 bits, from the crypto RNG). */
export function newTrackingCode(): string {
  let code = ''
  // Rejection sampling: 248 is the largest multiple of 31 below 256, so every letter is equally likely.
  while (code.length < CODE_LENGTH) {
    for (const byte of globalThis.crypto.getRandomValues(new Uint8Array(16))) {
      if (byte < 248 && code.length < CODE_LENGTH) code += CODE_ALPHABET[byte % CODE_ALPHABET.length]
    }
  }
  return `${code.slice(0, 5)}-${code.slice(5)}`
}

/**
 * What a resident typed, in the stored form `XXXXX-XXXXX`: upper case, spaces and dashes dropped.
 * Returns null when it cannot be a code (wrong length, or a letter the alphabet never uses).
 */
export function normaliseTrackingCode(input: unknown): string | null {
  if (typeof input !== 'string' || input.length > 40) return null
  const compact = input.toUpperCase().replace(/[\s\-－—_]/g, '')
  if (compact.length !== CODE_LENGTH) return null
  if (![...compact].every((ch) => CODE_ALPHABET.includes(ch))) return null
  return `${compact.slice(0, 5)}-${compact.slice(5)}`
}
