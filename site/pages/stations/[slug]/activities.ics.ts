import type { APIContext } from 'astro'

import { activityCalendar, calendarHeaders } from '../../../lib/activity-calendar.ts'
import { getActivities, getStations } from '../../../lib/content.ts'

/** /stations/<slug>/activities.ics: one station's activities as an iCalendar feed. */
export async function getStaticPaths() {
  const [stations, activities] = await Promise.all([getStations(), getActivities()])
  return stations.map((s) => ({
    params: { slug: s.slug },
    props: { name: s.name, items: activities.filter((a) => a.station?.slug === s.slug) },
  }))
}

export function GET(context: APIContext) {
  const { name, items } = context.props as Awaited<ReturnType<typeof getStaticPaths>>[number]['props']
  const body = activityCalendar({ name: `${name} 活动与接待日`, site: String(context.site), items })
  return new Response(body, { headers: calendarHeaders })
}
