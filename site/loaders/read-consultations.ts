/**
 * Reads the published 意见征集 for the site as an anonymous visitor (`overrideAccess: false`, no user),
 * and the opinion figures and published feedback through the CMS's whitelist
 * (cms/consultations/public.ts): never an opinion document itself. Turns them into the shapes of
 * site/lib/consultation-schema.ts. The status and days left are those of the build's moment; the CMS's
 * opening/closing job asks for a rebuild at each opening and closing time.
 */
import type { Payload } from 'payload'

import { CONSULTATION_KINDS, CONSULTATION_STATUSES, labelOf } from '../../vocabulary/options.ts'
import { consultationStatus, daysLeft } from '../../vocabulary/consultations/status.ts'
import type { Consultation, Media, Station } from '../../cms/index.ts'
import type { ConsultationItem } from '../lib/consultation-schema.ts'

const text = (value: unknown): string => (typeof value === 'string' ? value : '')
const pdfOf = (m: Consultation['attachment']) =>
  typeof m === 'object' && m && (m as Media).mimeType === 'application/pdf' && m.filename
    ? { src: `/media/${m.filename}`, bytes: m.filesize ?? 0 }
    : null

/** The media files the consultation pages link to (their PDFs), for the build's media copy. */
export const consultationFiles = (items: ConsultationItem[]): string[] =>
  items.flatMap((c) => (c.attachment ? [c.attachment.src.replace(/^\/media\//, '')] : []))

export async function readConsultations(payload: Payload, now = Date.now()): Promise<ConsultationItem[]> {
  const cms = await import('../../cms/index.ts')
  const { docs } = await payload.find({
    collection: 'consultations',
    overrideAccess: false,
    user: null,
    depth: 1,
    limit: 0,
    pagination: false,
    sort: '-opensAt',
  })
  const opinions = await cms.publicConsultationOpinions(payload)
  return (docs as Consultation[]).map((c): ConsultationItem => {
    const status = consultationStatus(c, now)
    const feedback = c.feedbackPublished ? (opinions.feedback[String(c.id)] ?? null) : null
    return {
      slug: c.slug!,
      title: c.title,
      kind: c.kind,
      kindLabel: labelOf(CONSULTATION_KINDS, c.kind),
      askedBy: c.askedBy,
      summary: text(c.summary),
      opensAt: c.opensAt,
      closesAt: c.closesAt,
      status,
      statusLabel: labelOf(CONSULTATION_STATUSES, status),
      daysLeft: daysLeft(c.closesAt, now),
      parts: (c.parts ?? []).map((p) => ({
        kind: p.kind,
        ref: p.ref,
        label: text(p.label),
        heading: text(p.heading),
        text: text(p.text),
      })),
      stations: (c.stations ?? [])
        .filter((s): s is Station => typeof s === 'object' && s !== null && Boolean(s.slug))
        .map((s) => ({ slug: s.slug!, name: s.name, address: s.address, hours: s.hours })),
      offlineNote: text(c.offlineNote),
      attachment: pdfOf(c.attachment),
      received: opinions.received[String(c.id)] ?? 0,
      feedbackPublishedAt: feedback ? (c.feedbackPublishedAt ?? null) : null,
      feedbackReport: feedback ? text(c.feedbackReport) : '',
      feedback,
      isSample: Boolean(c.isSample),
      updatedAt: c.updatedAt,
    }
  })
}
