/**
 * 代表履职档案 and 履职统计, computed at build time from published content and the CMS's anonymous
 * message figures (vocabulary/duty.ts): what a deputy took part in, per year, and how the messages they
 * handled went. A rate is shown only when its base reaches the site's minimum (履职统计最少件数), with
 * the method beside it, so that one late answer out of two does not read as "50 % late".
 */
import { percent, type MessageFigures, type YearFigures } from '../../vocabulary/duty.ts'
import { beijingDay } from '../../vocabulary/dates.ts'
import type { CaseItem, DeputyItem, LectureEntry, StationItem } from './schemas.ts'

/** What the record counts of a document: when it happened and who or where it involved (slugs, codes). */
export interface DutyEvent {
  /** An ISO date or time. */
  date: string
  deputies: readonly string[]
  stations: readonly string[]
  streets: readonly string[]
}

/** An activity as the record needs it (site/loaders/read-activities.ts gives more). */
export interface DutyActivity {
  startsAt: string
  deputies: readonly { slug: string }[]
  station: { slug: string } | null
}

/** Everything the figures are computed from, gathered once per build. */
export interface DutyData {
  activities: DutyEvent[]
  cases: DutyEvent[]
  lectures: DutyEvent[]
  /** 征求意见座谈: a consultation's offline meetings, at its stations. */
  consultations: DutyEvent[]
  /** The CMS's message figures (Results.duty). */
  messages: Record<string, YearFigures[]>
}

export function dutyData(input: {
  activities: readonly DutyActivity[]
  cases: readonly CaseItem[]
  lectures: readonly LectureEntry[]
  consultations: readonly { opensAt: string; stations: readonly { slug: string }[] }[]
  deputies: readonly DeputyItem[]
  stations: readonly StationItem[]
  messages: Record<string, YearFigures[]> | undefined
}): DutyData {
  const streetOfStation = new Map(input.stations.map((s) => [s.slug, s.street]))
  const streetOfDeputy = new Map(input.deputies.map((d) => [d.slug, d.street]))
  const event = (
    date: string,
    deputies: string[],
    stations: string[],
    streets: string[] = [],
  ): DutyEvent => ({
    date,
    deputies,
    stations,
    streets: [
      ...new Set([
        ...streets,
        ...stations.flatMap((s) => streetOfStation.get(s) ?? []),
        ...(stations.length ? [] : deputies.flatMap((d) => streetOfDeputy.get(d) ?? [])),
      ]),
    ],
  })
  return {
    activities: input.activities.map((a) =>
      event(
        a.startsAt,
        a.deputies.map((d) => d.slug),
        a.station ? [a.station.slug] : [],
      ),
    ),
    cases: input.cases.map((c) =>
      event(
        c.publishedAt,
        c.deputies.map((d) => d.slug),
        c.station ? [c.station.slug] : [],
        [c.street],
      ),
    ),
    lectures: input.lectures.map((l) =>
      event(
        l.publishedAt,
        l.deputies.map((d) => d.slug),
        [],
      ),
    ),
    consultations: input.consultations
      .filter((c) => c.stations.length)
      .map((c) =>
        event(
          c.opensAt,
          [],
          c.stations.map((s) => s.slug),
        ),
      ),
    messages: input.messages ?? {},
  }
}

/** Who the figures are about: a deputy (and their station, for its 座谈), a station or a street. */
export type DutySubject =
  { deputy: string; station: string | null } | { station: string } | { street: string } | { all: true }

/** The record of one subject: the all-years row first, then a row per year (newest first). */
export function dutyRowsOf(data: DutyData, subject: DutySubject): DutyRow[] {
  let involves: (e: DutyEvent, kind: keyof Omit<DutyData, 'messages'>) => boolean
  let key: string
  if ('deputy' in subject) {
    const { deputy, station } = subject
    involves = (e, kind) =>
      kind === 'consultations'
        ? station !== null && e.stations.includes(station)
        : e.deputies.includes(deputy)
    key = `deputy:${deputy}`
  } else if ('station' in subject) {
    involves = (e) => e.stations.includes(subject.station)
    key = `station:${subject.station}`
  } else if ('street' in subject) {
    involves = (e) => e.streets.includes(subject.street)
    key = `street:${subject.street}`
  } else {
    involves = () => true
    key = 'all'
  }
  return dutyRows({
    activities: data.activities.filter((e) => involves(e, 'activities')),
    cases: data.cases.filter((e) => involves(e, 'cases')),
    lectures: data.lectures.filter((e) => involves(e, 'lectures')),
    consultations: data.consultations.filter((e) => involves(e, 'consultations')),
    messages: data.messages[key],
  })
}

export interface DutyRow {
  /** null for all years together. */
  year: number | null
  activities: number
  cases: number
  lectures: number
  /** 征求意见座谈 at the deputy's station. */
  consultations: number
  messages: MessageFigures
}

const yearOf = (iso: string) => Number(beijingDay(iso).slice(0, 4))

const EMPTY: MessageFigures = { handled: 0, closed: 0, onTime: 0, medianDays: null, rated: 0, satisfied: 0 }

/** One row per year in which anything happened (newest first), the all-years row first. */
export function dutyRows(input: {
  activities: readonly DutyEvent[]
  cases: readonly DutyEvent[]
  lectures: readonly DutyEvent[]
  consultations: readonly DutyEvent[]
  messages: readonly YearFigures[] | undefined
}): DutyRow[] {
  const kinds = ['activities', 'cases', 'lectures', 'consultations'] as const
  const years = new Set<number>()
  for (const kind of kinds) for (const e of input[kind]) years.add(yearOf(e.date))
  for (const m of input.messages ?? []) if (m.year !== null) years.add(m.year)
  const row = (year: number | null): DutyRow => {
    const count = (kind: (typeof kinds)[number]) =>
      input[kind].filter((e) => year === null || yearOf(e.date) === year).length
    return {
      year,
      activities: count('activities'),
      cases: count('cases'),
      lectures: count('lectures'),
      consultations: count('consultations'),
      messages: input.messages?.find((m) => m.year === year) ?? EMPTY,
    }
  }
  return [row(null), ...[...years].sort((a, b) => b - a).map(row)]
}

/** A rate, or why it is not shown. */
export function rate(part: number, whole: number, minimum: number): { shown: boolean; text: string } {
  if (whole < minimum) return { shown: false, text: whole ? `不足 ${minimum} 件` : '—' }
  return { shown: true, text: percent(part, whole) }
}

/** The rates of one row's messages, each against the base the method names. */
export function messageRates(m: MessageFigures, minimum: number) {
  return {
    onTime: rate(m.onTime, m.closed, minimum),
    satisfied: rate(m.satisfied, m.rated, minimum),
    medianDays:
      m.closed >= minimum && m.medianDays !== null
        ? { shown: true, text: `${m.medianDays} 天` }
        : { shown: false, text: m.closed ? `不足 ${minimum} 件` : '—' },
  }
}

/** The method, stated beside the figures (the same words on the deputy page and on /deputies/duty/). */
export const dutyMethod = (minimum: number) =>
  [
    '来信按受理日期计入年度，只计承办代表（或承办站点）为本人（本站）的来信，不含待核实的来信。',
    '按期办结率 = 在办理期限内办结的件数 ÷ 已办结件数；办结用时取中位数（一半来信快于它，一半慢于它），从受理到办结按天计。',
    '满意率 = 评价“满意”或“基本满意”的件数 ÷ 作出评价的件数，群众不评价的不计入。',
    `比例和用时的计算基数不足 ${minimum} 件时不显示：件数太少，一两件来信就会让比例大起大落。`,
    '活动、案例、微讲堂按发生或发布日期计入年度；征求意见座谈指代表所在实践站组织的线下座谈。',
  ] as const
