/**
 * How the residents' endpoints (messages, opinions, bookings) answer: JSON to the site's script, which
 * says `Accept: application/json`, or an HTML page for a form posted without JavaScript; never cached or
 * indexed; readable cross-origin by the static site only.
 */
import type { PayloadRequest } from 'payload'

import { siteUrl } from '../site-url.ts'

export const noStore = { 'cache-control': 'no-store', 'x-robots-tag': 'noindex' }

export const wantsJson = (req: PayloadRequest) =>
  (req.headers.get('accept') ?? '').includes('application/json')

/** The site (another origin) may read the JSON answers; nothing else may. */
export function corsHeaders(req: PayloadRequest): Record<string, string> {
  const origin = req.headers.get('origin')
  const allowed = [new URL(siteUrl()).origin, ...(process.env.MESSAGE_ALLOWED_ORIGINS ?? '').split(',')]
    .map((o) => o.trim())
    .filter(Boolean)
  return origin && allowed.includes(origin)
    ? { 'access-control-allow-origin': origin, vary: 'Origin' }
    : { vary: 'Origin' }
}

/** `json` for the script, else the page `html()` makes (only then is it made). */
export async function answer(
  req: PayloadRequest,
  status: number,
  json: Record<string, unknown>,
  html: () => Promise<string> | string,
  extra: Record<string, string> = {},
): Promise<Response> {
  const headers = { ...corsHeaders(req), ...noStore, ...extra }
  if (wantsJson(req)) return Response.json(json, { status, headers })
  return new Response(await html(), {
    status,
    headers: { ...headers, 'content-type': 'text/html; charset=utf-8' },
  })
}
