import rss from '@astrojs/rss'
import type { APIContext } from 'astro'

import { getConsultations, getSite } from '../../lib/content.ts'

/** /consultations/rss.xml: the consultations open at build time (and those about to open). */
export async function GET(context: APIContext) {
  const [site, all] = await Promise.all([getSite(), getConsultations()])
  return rss({
    title: `${site.siteName} 正在征集意见`,
    description: '法规草案、政策和民生实事项目正在征求群众意见',
    site: context.site!,
    customData: '<language>zh-cn</language>',
    items: all
      .filter((c) => c.status === 'open' || c.status === 'upcoming')
      .map((c) => ({
        title: c.title,
        link: `/consultations/${c.slug}/`,
        pubDate: new Date(c.opensAt),
        description: `${c.summary}（${c.askedBy}，截止时间 ${c.closesAt.slice(0, 10)}）`,
        categories: [c.kindLabel],
      })),
  })
}
