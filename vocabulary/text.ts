/**
 * Plain text as residents and editors type it (textareas: case steps, deputy duties, replies to messages)
 * split into the paragraphs the site and the tracking view show.
 */
export function paragraphs(text: string): string[] {
  return text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
}
