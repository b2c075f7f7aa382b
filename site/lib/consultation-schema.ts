/**
 * The shape of a 意见征集 on the site (issue 17): its draft part by part, the offline ways to take part,
 * how many opinions came, and once published the feedback (per article counts and the anonymised
 * opinions with their outcomes and reasons). Made by site/loaders/read-consultations.ts from published
 * documents and the CMS's whitelisted opinion figures; no name, phone or receipt code is in it.
 */
import { z } from 'astro/zod'

const tally = z.object({ key: z.string(), label: z.string(), received: z.number(), adopted: z.number() })

export const consultationSchema = z.object({
  slug: z.string(),
  title: z.string(),
  kind: z.string(),
  kindLabel: z.string(),
  askedBy: z.string(),
  summary: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  /** At build time: upcoming, open, closed, answered. */
  status: z.string(),
  statusLabel: z.string(),
  /** Whole days left at build time (0 once closed). */
  daysLeft: z.number(),
  parts: z.array(
    z.object({
      kind: z.enum(['preamble', 'chapter', 'section', 'article']),
      ref: z.string(),
      label: z.string(),
      heading: z.string(),
      text: z.string(),
    }),
  ),
  stations: z.array(z.object({ slug: z.string(), name: z.string(), address: z.string(), hours: z.string() })),
  offlineNote: z.string(),
  /** The draft as a PDF copied into the build (dist/media/), if the body that asks published one. */
  attachment: z.object({ src: z.string(), bytes: z.number() }).nullable(),
  /** Opinions received (merged duplicates counted once). */
  received: z.number(),
  feedbackPublishedAt: z.string().nullable(),
  feedbackReport: z.string(),
  feedback: z
    .object({
      received: z.number(),
      adopted: z.number(),
      partly: z.number(),
      rejected: z.number(),
      referred: z.number(),
      articles: z.array(
        z.object({
          ref: z.string(),
          label: z.string(),
          received: z.number(),
          adopted: z.number(),
          partly: z.number(),
          items: z.array(
            z.object({
              id: z.string(),
              summary: z.string(),
              outcome: z.string(),
              outcomeLabel: z.string(),
              reason: z.string(),
              isSample: z.boolean(),
            }),
          ),
        }),
      ),
      byStreet: z.array(tally),
    })
    .nullable(),
  isSample: z.boolean(),
  updatedAt: z.string(),
})

export type ConsultationItem = z.infer<typeof consultationSchema>
