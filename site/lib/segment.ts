/**
 * Chinese word segmentation shared by the search index (Node, at build time) and the search box
 * (browser): both use the runtime's Intl.Segmenter, so an indexed word and a typed word are split the
 * same way. The index stores words separated by spaces; `readable()` takes those spaces out again for
 * display.
 */

const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' })

/** CJK characters and full-width punctuation: no spaces belong next to them in Chinese text. */
const CJK = '\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef“”‘’—…·'

/** Text as the index stores it: every word and punctuation mark separated by one space. */
export function toIndexText(text: string): string {
  const out: string[] = []
  for (const { segment } of segmenter.segment(text)) {
    const trimmed = segment.trim()
    if (trimmed) out.push(trimmed)
  }
  return out.join(' ')
}

/** The words of a query, lowercased, without punctuation: "噪声扰民" → ["噪声", "扰民"]. */
export function queryWords(query: string): string[] {
  const words: string[] = []
  for (const s of segmenter.segment(query.normalize('NFKC').toLowerCase())) {
    if (s.isWordLike) words.push(s.segment)
  }
  return words
}

const spaceNextToCjk = new RegExp(`(?<=[${CJK}])\\s+|\\s+(?=[${CJK}])`, 'gu')

/** Index text (or an excerpt with <mark> tags) back to normal Chinese: no spaces next to Chinese. */
export function readable(indexText: string): string {
  return indexText
    .replace(/\s*(<\/?mark>)\s*/g, ' $1 ')
    .replace(spaceNextToCjk, '')
    .replace(/\s*(<\/?mark>)\s*/g, '$1')
    .replace(/<\/mark><mark>/g, '')
    .replace(/\s{2,}/g, ' ')
    .trim()
}
