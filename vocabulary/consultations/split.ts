/**
 * Splits a draft law or policy pasted as plain text ("第一章 总则 第一条 为了……") into its numbered parts:
 * 章 and 节 headings and 条 articles (with 之一 articles), each with a stable reference the opinion form
 * and the page anchors use (`art-3`, `art-3-1`, `ch-1`, `ch-1-sec-2`). Numbering problems (a missing or
 * repeated article, chapters out of order) are reported in Chinese for the editor, never silently fixed.
 * Pure: runs in the CMS's hook and in the unit tests.
 */

export type DraftPartKind = 'preamble' | 'chapter' | 'section' | 'article'

export interface DraftPart {
  kind: DraftPartKind
  /** Stable ASCII reference: `art-3`, `art-3-1` (第三条之一), `ch-2`, `ch-2-sec-1`, `preamble`. */
  ref: string
  /** As people cite it: 第三条, 第三条之一, 第二章, 第一节 (empty for the preamble). */
  label: string
  /** A chapter's or section's title (总则); empty for articles. */
  heading: string
  /** An article's text (paragraphs separated by newlines), or the preamble; empty for headings. */
  text: string
}

export interface SplitResult {
  parts: DraftPart[]
  /** Numbering problems, in Chinese, in the order found. */
  problems: string[]
}

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
}
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 }

/** 一百零三 → 103, 十二 → 12, 二十 → 20, 3 → 3; NaN when it is not a number. */
export function parseChineseNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text)
  let total = 0
  let digit = -1
  for (const ch of text) {
    if (ch in DIGITS) digit = DIGITS[ch]
    else if (ch in UNITS) {
      total += (digit < 0 ? 1 : digit) * UNITS[ch]
      digit = -1
    } else return NaN
  }
  return digit > 0 ? total + digit : total
}

const CN = '零一二三四五六七八九'
/** 103 → 一百零三, 12 → 十二, 20 → 二十 (up to 9999). */
export function chineseNumber(n: number): string {
  if (n < 10) return CN[n]
  if (n < 20) return `十${n % 10 ? CN[n % 10] : ''}`
  const parts: string[] = []
  let zero = false
  for (const [unit, size] of [
    ['千', 1000],
    ['百', 100],
    ['十', 10],
    ['', 1],
  ] as const) {
    const d = Math.floor(n / size) % 10
    if (d === 0) {
      if (parts.length) zero = true
      continue
    }
    if (zero) parts.push('零')
    zero = false
    parts.push(CN[d] + unit)
  }
  return parts.join('')
}

/** 第三条 / 第三条之一 / 第二章 / 第一节. */
export function partLabel(unit: '章' | '节' | '条', number: number, suffix = 0): string {
  return `第${chineseNumber(number)}${unit}${suffix ? `之${chineseNumber(suffix)}` : ''}`
}

/**
 * A part marker: 第N章 / 第N节 / 第N条 (之M), at the start of a line or after a space, and followed by a
 * space, a line end or the text's end. A citation inside an article ("依照本条例第十条规定") is followed
 * by more text, so it stays text.
 */
const MARKER =
  /(^|[\s\u3000])第([零〇一二两三四五六七八九十百千\d]+)(章|节|条)(?:之([零〇一二两三四五六七八九十百千\d]+))?(?=[\s\u3000]|$)/gu

const clean = (text: string) =>
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[\s\u3000]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n')

export function splitDraft(input: string): SplitResult {
  const source = input.normalize('NFC').replace(/\r\n?/g, '\n')
  const markers: { index: number; end: number; unit: '章' | '节' | '条'; number: number; suffix: number }[] =
    []
  for (const m of source.matchAll(MARKER)) {
    const number = parseChineseNumber(m[2])
    const suffix = m[4] ? parseChineseNumber(m[4]) : 0
    if (!Number.isFinite(number) || !Number.isFinite(suffix) || number < 1) continue
    const index = m.index + m[1].length
    markers.push({ index, end: m.index + m[0].length, unit: m[3] as '章' | '节' | '条', number, suffix })
  }

  const parts: DraftPart[] = []
  const problems: string[] = []
  const preamble = clean(source.slice(0, markers[0]?.index ?? source.length))
  if (preamble) parts.push({ kind: 'preamble', ref: 'preamble', label: '', heading: '', text: preamble })

  let chapter = 0
  let section = 0
  let article = 0
  let articleSuffix = 0
  const seen = new Set<string>()
  for (const [i, m] of markers.entries()) {
    const body = source.slice(m.end, markers[i + 1]?.index ?? source.length)
    const label = partLabel(m.unit, m.number, m.suffix)
    if (m.unit === '条') {
      if (m.suffix) {
        if (m.number !== article)
          problems.push(
            `${label}应当紧跟在${partLabel('条', m.number)}之后（现在跟在${partLabel('条', article)}之后）。`,
          )
        else if (m.suffix !== articleSuffix + 1)
          problems.push(
            `${partLabel('条', article, articleSuffix)}之后是${label}，缺少${partLabel('条', article, articleSuffix + 1)}。`,
          )
      } else if (m.number === article) {
        problems.push(`${label}出现了两次。`)
      } else if (m.number !== article + 1) {
        const missing =
          m.number === article + 2
            ? partLabel('条', article + 1)
            : m.number > article
              ? `${partLabel('条', article + 1)}至${partLabel('条', m.number - 1)}`
              : ''
        problems.push(
          missing
            ? article
              ? `${partLabel('条', article)}之后是${label}，缺少${missing}。`
              : `条文从${label}开始，缺少${missing}。`
            : `${label}排在${partLabel('条', article)}之后，编号顺序不对。`,
        )
      }
      if (!m.suffix || m.number === article) {
        article = m.number
        articleSuffix = m.suffix
      }
      let ref = m.suffix ? `art-${m.number}-${m.suffix}` : `art-${m.number}`
      if (seen.has(ref)) {
        let n = 2
        while (seen.has(`${ref}-dup${n}`)) n++
        ref = `${ref}-dup${n}`
      }
      seen.add(ref)
      const text = clean(body)
      if (!text) problems.push(`${label}没有条文内容。`)
      parts.push({ kind: 'article', ref, label, heading: '', text })
      continue
    }
    // A heading is the rest of its line (or, pasted on one line, the text up to the next marker).
    const [heading = '', ...stray] = clean(body).split('\n')
    if (m.unit === '章') {
      if (m.number !== chapter + 1)
        problems.push(
          chapter
            ? `${partLabel('章', chapter)}之后是${label}，章的编号不连续。`
            : `章从${label}开始，缺少第一章。`,
        )
      chapter = m.number
      section = 0
      let ref = `ch-${m.number}`
      if (seen.has(ref)) ref = `${ref}-dup${parts.length}`
      seen.add(ref)
      parts.push({ kind: 'chapter', ref, label, heading, text: '' })
    } else {
      if (m.number !== section + 1)
        problems.push(
          section
            ? `${partLabel('章', chapter || 1)}中${partLabel('节', section)}之后是${label}，节的编号不连续。`
            : `${chapter ? partLabel('章', chapter) : '草案'}的节从${label}开始，缺少第一节。`,
        )
      section = m.number
      let ref = `ch-${chapter}-sec-${m.number}`
      if (seen.has(ref)) ref = `${ref}-dup${parts.length}`
      seen.add(ref)
      parts.push({ kind: 'section', ref, label, heading, text: '' })
    }
    if (!heading) problems.push(`${label}没有标题。`)
    if (stray.length) problems.push(`${label}标题之后有不属于任何条文的文字：「${stray[0].slice(0, 20)}」。`)
  }
  if (!parts.some((p) => p.kind === 'article'))
    problems.push('没有找到“第一条”这样的条文编号：请确认每条条文以“第×条”开头，后面空一格。')
  return { parts, problems }
}
