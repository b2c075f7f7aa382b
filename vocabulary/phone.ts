/**
 * The one guard against mainland mobile numbers in public texts (deputies, stations, message replies and
 * summaries, the deputy import). Pure: no Payload import, so the importer, the hooks and the unit tests
 * share it.
 *
 * A plain regular expression on the raw text is easy to slip past: full-width digits (１３８…), Chinese
 * numerals (一三八〇…), dots, underscores, Unicode dashes or spaces between the digits all still read as a
 * phone number to a visitor. So the text is normalised first, then split into chains of digit groups joined
 * by separators, and a number is found when whole groups add up to exactly 11 digits starting with 1[3-9].
 * Whole groups keep dates (2026-11-13), landlines (0516-83861065) and longer digit runs out, and commas
 * are not separators, so amounts (13,800,138,000 元) stay out too.
 */

/** Chinese numerals as people write digits one by one (一三八…, 幺 for 1 when read aloud, 大写 forms). */
const CHINESE_DIGITS: Record<string, string> = {
  〇: '0',
  '○': '0',
  零: '0',
  一: '1',
  幺: '1',
  壹: '1',
  二: '2',
  贰: '2',
  三: '3',
  叁: '3',
  四: '4',
  肆: '4',
  五: '5',
  伍: '5',
  六: '6',
  陆: '6',
  七: '7',
  柒: '7',
  八: '8',
  捌: '8',
  九: '9',
  玖: '9',
}
const CHINESE_DIGIT = new RegExp(`[${Object.keys(CHINESE_DIGITS).join('')}]`, 'g')

/** Invisible characters that would otherwise hide a number from the check (zero-width, soft hyphen). */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g

/**
 * What may stand between the digits of one written number (after NFKC, which already turned full-width
 * forms, U+3000 and NBSP into their ASCII counterparts): whitespace, . _ - /, middle dots and bullets,
 * U+2010–U+2015 (hyphen … horizontal bar, incl. — and –) and U+2212 (minus).
 */
const SEPARATOR = String.raw`[\s._\-/\u00B7\u30FB\u2022\u2027\u2010-\u2015\u2212]`
const CHAIN = new RegExp(String.raw`\d+(?:${SEPARATOR}+\d+)*`, 'g')
const SEPARATORS = new RegExp(`${SEPARATOR}+`)

/** NFKC (full-width digits, circled ①…), invisible characters removed, Chinese numerals as digits. */
function normaliseDigits(text: string): string {
  return text
    .replace(INVISIBLE, '')
    .normalize('NFKC')
    .replace(CHINESE_DIGIT, (c) => CHINESE_DIGITS[c])
}

/** The first mobile number in `text` as 11 digits, or null. */
export function findMobileNumber(text: string): string | null {
  const normal = normaliseDigits(text)
  for (const chain of normal.matchAll(CHAIN)) {
    const groups = chain[0].split(SEPARATORS)
    const plus = normal[chain.index - 1] === '+'
    for (let i = 0; i < groups.length; i++) {
      // Where a number may begin in this group: at its start, or after a country code written without a
      // separator (+8613800138000, 008613800138000).
      const starts = [0]
      if (i === 0 && plus && groups[i].startsWith('86')) starts.push(2)
      if (groups[i].startsWith('0086')) starts.push(4)
      for (const start of starts) {
        let digits = groups[i].slice(start)
        for (let j = i + 1; digits.length < 11 && j < groups.length; j++) digits += groups[j]
        if (digits.length === 11 && /^1[3-9]/.test(digits)) return digits
      }
    }
  }
  return null
}

/** Lexical node types that flow inside a line; every other element starts a new line of text. */
const INLINE = new Set(['text', 'link', 'autolink', 'linebreak', 'tab'])

/**
 * The visible text of a field value: a string, the strings of a hasMany text field, or a Lexical rich
 * text state (text nodes of one paragraph joined, as they render; link targets too, since `tel:` links
 * are public).
 */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return value.map(textOf).join('\n')
  if (!value || typeof value !== 'object') return ''
  const node = value as {
    root?: unknown
    type?: unknown
    text?: unknown
    children?: unknown
    fields?: unknown
  }
  if (node.root) return textOf(node.root)
  if (node.type === 'linebreak') return '\n'
  if (typeof node.text === 'string') return node.text
  const url = (node.fields as { url?: unknown } | undefined)?.url
  const children = Array.isArray(node.children) ? node.children : []
  const inner = children
    .map((child) => {
      const text = textOf(child)
      return INLINE.has((child as { type?: string })?.type ?? '') ? text : `\n${text}\n`
    })
    .join('')
  return typeof url === 'string' ? `${inner}\n${url}` : inner
}

/** True when a field value (string, string[] or rich text) shows a mobile number. */
export function hasMobileNumber(value: unknown): boolean {
  return findMobileNumber(textOf(value)) !== null
}
