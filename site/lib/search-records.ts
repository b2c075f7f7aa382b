/**
 * What the search index holds for each page: its main text only (no navigation, header or footer),
 * built from the same data the page is built from. Pure; used by the CMS loader at build time.
 */
import type { CmsSnapshot } from './schemas.ts'
import { isoDay } from './format.ts'
import { deputyTitle } from '../../vocabulary/deputy-name.ts'

/** The 类型 filter values, as shown to visitors. */
export type SearchType = '新闻' | '微讲堂' | '案例' | '代表' | '实践站' | '意见征集' | '活动'
export const SEARCH_TYPES: SearchType[] = ['新闻', '案例', '代表', '实践站', '微讲堂', '意见征集', '活动']

export interface SearchRecord {
  url: string
  title: string
  type: SearchType
  /** Plain text of the main content, title first. */
  text: string
  /** yyyy-mm-dd, for dated pages. */
  date?: string
  /** A small picture for the result list. */
  image?: string
}

const join = (...parts: (string | undefined | null | false)[]) => parts.filter(Boolean).join('\n')

export function searchRecords(data: CmsSnapshot): SearchRecord[] {
  return [
    ...data.news.map((n) => ({
      url: `/news/${n.slug}/`,
      title: n.title,
      type: '新闻' as const,
      text: join(n.title, n.summary, n.bodyText, n.source),
      date: isoDay(n.publishedAt),
      image: n.cover?.src,
    })),
    ...data.cases.map((c) => ({
      url: `/cases/${c.slug}/`,
      title: c.title,
      type: '案例' as const,
      text: join(
        c.title,
        `${c.categoryLabel} ${c.streetLabel} ${c.community}`,
        c.summary,
        c.request,
        c.action,
        c.result,
        ...c.timeline.map((t) => `${t.title} ${t.description}`),
        c.deputies.map((d) => d.name).join(' '),
      ),
      date: isoDay(c.publishedAt),
      image: c.cover?.src,
    })),
    // Two deputies may share a name (the seed has two 张伟): the title says 姓名（街道 · 层级）, and the text
    // starts with the name and the profile's own sentences, so the excerpt under a result reads as the
    // profile. The facts and the pinyin (for searches like "zhangwei") come after it.
    ...data.deputies.map((d) => ({
      url: `/deputies/${d.slug}/`,
      title: deputyTitle(d.name, d.streetLabel, d.levelLabel),
      type: '代表' as const,
      text: join(
        `${deputyTitle(d.name, d.streetLabel, d.levelLabel)}。`,
        d.identity,
        d.duties,
        d.commitments,
        d.occupation,
        d.fields.map((f) => f.label).join(' '),
        `${d.term} ${d.station?.name ?? ''} ${d.communities.join(' ')}`,
        `${d.pinyin} ${d.pinyin.replace(/ /g, '')}`,
      ),
      image: d.photo?.src,
    })),
    ...data.stations.map((s) => ({
      url: `/stations/${s.slug}/`,
      title: s.name,
      type: '实践站' as const,
      text: join(s.name, `${s.typeLabel} ${s.streetLabel} ${s.brand}`, s.address, s.hours, s.descriptionText),
      image: s.photos[0]?.src,
    })),
    ...data.lectures.map((l) => ({
      url: `/lectures/${l.slug}/`,
      title: l.title,
      type: '微讲堂' as const,
      text: join(l.title, `${l.speaker} ${l.topic}`, l.summary, l.transcriptText),
      date: isoDay(l.publishedAt),
      image: l.cover?.src,
    })),
    ...(data.consultations ?? []).map((c) => ({
      url: `/consultations/${c.slug}/`,
      title: c.title,
      type: '意见征集' as const,
      text: join(
        c.title,
        `${c.kindLabel} ${c.askedBy} ${c.statusLabel}`,
        c.summary,
        ...c.parts.map((p) => [p.label, p.heading, p.text].filter(Boolean).join(' ')),
        c.feedbackReport,
      ),
      date: isoDay(c.opensAt),
    })),
    ...(data.activities ?? []).map((a) => ({
      url: `/activities/${a.slug}/`,
      title: a.title,
      type: '活动' as const,
      text: join(
        a.title,
        `${a.kindLabel} ${a.topic} ${a.station?.name ?? ''}`,
        a.deputies.map((d) => d.name).join(' '),
        a.description,
        a.record?.issuesRaised,
        a.record?.agreed,
      ),
      date: isoDay(a.startsAt),
    })),
  ]
}
