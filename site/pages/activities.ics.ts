import type { APIContext } from 'astro'

import { activityCalendar, calendarHeaders } from '../lib/activity-calendar.ts'
import { getActivities, getSite } from '../lib/content.ts'

/** /activities.ics: every published activity as an iCalendar feed. */
export async function GET(context: APIContext) {
  const [site, items] = await Promise.all([getSite(), getActivities()])
  const body = activityCalendar({ name: `${site.siteName} 活动与接待日`, site: String(context.site), items })
  return new Response(body, { headers: calendarHeaders })
}
