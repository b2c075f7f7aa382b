/**
 * What the public site may know about opinions: how many each published consultation received, and,
 * once its feedback is published, per article the counts and the anonymised opinions with their
 * outcomes and reasons. The site's loader calls this (and only this); it reads the staff-only
 * collection itself with a field whitelist, so names, phones, streets of single opinions, original
 * texts and receipt codes never reach the build.
 */
import type { Payload } from 'payload'

import { OPINION_OUTCOMES, STREETS, labelOf } from '../../vocabulary/options.ts'
import { GENERAL_LABEL, GENERAL_REF } from '../../vocabulary/consultations/validate.ts'

export interface FeedbackItem {
  /** Opaque, stable id for anchors (never the receipt code). */
  id: string
  summary: string
  outcome: string
  outcomeLabel: string
  reason: string
  isSample: boolean
}

export interface ArticleFeedback {
  ref: string
  label: string
  received: number
  adopted: number
  partly: number
  items: FeedbackItem[]
}

export interface ConsultationFeedback {
  received: number
  adopted: number
  partly: number
  rejected: number
  referred: number
  articles: ArticleFeedback[]
  /** Opinions per street of those who named one (no street: 未填写). */
  byStreet: { key: string; label: string; received: number; adopted: number }[]
}

export interface ConsultationOpinions {
  /** Opinions received per consultation id (merged duplicates counted once). */
  received: Record<string, number>
  /** Per consultation id, only for consultations whose published version has 公开反馈. */
  feedback: Record<string, ConsultationFeedback>
}

export async function publicConsultationOpinions(payload: Payload): Promise<ConsultationOpinions> {
  const { docs: consultations } = await payload.find({
    collection: 'consultations',
    overrideAccess: false,
    user: null,
    depth: 0,
    limit: 0,
    pagination: false,
    select: { parts: true, feedbackPublished: true },
  })
  const received: Record<string, number> = {}
  const feedback: Record<string, ConsultationFeedback> = {}
  if (!consultations.length) return { received, feedback }
  const { docs: opinions } = await payload.find({
    collection: 'opinions',
    where: { consultation: { in: consultations.map((c) => c.id) } },
    overrideAccess: true,
    depth: 0,
    limit: 0,
    pagination: false,
    sort: 'receivedAt',
    select: {
      consultation: true,
      articleRef: true,
      articleLabel: true,
      outcome: true,
      reason: true,
      publicSummary: true,
      mergedInto: true,
      street: true,
      isSample: true,
    },
  })
  for (const c of consultations) {
    const own = opinions.filter(
      (o) =>
        (typeof o.consultation === 'object' ? o.consultation?.id : o.consultation) === c.id && !o.mergedInto,
    )
    received[String(c.id)] = own.length
    if (!c.feedbackPublished) continue
    const articles = new Map<string, ArticleFeedback>()
    const article = (ref: string, label: string) => {
      if (!articles.has(ref)) articles.set(ref, { ref, label, received: 0, adopted: 0, partly: 0, items: [] })
      return articles.get(ref)!
    }
    article(GENERAL_REF, GENERAL_LABEL)
    for (const p of c.parts ?? []) if (p.kind === 'article') article(p.ref, p.label ?? '')
    const streets = new Map<string, { key: string; label: string; received: number; adopted: number }>()
    const totals = { adopted: 0, partly: 0, rejected: 0, referred: 0 }
    for (const o of own) {
      const a = article(o.articleRef || GENERAL_REF, o.articleLabel || GENERAL_LABEL)
      a.received++
      const adopted = o.outcome === 'adopted' || o.outcome === 'partly'
      if (o.outcome === 'adopted') a.adopted++
      if (o.outcome === 'partly') a.partly++
      if (o.outcome in totals) totals[o.outcome as keyof typeof totals]++
      const key = o.street ?? 'none'
      const s = streets.get(key) ?? {
        key,
        label: o.street ? labelOf(STREETS, o.street) : '未填写',
        received: 0,
        adopted: 0,
      }
      s.received++
      if (adopted) s.adopted++
      streets.set(key, s)
      if (o.outcome === 'pending') continue
      a.items.push({
        id: `op-${o.id}`,
        summary: o.publicSummary ?? '',
        outcome: o.outcome,
        outcomeLabel: labelOf(OPINION_OUTCOMES, o.outcome),
        reason: o.reason ?? '',
        isSample: Boolean(o.isSample),
      })
    }
    feedback[String(c.id)] = {
      received: own.length,
      ...totals,
      articles: [...articles.values()],
      byStreet: [...streets.values()].sort((x, y) => y.received - x.received),
    }
  }
  return { received, feedback }
}
