import { withPayload } from '@payloadcms/next/withPayload'

/** Sent with every CMS response: the admin may be framed only by itself (no clickjacking). */
const SECURITY_HEADERS = [
  { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
  {
    key: 'Content-Security-Policy',
    value: "frame-ancestors 'self'; object-src 'none'; base-uri 'self'; form-action 'self'",
  },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
]
const API_CSP =
  "default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'self'; base-uri 'none'"

/** @type {import('next').NextConfig} */
const nextConfig = {
  // `npm run lint` type-checks the whole project; skipping it here keeps admin builds short.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  // The admin is served on 127.0.0.1 behind whatever proxy production uses.
  images: { unoptimized: true },
  // Loaded at run time from node_modules rather than bundled (the deputy importer reads Excel files).
  serverExternalPackages: ['exceljs'],
  // Payload names its errors by class name (Forbidden, NotFound…) to pick a log level: minified class
  // names would turn every refused request into a 20-line stack trace at ERROR.
  experimental: { serverMinification: false },
  async headers() {
    return [
      { source: '/:path*', headers: SECURITY_HEADERS },
      // API answers are JSON or the small no-JavaScript pages of the message forms and the preview:
      // nothing there may run a script.
      { source: '/api/:path*', headers: [{ key: 'Content-Security-Policy', value: API_CSP }] },
      // Uploaded files are shown, never run, even when someone manages to store HTML.
      {
        source: '/api/:collection(media|message-photos)/file/:path*',
        headers: [{ key: 'Content-Security-Policy', value: "default-src 'none'; sandbox" }],
      },
    ]
  },
  // The CMS has no public pages of its own: its root leads editors to the admin.
  async redirects() {
    return [{ source: '/', destination: '/admin', permanent: false }]
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
