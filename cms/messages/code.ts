import crypto from 'node:crypto'

/** Tracking-code letters: no 0/O, 1/I/L, so a code read aloud or copied by hand stays unambiguous. */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
export const CODE_LENGTH = 10

/** A new random tracking code, e.g. `K7QM4-XR2PW` (10 letters ≈ 49 bits, from the crypto RNG). */
export function newTrackingCode(): string {
  let code = ''
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[crypto.randomInt(CODE_ALPHABET.length)]
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
