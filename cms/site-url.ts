/**
 * The public address of the static site (SITE_URL), without a trailing slash: where the CMS's own pages
 * (answers to the message form, previews, refusals) link back to, and the origin its CORS answers allow.
 */
export const siteUrl = (): string => (process.env.SITE_URL ?? 'http://127.0.0.1:4321').replace(/\/+$/, '')
