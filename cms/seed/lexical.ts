import type { SeedRichText } from '../../content/types.ts'

/** Lexical editor state, as Payload stores rich text. */
export interface LexicalState {
  [key: string]: unknown
  root: {
    type: 'root'
    children: LexicalBlock[]
    direction: 'ltr' | null
    format: ''
    indent: 0
    version: 1
  }
}

type LexicalText = {
  [key: string]: unknown
  type: 'text'
  text: string
  detail: 0
  format: 0
  mode: 'normal'
  style: ''
  version: 1
}
type LexicalBlock = {
  [key: string]: unknown

  type: 'paragraph' | 'heading'
  tag?: 'h2'
  children: LexicalText[]
  direction: 'ltr'
  format: ''
  indent: 0
  version: 1
  textFormat?: 0
}

/** Paragraphs → Lexical state; a paragraph starting with `## ` becomes an h2. */
export function toLexical(paragraphs: SeedRichText): LexicalState {
  const children = paragraphs.map((raw): LexicalBlock => {
    const isHeading = raw.startsWith('## ')
    const text = isHeading ? raw.slice(3).trim() : raw.trim()
    return {
      type: isHeading ? 'heading' : 'paragraph',
      ...(isHeading ? { tag: 'h2' as const } : { textFormat: 0 as const }),
      children: [{ type: 'text', text, detail: 0, format: 0, mode: 'normal', style: '', version: 1 }],
      direction: 'ltr',
      format: '',
      indent: 0,
      version: 1,
    }
  })
  return { root: { type: 'root', children, direction: 'ltr', format: '', indent: 0, version: 1 } }
}
