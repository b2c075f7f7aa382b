import { getCollection, getEntry } from 'astro:content'

import { buildContext } from '../build/context.ts'
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

/**
 * Each list is made once per build and shared by every page that asks (a listing page, an archive
 * page, a feed: hundreds of pages each asking for 10,000 news), frozen so no page can reorder it for
 * the others (typed as a plain array for the pages' props; sorting it throws). Outside a build
 * (astro check, dev) once per process.
 */
const lists = new WeakMap<object, Map<string, Promise<unknown[]>>>()
function once<T>(name: string, make: () => Promise<T[]>): () => Promise<T[]> {
  return () => {
    const key = buildContext() ?? lists
    let cache = lists.get(key)
    if (!cache) lists.set(key, (cache = new Map()))
    let list = cache.get(name)
    if (!list) cache.set(name, (list = make().then((items) => Object.freeze(items) as T[])))
    return list as Promise<T[]>
  }
}

const byDateDesc = <T extends { publishedAt: string }>(items: T[]) =>
  items.sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))

export const getNews = once('news', async () => byDateDesc(await all('news')))
export const getLectures = once('lectures', async () => byDateDesc(await all('lectures')))
export const getCases = once('cases', async () => byDateDesc(await all('cases')))
export const getDeputies = once('deputies', async () =>
  (await all('deputies')).sort((a, b) => a.pinyin.localeCompare(b.pinyin)),
)
export const getStations = once('stations', async () =>
  (await all('stations')).sort(
    (a, b) => typeOrder(a.type) - typeOrder(b.type) || a.name.localeCompare(b.name, 'zh-CN'),
  ),
)

const typeOrder = (type: string) => ['center', 'station', 'home'].indexOf(type)

/** 意见征集: open ones first (closing soonest first), then upcoming, then closed ones (latest first). */
export const getConsultations = once('consultations', async () =>
  (await all('consultations')).sort(
    (a, b) =>
      consultationOrder(a.status) - consultationOrder(b.status) ||
      (a.status === 'open' ? a.closesAt.localeCompare(b.closesAt) : b.closesAt.localeCompare(a.closesAt)),
  ),
)
const consultationOrder = (status: string) => ['open', 'upcoming', 'answered', 'closed'].indexOf(status)

/** 活动 / 接待日 in time order (the earliest first). */
export const getActivities = once('activities', async () =>
  (await all('activities')).sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
)
