import rss from '@astrojs/rss'
import type { APIContext } from 'astro'

import { getNews, getSite } from '../lib/content.ts'

/** /rss.xml: the latest 50 news items and notices. */
export async function GET(context: APIContext) {
  const [site, news] = await Promise.all([getSite(), getNews()])
  return rss({
    title: `${site.siteName} 新闻公告`,
    description: site.tagline || site.siteName,
    site: context.site!,
    customData: '<language>zh-cn</language>',
    items: news.slice(0, 50).map((n) => ({
      title: n.title,
      link: `/news/${n.slug}/`,
      pubDate: new Date(n.publishedAt),
      description: n.summary,
      categories: [n.categoryLabel],
    })),
  })
}
