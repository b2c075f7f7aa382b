/**
 * 长者模式 (关怀版) and the text size, without JavaScript: a header link asks `/prefs/?care=on&back=…`,
 * the server (scripts/lib/site-server.ts in Node, the generated nginx configuration in production)
 * answers with a cookie and a 303 back to the page, and serves `/prefs/care.css` and `/prefs/size.css`
 * from the file the cookie names. The pages stay plain static files, identical for everyone and
 * cacheable; only those two tiny stylesheets depend on the cookie (sent with `no-store`).
 * docs/decisions.md: "长者模式 without JavaScript".
 */

export const CARE_COOKIE = 'minhu_care'
export const SIZE_COOKIE = 'minhu_size'
/** A year: the choice is remembered across visits. */
export const PREFS_MAX_AGE = 365 * 86_400

export type TextSize = 'standard' | 'large' | 'xlarge'
export const TEXT_SIZES: { value: TextSize; label: string }[] = [
  { value: 'standard', label: '标准' },
  { value: 'large', label: '大' },
  { value: 'xlarge', label: '特大' },
]

/** The files behind the two stylesheet addresses, by cookie value; anything else gets the empty one. */
export const PREFS_FILES = {
  care: { on: '/prefs/care-on.css' },
  size: { large: '/prefs/size-large.css', xlarge: '/prefs/size-xlarge.css' },
  none: '/prefs/none.css',
} as const

/**
 * Where `/prefs/` may send the visitor back to: a path on this site only (one leading slash, then the
 * characters the site's URLs use), never `//other.example` or a scheme: no open redirect.
 */
export const BACK_PATTERN = /^\/(?!\/)[A-Za-z0-9/_.~%-]*$/
export const safeBack = (back: string | null | undefined) => (back && BACK_PATTERN.test(back) ? back : '/')

/** The link that switches a preference and returns to `back` (the page's own path). */
export const prefsHref = (query: { care?: 'on' | 'off'; size?: TextSize }, back: string) =>
  `/prefs/?${Object.entries(query)
    .map(([k, v]) => `${k}=${v}`)
    .join('&')}&back=${safeBack(back)}`

const cookie = (name: string, value: string | null) =>
  value === null
    ? `${name}=; Path=/; Max-Age=0; SameSite=Lax`
    : `${name}=${value}; Path=/; Max-Age=${PREFS_MAX_AGE}; SameSite=Lax`

/** The Set-Cookie values for a `/prefs/` query (`care=on|off`, `size=standard|large|xlarge`). */
export function prefsCookies(query: URLSearchParams): string[] {
  const set: string[] = []
  const care = query.get('care')
  if (care === 'on') set.push(cookie(CARE_COOKIE, 'on'))
  else if (care === 'off') set.push(cookie(CARE_COOKIE, null))
  const size = query.get('size')
  if (size === 'large' || size === 'xlarge') set.push(cookie(SIZE_COOKIE, size))
  else if (size === 'standard') set.push(cookie(SIZE_COOKIE, null))
  return set
}

/** The file to serve for `/prefs/care.css` or `/prefs/size.css` given the request's cookies. */
export function prefsFile(which: 'care' | 'size', cookieHeader: string | undefined): string {
  const cookies = new Map(
    (cookieHeader ?? '')
      .split(';')
      .map((part) => part.trim().split('='))
      .filter((kv) => kv.length === 2)
      .map(([k, v]) => [k, v] as [string, string]),
  )
  const files: Record<string, string> = PREFS_FILES[which]
  const value = cookies.get(which === 'care' ? CARE_COOKIE : SIZE_COOKIE)
  return (value && Object.hasOwn(files, value) && files[value]) || PREFS_FILES.none
}
