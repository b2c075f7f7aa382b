/**
 * What a reader gets from a page's <main>: headings (level, id, text), the text, pictures' alt texts,
 * links and landmarks, ignoring how the markup was produced (Astro's scoping attributes, class names,
 * whitespace between blocks). Two pages with the same summary read the same.
 */
export interface MainMarkup {
  headings: string[]
  text: string
  images: string[]
  links: string[]
  landmarks: string[]
}

const strip = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/\s+/g, '')

export function mainMarkup(page: string): MainMarkup {
  const main = /<main\b[^>]*>([\s\S]*)<\/main>/.exec(page)?.[1] ?? ''
  const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? ''
  return {
    headings: [...main.matchAll(/<h([1-6])\b([^>]*)>([\s\S]*?)<\/h\1>/g)].map(
      ([, level, attrs, inner]) =>
        `h${level}${attr(attrs, 'id') ? `#${attr(attrs, 'id')}` : ''} ${strip(inner)}`,
    ),
    text: strip(main),
    // Astro writes an empty alt as a bare `alt`, React as `alt=""`: the same for a reader.
    images: [...main.matchAll(/<img\b[^>]*>/g)].map(([tag]) => attr(tag, 'alt')),
    links: [...main.matchAll(/<a\b[^>]*>/g)].map(([tag]) => attr(tag, 'href')),
    landmarks: [...main.matchAll(/<(article|section|aside|nav|figure)\b([^>]*)>/g)].map(
      ([, tag, attrs]) =>
        `${tag}${attr(attrs, 'aria-labelledby') ? ` →${attr(attrs, 'aria-labelledby')}` : ''}${attr(attrs, 'aria-label') ? ` "${attr(attrs, 'aria-label')}"` : ''}`,
    ),
  }
}
