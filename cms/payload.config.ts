import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { lexicalEditor } from '@payloadcms/richtext-lexical'
import { zh } from '@payloadcms/translations/languages/zh'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { Cases } from './collections/Cases.ts'
import { Deputies } from './collections/Deputies.ts'
import { Lectures } from './collections/Lectures.ts'
import { Media, MAX_VIDEO_BYTES } from './collections/Media.ts'
import { MessagePhotos } from './collections/MessagePhotos.ts'
import { Messages } from './collections/Messages/index.ts'
import { Consultations } from './collections/Consultations/index.ts'
import { Opinions } from './collections/Opinions/index.ts'
import { Activities } from './collections/Activities/index.ts'
import { ActivityPlaces } from './collections/ActivityPlaces.ts'
import { Bookings } from './collections/Bookings/index.ts'
import { News } from './collections/News.ts'
import { Stations } from './collections/Stations.ts'
import { Users } from './collections/Users.ts'
import { AuditLog } from './collections/AuditLog.ts'
import { auditLog } from './audit/plugin.ts'
import { isAdmin, isStaffRequest } from './access/index.ts'
import { Leases } from './collections/Leases.ts'
import { RateSlots } from './collections/RateSlots.ts'
import { RebuildRequests } from './collections/RebuildRequests.ts'
import { SiteBuildRecords } from './collections/SiteBuildRecords.ts'
import { databaseAdapter } from './db.ts'
import { sweepOrphanPhotos } from './messages/orphans.ts'
import { consultationClockTask } from './consultations/clock.ts'
import { logEmail } from './email.ts'
import { adminVocabulary } from './i18n/vocabulary.ts'
import {
  LIVE_PREVIEW_COLLECTIONS,
  livePreviewEndpoint,
  livePreviewPreflight,
} from './endpoints/livePreview.ts'
import { previewEndpoint } from './endpoints/preview.ts'
import { siteBuildsEndpoint } from './endpoints/siteBuilds.ts'
import { Site } from './globals/Site.ts'
import { dataDir, ROOT } from './paths.ts'
import { siteUrl } from './site-url.ts'
import { rebuildSite } from './plugins/rebuildSite.ts'
import { reviewWorkflow } from './plugins/reviewWorkflow.ts'
import { staffScopes } from './access/scope.ts'
import { safetyNets } from './redirects/plugin.ts'
import { mediaStoragePlugins } from './uploads/media-storage.ts'

/**
 * The secret signing login tokens: `PAYLOAD_SECRET`, or one generated on first use and kept in
 * data/ (mode 0600). There is no built-in default anywhere.
 */
function payloadSecret(): string {
  if (process.env.PAYLOAD_SECRET) return process.env.PAYLOAD_SECRET
  const file = path.join(dataDir(), '.payload-secret')
  try {
    return fs.readFileSync(file, 'utf8').trim()
  } catch {
    fs.mkdirSync(dataDir(), { recursive: true })
    const secret = crypto.randomBytes(32).toString('hex')
    fs.writeFileSync(file, secret, { mode: 0o600, flag: 'wx' })
    return secret
  }
}

/**
 * The origins the admin runs on. Payload accepts the login cookie only from these (`csrf`): a page on any
 * other origin, the public site's included, that makes the browser send the cookie is treated as anonymous.
 */
function adminOrigins(): string[] {
  const port = process.env.CMS_PORT ?? '3000'
  const origins = [`http://127.0.0.1:${port}`, `http://localhost:${port}`]
  if (process.env.CMS_PUBLIC_URL) origins.push(new URL(process.env.CMS_PUBLIC_URL).origin)
  return origins
}

/** Whether this process runs the jobs queue: a CMS server (scripts/cms-server.ts), not while Next builds. */
const runsJobs = () =>
  process.env.NEXT_PHASE !== 'phase-production-build' && process.env.MINHU_CMS_SERVER === '1'

export default buildConfig({
  secret: payloadSecret(),
  csrf: adminOrigins(),
  serverURL: process.env.CMS_PUBLIC_URL ?? '',
  admin: {
    user: Users.slug,
    // Gravatar would call out to the internet for every editor's picture.
    avatar: 'default',
    importMap: {
      baseDir: path.join(ROOT, 'cms'),
      importMapFile: path.join(ROOT, 'cms', 'app', '(payload)', 'admin', 'importMap.js'),
    },
    meta: { titleSuffix: ' · 民呼我应 内容管理' },
    components: {
      // 工作台 first (what needs the user now, cms/workbench/), the collections below, the build table last.
      beforeDashboard: ['/components/Workbench#Workbench'],
      afterDashboard: ['/components/SiteBuildStatus#SiteBuildStatus'],
    },
    dateFormat: 'yyyy-MM-dd HH:mm',
    // The 实时预览 pane: the site's /preview/ page (another origin) in an iframe, sent the form by
    // postMessage; it reads relationships from /api/live-preview (cms/endpoints/livePreview.ts).
    livePreview: {
      collections: [...LIVE_PREVIEW_COLLECTIONS],
      url: ({ data, collectionConfig }) =>
        `${siteUrl()}/preview/?collection=${collectionConfig?.slug ?? ''}&id=${data?.id ?? ''}`,
      breakpoints: [
        { label: '手机', name: 'phone', width: 375, height: 667 },
        { label: '电脑', name: 'desktop', width: 1280, height: 800 },
      ],
    },
  },
  i18n: {
    // Only Chinese, so an English browser still gets the Chinese admin.
    supportedLanguages: { zh },
    fallbackLanguage: 'zh',
    // Payload's own Chinese, where it is not what editors here should read (cms/i18n/vocabulary.ts).
    translations: { zh: adminVocabulary },
  },
  collections: [
    News,
    Lectures,
    Cases,
    Deputies,
    Stations,
    Messages,
    MessagePhotos,
    Consultations,
    Opinions,
    Activities,
    Bookings,
    Media,
    Users,
    AuditLog,
    // Shared state of the CMS processes and the builder (hidden, no API access).
    RateSlots,
    RebuildRequests,
    SiteBuildRecords,
    Leases,
    ActivityPlaces,
  ],
  globals: [Site],
  plugins: [
    // 按街道分工: editors and reviewers with an area see and edit only its content, messages and bookings.
    staffScopes({
      cases: { street: 'street', station: 'station' },
      deputies: { street: 'street', station: 'station' },
      stations: { street: 'street', station: 'id' },
      activities: { station: 'station' },
      messages: { street: 'street', station: 'station' },
      bookings: { station: 'activity.station' },
    }),
    // 先审后发: editors submit drafts, reviewers approve (publish) or return them (cms/review/).
    reviewWorkflow({
      collections: ['news', 'lectures', 'cases', 'deputies', 'stations', 'consultations', 'activities'],
    }),
    // 回收站 and 重定向 on the content collections, and the `redirects` collection (cms/redirects/).
    safetyNets({
      collections: ['news', 'lectures', 'cases', 'deputies', 'stations', 'consultations', 'activities'],
    }),
    // What the static site is built from: changes to these ask for a rebuild (messages decide for
    // themselves, see the plugin).
    rebuildSite({
      collections: [
        'news',
        'lectures',
        'cases',
        'deputies',
        'stations',
        'media',
        'consultations',
        'activities',
        'redirects',
      ],
      globals: ['site'],
    }),
    // 操作日志: every change, login and export across the collections and globals (cms/audit/).
    auditLog(),
    // The media library on S3-compatible object storage when MEDIA_S3_BUCKET is set; the data folder otherwise.
    ...mediaStoragePlugins(),
  ],
  endpoints: [
    { path: '/site-builds', method: 'get', handler: siteBuildsEndpoint },
    { path: '/preview', method: 'get', handler: previewEndpoint },
    // The Live Preview pane's data (`:id` left out for a document not saved yet); the preflight of the
    // site's cross-origin POST is answered here too (Payload's own OPTIONS answer has no CORS headers).
    ...['/live-preview/:collection', '/live-preview/:collection/:id'].flatMap((path) => [
      { path, method: 'post' as const, handler: livePreviewEndpoint },
      {
        path,
        method: 'options' as const,
        handler: (req: { headers: Headers }) => livePreviewPreflight(req.headers.get('origin')),
      },
    ]),
    // @payloadcms/next adds an anonymous Open Graph image renderer at /api/og unless one exists; nothing
    // here uses it, and rendering images on demand for anyone is work an attacker can order in bulk.
    { path: '/og', method: 'get', handler: () => Response.json({ message: 'Not found' }, { status: 404 }) },
  ],
  jobs: {
    // Scheduled publishing: the CMS server checks for due jobs every minute. Only CMS server processes
    // have that timer: not `next build`, the builder, the seed, a CLI (backup) or a test's Local API.
    // The timer also queues the scheduled tasks below whatever `shouldAutoRun` says, so without it every
    // Local API process would write a job into the database at each full minute.
    autoRun: () => (runsJobs() ? [{ cron: '* * * * *', limit: 20, queue: 'default' }] : []),
    // 意见征集 opening and closing at their times: a rebuild once at each (cms/consultations/clock.ts).
    tasks: [consultationClockTask],
    shouldAutoRun: runsJobs,
    access: { run: ({ req }) => isStaffRequest(req), queue: ({ req }) => isStaffRequest(req) },
    jobsCollectionOverrides: ({ defaultJobsCollection }) => ({
      ...defaultJobsCollection,
      access: { read: isAdmin, create: isAdmin, update: isAdmin, delete: isAdmin },
    }),
  },
  // The CMS server (scripts/cms-server.ts) cleans up after a process that died mid-submission.
  onInit: async (payload) => {
    if (process.env.MINHU_CMS_SERVER !== '1') return
    await sweepOrphanPhotos(payload, new Date(Date.now() - process.uptime() * 1000))
  },
  editor: lexicalEditor(),
  email: logEmail,
  db: databaseAdapter(),
  sharp,
  upload: { limits: { fileSize: MAX_VIDEO_BYTES } },
  // Nothing uses GraphQL (the site reads through the Local API, the admin through REST), and its nested
  // relationship queries let one anonymous request cost gigabytes (docs/decisions.md): switched off.
  graphQL: { disable: true },
  // REST `depth` is also bounded per request by cms/security/query.ts (anonymous 2, staff 5).
  maxDepth: 5,
  telemetry: false,
  typescript: { outputFile: path.join(ROOT, 'cms', 'payload-types.ts') },
})
