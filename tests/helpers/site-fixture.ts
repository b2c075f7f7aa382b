/**
 * Run as a script (tsx) by the global test setup: seeds a throwaway CMS from content/, adds canaries
 * that must never reach the site, and writes what was published (by slug) to `<dataDir>/published.json`.
 * Env: DATABASE_URI, DATA_DIR, PAYLOAD_SECRET.
 */
import fs from 'node:fs'
import path from 'node:path'

import type { RequiredDataFromCollectionSlug } from 'payload'

import { openPayload } from '../../cms/local.ts'
import { seed } from '../../cms/seed/index.ts'
import { toLexical } from '../../cms/seed/lexical.ts'
import { CANARIES, PUBLIC_MESSAGE_SUMMARY, PUBLIC_OPINION_SUMMARY } from './canaries.ts'

const payload = await openPayload()
await seed(payload)

// A draft that was never published.
await payload.create({
  collection: 'news',
  data: {
    title: CANARIES.draftTitle,
    category: 'notice',
    summary: CANARIES.draftTitle,
    body: toLexical([CANARIES.draftBody]),
    publishedAt: '2026-11-01',
    _status: 'draft',
  },
  draft: true,
})
// A published case with a newer, unpublished draft.
const { docs } = await payload.find({ collection: 'cases', limit: 1, sort: 'publishedAt' })
await payload.update({
  collection: 'cases',
  id: docs[0].id,
  data: { title: CANARIES.pendingTitle, result: CANARIES.pendingTitle },
  draft: true,
})
// An account: never part of the site.
await payload.create({
  collection: 'users',
  data: { email: CANARIES.userEmail, password: 'canary-password-1', name: CANARIES.userName, role: 'editor' },
})
// A draft lecture with its own picture: the picture must not be copied into the build.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)
const image = await payload.create({
  collection: 'media',
  data: { alt: CANARIES.mediaAlt },
  file: { data: png, mimetype: 'image/png', name: `${CANARIES.mediaFile}.png`, size: png.length },
})
await payload.create({
  collection: 'lectures',
  data: {
    title: `${CANARIES.draftTitle}-讲座`,
    speaker: '无名',
    topic: '草稿',
    cover: image.id,
    publishedAt: '2026-11-02',
    _status: 'draft',
  },
  draft: true,
})

// Residents' messages: one closed but not publishable, one publishable; private fields are canaries.
const message: Omit<RequiredDataFromCollectionSlug<'messages'>, 'phone' | 'status'> = {
  category: 'environment',
  street: 'kuishan',
  name: CANARIES.messageName,
  body: CANARIES.messageBody,
  notes: CANARIES.messageNotes,
  grade: 'normal',
  receivedAt: '2026-11-01T08:00:00.000Z',
  replies: [{ date: '2026-11-05', by: '测试站点', text: '路灯已经修好。' }],
  rating: 'satisfied',
}
await payload.create({
  collection: 'messages',
  data: {
    ...message,
    code: CANARIES.messageCode,
    phone: '13512340001',
    status: 'closed',
    publicSummary: CANARIES.messageSummary,
  },
})
await payload.create({
  collection: 'messages',
  data: {
    ...message,
    phone: '13512340002',
    status: 'closed',
    publishable: true,
    publicSummary: PUBLIC_MESSAGE_SUMMARY,
  },
})
// Opinions (意见征集): on the open consultation, one with every private field a canary and an outcome
// whose feedback is not published; on the answered one, a decided opinion with a canary name and phone.
const consultation = async (slug: string) =>
  (await payload.find({ collection: 'consultations', where: { slug: { equals: slug } }, limit: 1 })).docs[0]
const openOne = await consultation('ebike-charging-regulation-draft')
const answered = await consultation('livelihood-projects-2027')
// The open one carries its draft as a PDF: it is copied into the build and linked for download.
const pdf = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\nxref\n0 1\n0000000000 65535 f \ntrailer<</Root 1 0 R>>\nstartxref\n9\n%%EOF\n',
  'latin1',
)
const draftPdf = await payload.create({
  collection: 'media',
  data: { alt: '条例草案文本' },
  file: { data: pdf, mimetype: 'application/pdf', name: 'ebike-draft.pdf', size: pdf.length },
})
await payload.update({ collection: 'consultations', id: openOne.id, data: { attachment: draftPdf.id } })
await payload.create({
  collection: 'opinions',
  data: {
    code: CANARIES.opinionCode,
    consultation: openOne.id,
    articleRef: 'art-3',
    articleLabel: '第三条',
    body: CANARIES.opinionBody,
    name: CANARIES.opinionName,
    phone: '13512340011',
    street: 'kuishan',
    outcome: 'adopted',
    reason: CANARIES.opinionReason,
    publicSummary: CANARIES.opinionSummary,
  },
})
await payload.create({
  collection: 'opinions',
  data: {
    consultation: answered.id,
    articleRef: 'art-3',
    articleLabel: '第三条',
    body: `${CANARIES.opinionName}：停车项目请优先利用边角空地，电话 13512340012`,
    name: CANARIES.opinionName,
    phone: '13512340012',
    street: 'hubin',
    outcome: 'partly',
    reason: '已在停车治理项目中增加边角空地的利用。',
    publicSummary: PUBLIC_OPINION_SUMMARY,
  },
})
// Bookings (活动预约): one with canary name, issue and code on an upcoming reception, and a draft activity.
const reception = (
  await payload.find({
    collection: 'activities',
    where: { slug: { equals: 'kuishan-reception-winter' } },
    limit: 1,
  })
).docs[0]
await payload.create({
  collection: 'bookings',
  data: {
    code: CANARIES.bookingCode,
    activity: reception.id,
    name: CANARIES.bookingName,
    phone: '13512340021',
    issue: CANARIES.bookingIssue,
    status: 'booked',
  },
})
await payload.create({
  collection: 'activities',
  draft: true,
  data: {
    title: CANARIES.activityDraftTitle,
    kind: 'reception',
    startsAt: new Date(Date.now() + 8 * 86_400_000).toISOString(),
    endsAt: new Date(Date.now() + 8 * 86_400_000 + 3_600_000).toISOString(),
    station: typeof reception.station === 'object' ? reception.station.id : reception.station,
    description: CANARIES.activityDraftTitle,
    _status: 'draft',
  },
})
const phones = [
  ...(await payload.find({ collection: 'messages', limit: 0, pagination: false, depth: 0 })).docs.map(
    (m) => m.phone,
  ),
  ...(await payload.find({ collection: 'opinions', limit: 0, pagination: false, depth: 0 })).docs
    .map((o) => o.phone)
    .filter((p): p is string => Boolean(p)),
  ...(await payload.find({ collection: 'bookings', limit: 0, pagination: false, depth: 0 })).docs.map(
    (b) => b.phone,
  ),
]
fs.writeFileSync(path.join(process.env.DATA_DIR!, 'message-phones.json'), JSON.stringify(phones))

const published: Record<string, string[]> = {}
for (const collection of ['news', 'lectures', 'cases', 'deputies', 'stations'] as const) {
  const { docs } = await payload.find({ collection, overrideAccess: false, user: null, limit: 0, depth: 0 })
  published[collection] = docs.map((d) => d.slug!).sort()
}
fs.writeFileSync(path.join(process.env.DATA_DIR!, 'published.json'), JSON.stringify(published, null, 2))
await payload.destroy()
process.exit(0)
