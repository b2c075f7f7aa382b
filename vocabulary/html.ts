/**
 * The one HTML escaper, for markup written as strings (the message form, the CMS's answer pages, the
 * preview, browser scripts). Escapes the five characters that matter in text and in quoted attributes.
 */
export const escapeHtml = (text: unknown): string =>
  String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
