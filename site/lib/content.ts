import { getCollection, getEntry } from 'astro:content'

import type { MessageResults } from '../../cms/index.ts'
import type { CaseItem, DeputyItem, LectureItem, NewsItem, SiteInfo, StationItem } from './types.ts'

/** Typed access to the content collections (the loader already shaped the data). */
const all = async <T>(name: 'news' | 'lectures' | 'cases' | 'deputies' | 'stations'): Promise<T[]> =>
  (await getCollection(name)).map((entry: { data: unknown }) => entry.data as T)

export const getResults = async (): Promise<MessageResults> =>
  (await getEntry('results', 'results'))!.data as MessageResults

export const getSite = async (): Promise<SiteInfo> => (await getEntry('site', 'site'))!.data as SiteInfo

const byDateDesc = <T extends { publishedAt: string }>(items: T[]) =>
  items.sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))

export const getNews = async () => byDateDesc(await all<NewsItem>('news'))
export const getLectures = async () => byDateDesc(await all<LectureItem>('lectures'))
export const getCases = async () => byDateDesc(await all<CaseItem>('cases'))
export const getDeputies = async () =>
  (await all<DeputyItem>('deputies')).sort((a, b) => a.pinyin.localeCompare(b.pinyin))
export const getStations = async () =>
  (await all<StationItem>('stations')).sort(
    (a, b) => typeOrder(a.type) - typeOrder(b.type) || a.name.localeCompare(b.name, 'zh-CN'),
  )

const typeOrder = (type: string) => ['center', 'station', 'home'].indexOf(type)
