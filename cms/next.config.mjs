import { withPayload } from '@payloadcms/next/withPayload'

/** @type {import('next').NextConfig} */
const nextConfig = {
  // `npm run lint` type-checks the whole project; skipping it here keeps admin builds short.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  // The admin is served on 127.0.0.1 behind whatever proxy production uses.
  images: { unoptimized: true },
  // Loaded at run time from node_modules rather than bundled (the deputy importer reads Excel files).
  serverExternalPackages: ['exceljs'],
  // The CMS has no public pages of its own: its root leads editors to the admin.
  async redirects() {
    return [{ source: '/', destination: '/admin', permanent: false }]
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
