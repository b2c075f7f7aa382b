/**
 * The filters of /activities/ as pre-built pages (`/activities/kind/<kind>/`, `/activities/station/<slug>/`,
 * `/activities/deputy/<slug>/`): plain links, so filtering needs no JavaScript. Only values that have
 * activities get a page.
 */
import type { ActivityItem } from './activity-schema.ts'
import { ACTIVITY_KINDS } from '../../vocabulary/options.ts'

export interface ActivityFilter {
  by: 'kind' | 'station' | 'deputy'
  value: string
  label: string
  href: string
}

export function activityFilters(all: ActivityItem[]) {
  const kinds: ActivityFilter[] = ACTIVITY_KINDS.filter((k) => all.some((a) => a.kind === k.value)).map(
    (k) => ({ by: 'kind', value: k.value, label: k.label, href: `/activities/kind/${k.value}/` }),
  )
  const stations = new Map<string, ActivityFilter>()
  const deputies = new Map<string, ActivityFilter>()
  for (const a of all) {
    if (a.station)
      stations.set(a.station.slug, {
        by: 'station',
        value: a.station.slug,
        label: a.station.name,
        href: `/activities/station/${a.station.slug}/`,
      })
    for (const d of a.deputies)
      deputies.set(d.slug, {
        by: 'deputy',
        value: d.slug,
        label: d.name,
        href: `/activities/deputy/${d.slug}/`,
      })
  }
  const byLabel = (x: ActivityFilter, y: ActivityFilter) => x.label.localeCompare(y.label, 'zh-CN')
  return {
    kinds,
    stations: [...stations.values()].sort(byLabel),
    deputies: [...deputies.values()].sort(byLabel),
  }
}

/** Whether an activity passes a filter. */
export const matches = (a: ActivityItem, f: ActivityFilter): boolean =>
  f.by === 'kind'
    ? a.kind === f.value
    : f.by === 'station'
      ? a.station?.slug === f.value
      : a.deputies.some((d) => d.slug === f.value)
