import { getCollection, getEntry } from 'astro:content'

import type { COLLECTION_SCHEMAS } from './schemas.ts'
import type { z } from 'astro/zod'

/** The data of each content collection, as its schema (site/lib/schemas.ts) says. */
type EntryData = { [C in keyof typeof COLLECTION_SCHEMAS]: z.infer<(typeof COLLECTION_SCHEMAS)[C]> }
type ListCollection = 'news' | 'lectures' | 'cases' | 'deputies' | 'stations' | 'consultations' | 'activities'

/** Typed access to the content collections: the loader stored entries its schemas validated. */
async function all<C extends ListCollection>(name: C): Promise<EntryData[C][]> {
  const entries: { data: EntryData[C] }[] = await getCollection(name)
  return entries.map((entry) => entry.data)
}

async function single<C extends 'site' | 'results'>(name: C): Promise<EntryData[C]> {
  const entry: { data: EntryData[C] } | undefined = await getEntry(name, name)
  if (!entry) throw new Error(`content: the "${name}" entry is missing (the CMS loader did not store it)`)
  return entry.data
}

export const getResults = () => single('results')
export const getSite = () => single('site')

const byDateDesc = <T extends { publishedAt: string }>(items: T[]) =>
  items.sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))

export const getNews = async () => byDateDesc(await all('news'))
export const getLectures = async () => byDateDesc(await all('lectures'))
export const getCases = async () => byDateDesc(await all('cases'))
export const getDeputies = async () =>
  (await all('deputies')).sort((a, b) => a.pinyin.localeCompare(b.pinyin))
export const getStations = async () =>
  (await all('stations')).sort(
    (a, b) => typeOrder(a.type) - typeOrder(b.type) || a.name.localeCompare(b.name, 'zh-CN'),
  )

const typeOrder = (type: string) => ['center', 'station', 'home'].indexOf(type)

/** 意见征集: open ones first (closing soonest first), then upcoming, then closed ones (latest first). */
export const getConsultations = async () =>
  (await all('consultations')).sort(
    (a, b) =>
      consultationOrder(a.status) - consultationOrder(b.status) ||
      (a.status === 'open' ? a.closesAt.localeCompare(b.closesAt) : b.closesAt.localeCompare(a.closesAt)),
  )
const consultationOrder = (status: string) => ['open', 'upcoming', 'answered', 'closed'].indexOf(status)

/** 活动 / 接待日 in time order (the earliest first). */
export const getActivities = async () =>
  (await all('activities')).sort((a, b) => a.startsAt.localeCompare(b.startsAt))
