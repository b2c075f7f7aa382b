import rss from '@astrojs/rss'
import type { APIContext } from 'astro'

import { activityWhen } from '../../lib/activity-text.ts'
import { getActivities, getSite } from '../../lib/content.ts'

/** /activities/rss.xml: every activity, the coming ones first, with time and place. */
export async function GET(context: APIContext) {
  const [site, all] = await Promise.all([getSite(), getActivities()])
  const ordered = [...all.filter((a) => !a.past), ...all.filter((a) => a.past).reverse()]
  return rss({
    title: `${site.siteName} 活动与接待日`,
    description: '代表接待日、议事协商会、视察调研和人大微讲堂活动',
    site: context.site!,
    customData: '<language>zh-cn</language>',
    items: ordered.map((a) => ({
      title: a.title,
      link: `/activities/${a.slug}/`,
      pubDate: new Date(a.startsAt),
      description: `${activityWhen(a)}，${a.station?.name ?? ''}。${a.description}`,
      categories: [a.kindLabel],
    })),
  })
}
