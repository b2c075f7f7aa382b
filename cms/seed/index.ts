import fs from 'node:fs'
import path from 'node:path'

import type { CollectionSlug, Payload, RequiredDataFromCollectionSlug } from 'payload'

import * as content from '../../content/index.ts'
import type { SeedImage } from '../../content/types.ts'
import { renderSeedImage } from './images.ts'
import { toLexical } from './lexical.ts'
import { ROOT } from '../paths.ts'

/** A short silent clip (made with ffmpeg, committed) that stands in for lecture recordings. */
const SAMPLE_VIDEO = path.join(ROOT, 'content', 'media', 'lecture-sample.webm')

export interface SeedReport {
  created: Record<string, number>
  unchanged: Record<string, number>
  /** True when this run wrote nothing (everything was already there). */
  nothingToDo: boolean
}

export interface SeedOptions {
  /** One line per step; defaults to silence. */
  log?: (line: string) => void
  /** The content to load; defaults to `content/`. Tests pass smaller sets. */
  data?: typeof content
}

type Slugged = 'news' | 'lectures' | 'cases' | 'deputies' | 'stations'

/**
 * Fills an empty CMS with the content in `content/`, and on later runs adds only what is missing:
 * documents are matched by slug (media by file name) and never overwritten, so editors' changes
 * survive a re-seed. Writes run with `context.seed` so side effects (site rebuilds) can skip them.
 */
export async function seed(payload: Payload, options: SeedOptions = {}): Promise<SeedReport> {
  const log = options.log ?? (() => {})
  const data = options.data ?? content
  const created: Record<string, number> = {}
  const unchanged: Record<string, number> = {}
  // A fresh object for every call: Payload hands it on as req.context, and plugins keep per-request state
  // in it (the S3 adapter keeps the file being uploaded), which one shared object would carry over.
  const seedContext = () => ({ seed: true })
  const bump = (table: Record<string, number>, key: string) => (table[key] = (table[key] ?? 0) + 1)

  const idBySlug = async (collection: Slugged, slug: string): Promise<number | string | undefined> => {
    const { docs } = await payload.find({
      collection,
      where: { slug: { equals: slug } },
      limit: 1,
      depth: 0,
      draft: true,
      overrideAccess: true,
      select: {},
    })
    return docs[0]?.id
  }

  const mediaIdByFilename = async (filename: string): Promise<number | string | undefined> => {
    const { docs } = await payload.find({
      collection: 'media',
      where: { filename: { equals: filename } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
    return docs[0]?.id
  }

  const mediaIds = new Map<string, number | string>()
  const image = async (img: SeedImage | undefined): Promise<number | string | undefined> => {
    if (!img) return undefined
    const cached = mediaIds.get(img.key)
    if (cached !== undefined) return cached
    const filename = `${img.key}.jpg`
    let id = await mediaIdByFilename(filename)
    if (id === undefined) {
      const buffer = await renderSeedImage(img)
      const doc = await payload.create({
        collection: 'media',
        data: { alt: img.alt },
        file: { data: buffer, mimetype: 'image/jpeg', name: filename, size: buffer.length },
        overrideAccess: true,
        context: seedContext(),
      })
      id = doc.id
      bump(created, 'media')
    } else {
      bump(unchanged, 'media')
    }
    mediaIds.set(img.key, id)
    return id
  }
  const images = async (list: SeedImage[]) => {
    const ids: (number | string)[] = []
    for (const img of list) {
      const id = await image(img)
      if (id !== undefined) ids.push(id)
    }
    return ids
  }

  /** Creates each item whose slug is not in the collection yet. */
  async function upsertMissing<C extends Slugged, T extends { slug: string }>(
    collection: C,
    items: T[],
    toData: (item: T) => Promise<RequiredDataFromCollectionSlug<C>>,
    published: boolean,
  ) {
    let done = 0
    for (const item of items) {
      if ((await idBySlug(collection, item.slug)) !== undefined) {
        bump(unchanged, collection)
      } else {
        const doc = { ...(await toData(item)), ...(published ? { _status: 'published' as const } : {}) }
        await payload.create({
          collection: collection as CollectionSlug,
          data: doc as never,
          overrideAccess: true,
          context: seedContext(),
        })
        bump(created, collection)
      }
      done++
    }
    log(
      `seed: ${collection}: ${created[collection] ?? 0} created, ${unchanged[collection] ?? 0} already there (${done} in content/)`,
    )
  }

  const site = await payload.findGlobal({ slug: 'site', overrideAccess: true, depth: 0 })
  if (site.siteName) {
    bump(unchanged, 'site')
  } else {
    const s = data.site
    await payload.updateGlobal({
      slug: 'site',
      data: {
        siteName: s.siteName,
        tagline: s.tagline,
        organizer: s.organizer,
        contactEmail: s.contactEmail,
        icp: s.icp,
        publicSecurityFiling: s.publicSecurityFiling,
        siteCode: s.siteCode,
        links: s.links,
        quickNav: s.quickNav,
        about: toLexical(s.about) as never,
        platforms: s.platforms,
        stats: s.stats,
      },
      overrideAccess: true,
      context: seedContext(),
    })
    bump(created, 'site')
  }
  log(`seed: site settings ${created.site ? 'written' : 'already there'}`)

  await upsertMissing(
    'stations',
    data.stations,
    async (s) => ({
      name: s.name,
      slug: s.slug,
      type: s.type,
      street: s.street,
      brand: s.brand,
      address: s.address,
      hours: s.hours,
      phone: s.phone,
      description: toLexical(s.description) as never,
      photos: (await images(s.photos)) as number[],
      isSample: true,
    }),
    true,
  )

  const station = async (slug: string) => {
    const id = await idBySlug('stations', slug)
    if (id === undefined) throw new Error(`seed: unknown station "${slug}" referenced in content/`)
    return id as number
  }

  await upsertMissing(
    'deputies',
    data.deputies,
    async (d) => ({
      name: d.name,
      slug: d.slug,
      gender: d.gender,
      level: d.level,
      term: d.term,
      constituency: d.constituency,
      street: d.street,
      communities: d.communities,
      station: await station(d.station),
      occupation: d.occupation,
      fields: d.fields,
      identity: d.identity,
      duties: d.duties,
      commitments: d.commitments,
      receptionTimes: d.receptionTimes,
      photo: (await image({
        key: `deputy-${d.slug}`,
        alt: `${d.name}代表的示意头像（示例人物）`,
        motif: 'portrait',
      })) as number,
      isSample: true,
    }),
    true,
  )

  const deputyIds = async (slugs: string[], where: string): Promise<number[]> => {
    const ids: number[] = []
    for (const slug of slugs) {
      const id = await idBySlug('deputies', slug)
      if (id === undefined) throw new Error(`seed: ${where} names unknown deputy "${slug}"`)
      ids.push(id as number)
    }
    return ids
  }

  await upsertMissing(
    'cases',
    data.cases,
    async (c) => {
      const deputies = await deputyIds(c.deputies, `case "${c.slug}"`)
      return {
        title: c.title,
        slug: c.slug,
        category: c.category,
        street: c.street,
        community: c.community,
        summary: c.summary,
        cover: (await image(c.cover ?? c.photosAfter[0])) as number,
        request: c.request,
        action: c.action,
        result: c.result,
        timeline: c.timeline,
        photosBefore: (await images(c.photosBefore)) as number[],
        photosAfter: (await images(c.photosAfter)) as number[],
        deputies,
        station: await station(c.station),
        publishedAt: c.publishedAt,
      }
    },
    true,
  )

  await upsertMissing(
    'news',
    data.news,
    async (n) => ({
      title: n.title,
      slug: n.slug,
      category: n.category,
      summary: n.summary,
      cover: (await image(n.cover)) as number | undefined,
      body: toLexical(n.body) as never,
      source: n.source,
      author: n.author,
      publishedAt: n.publishedAt,
    }),
    true,
  )

  const sampleVideo = async (): Promise<number | string> => {
    const filename = path.basename(SAMPLE_VIDEO)
    const existing = await mediaIdByFilename(filename)
    if (existing !== undefined) return existing
    const data = fs.readFileSync(SAMPLE_VIDEO)
    const doc = await payload.create({
      collection: 'media',
      data: { alt: '人大微讲堂示例视频：红金渐变画面，无讲解内容（演示用）' },
      file: { data, mimetype: 'video/webm', name: filename, size: data.length },
      overrideAccess: true,
      context: seedContext(),
    })
    bump(created, 'media')
    return doc.id
  }

  await upsertMissing(
    'lectures',
    data.lectures,
    async (l) => ({
      title: l.title,
      slug: l.slug,
      speaker: l.speaker,
      topic: l.topic,
      series: l.series ?? '人大微讲堂',
      summary: l.summary,
      cover: (await image(l.cover)) as number | undefined,
      durationSeconds: l.durationSeconds,
      video: (await sampleVideo()) as number,
      transcript: toLexical(l.transcript) as never,
      deputies: await deputyIds(l.deputies ?? [], `lecture "${l.slug}"`),
      publishedAt: l.publishedAt,
    }),
    true,
  )

  // Sample messages (民呼我应), matched by their fixed tracking code; fictional, marked as samples.
  for (const m of data.messages ?? []) {
    const { totalDocs } = await payload.count({
      collection: 'messages',
      where: { code: { equals: m.code } },
      overrideAccess: true,
    })
    if (totalDocs > 0) {
      bump(unchanged, 'messages')
      continue
    }
    const steps = m.steps ?? []
    await payload.create({
      collection: 'messages',
      data: {
        code: m.code,
        category: m.category,
        street: m.street,
        community: m.community,
        body: m.body,
        name: m.name,
        phone: m.phone,
        receivedAt: m.receivedAt,
        consentAt: m.receivedAt,
        channel: m.channel ?? 'web',
        grade: m.grade,
        status: m.status,
        timeline: [{ date: m.receivedAt, status: 'received' }, ...steps],
        closedAt: steps.find((s) => s.status === 'closed')?.date,
        replies: m.replies,
        rating: m.rating,
        ratedAt: m.rating ? steps.at(-1)?.date : undefined,
        publicSummary: m.publicSummary,
        publishable: m.publishable ?? false,
        station: m.station ? await station(m.station) : undefined,
        deputy: m.deputy ? (await deputyIds([m.deputy], `message "${m.code}"`))[0] : undefined,
        isSample: true,
      },
      overrideAccess: true,
      context: seedContext(),
    })
    bump(created, 'messages')
  }
  log(
    `seed: messages: ${created.messages ?? 0} created, ${unchanged.messages ?? 0} already there (${data.messages?.length ?? 0} in content/)`,
  )

  // Sample consultations (意见征集), matched by slug, dated relative to today so the open one is open.
  const DAY = 86_400_000
  const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString()
  for (const c of data.consultations ?? []) {
    const { totalDocs } = await payload.count({
      collection: 'consultations',
      where: { slug: { equals: c.slug } },
      overrideAccess: true,
    })
    if (totalDocs > 0) {
      bump(unchanged, 'consultations')
      continue
    }
    await payload.create({
      collection: 'consultations',
      data: {
        slug: c.slug,
        title: c.title,
        kind: c.kind,
        askedBy: c.askedBy,
        summary: c.summary,
        draftText: c.draftText,
        opensAt: inDays(c.opensInDays),
        closesAt: inDays(c.closesInDays),
        stations: await Promise.all(c.stations.map(station)),
        offlineNote: c.offlineNote,
        feedbackReport: c.feedbackReport,
        feedbackPublished: Boolean(c.feedbackReport),
        isSample: true,
        _status: 'published',
      },
      overrideAccess: true,
      context: seedContext(),
    })
    bump(created, 'consultations')
  }
  for (const o of data.opinions ?? []) {
    const { totalDocs } = await payload.count({
      collection: 'opinions',
      where: { code: { equals: o.code } },
      overrideAccess: true,
    })
    if (totalDocs > 0) {
      bump(unchanged, 'opinions')
      continue
    }
    const { docs } = await payload.find({
      collection: 'consultations',
      where: { slug: { equals: o.consultation } },
      overrideAccess: true,
      depth: 0,
      limit: 1,
    })
    const consultation = docs[0]
    if (!consultation) throw new Error(`seed: unknown consultation "${o.consultation}" in content/`)
    const part = consultation.parts?.find((p) => p.ref === o.article)
    if (o.article !== 'general' && !part)
      throw new Error(`seed: opinion "${o.code}" refers to "${o.article}", not in "${o.consultation}"`)
    await payload.create({
      collection: 'opinions',
      data: {
        code: o.code,
        consultation: consultation.id,
        articleRef: o.article,
        articleLabel: part?.label ?? '总体意见',
        body: o.body,
        name: o.name,
        phone: o.phone,
        street: o.street,
        receivedAt: inDays(o.receivedInDays),
        outcome: o.outcome,
        reason: o.reason,
        publicSummary: o.publicSummary,
        isSample: true,
      },
      overrideAccess: true,
      context: seedContext(),
    })
    bump(created, 'opinions')
  }
  log(
    `seed: consultations: ${created.consultations ?? 0} created, ${unchanged.consultations ?? 0} already there; opinions: ${created.opinions ?? 0} created, ${unchanged.opinions ?? 0} already there`,
  )

  // Sample activities (活动 / 接待日), matched by slug, on days around today at their Beijing times.
  const beijingAt = (days: number, time: string) => {
    const day = new Date(Date.now() + days * DAY + 8 * 3600_000).toISOString().slice(0, 10)
    return new Date(`${day}T${time}:00+08:00`).toISOString()
  }
  for (const a of data.activities ?? []) {
    const { totalDocs } = await payload.count({
      collection: 'activities',
      where: { slug: { equals: a.slug } },
      overrideAccess: true,
    })
    if (totalDocs > 0) {
      bump(unchanged, 'activities')
      continue
    }
    const startsAt = beijingAt(a.inDays, a.startsAt)
    const start = Date.parse(startsAt)
    const cases: number[] = []
    for (const slug of a.record?.cases ?? []) {
      const id = await idBySlug('cases', slug)
      if (id === undefined) throw new Error(`seed: activity "${a.slug}" names unknown case "${slug}"`)
      cases.push(id as number)
    }
    await payload.create({
      collection: 'activities',
      data: {
        slug: a.slug,
        title: a.title,
        kind: a.kind,
        topic: a.topic,
        startsAt,
        endsAt: new Date(start + a.hours * 3600_000).toISOString(),
        station: await station(a.station),
        deputies: await deputyIds(a.deputies, `activity "${a.slug}"`),
        description: a.description,
        bookable: Boolean(a.capacity),
        capacity: a.capacity,
        bookingClosesAt: a.capacity ? new Date(start - 2 * 3600_000).toISOString() : undefined,
        attendance: a.record?.attendance,
        issuesRaised: a.record?.issuesRaised,
        agreed: a.record?.agreed,
        followUpCases: cases,
        isSample: true,
        _status: 'published',
      },
      overrideAccess: true,
      context: seedContext(),
    })
    bump(created, 'activities')
  }
  log(`seed: activities: ${created.activities ?? 0} created, ${unchanged.activities ?? 0} already there`)

  const nothingToDo = Object.keys(created).length === 0
  log(
    nothingToDo
      ? 'seed: nothing to do, every item in content/ is already in the CMS'
      : `seed: done, created ${Object.entries(created)
          .map(([k, v]) => `${v} ${k}`)
          .join(', ')}`,
  )
  return { created, unchanged, nothingToDo }
}
