import './NewsArticle.css'

import { formatDate, isoDay } from '../../lib/format.ts'
import type { NewsEntry, NewsItem } from '../../lib/schemas.ts'
import { Img } from '../Img.tsx'

/** A news item or notice: heading, meta line, lead, cover and the body from the rich-text editor. */
export function NewsArticle({ item }: { item: NewsEntry & Pick<NewsItem, 'bodyHtml'> }) {
  return (
    <article className="article news-article">
      <header>
        <h1>{item.title}</h1>
        <p className="meta">
          <span>
            发布日期：<time dateTime={isoDay(item.publishedAt)}>{formatDate(item.publishedAt)}</time>
          </span>{' '}
          {item.source && <span>来源：{item.source}</span>} {item.author && <span>作者：{item.author}</span>}{' '}
          <span>
            栏目：<span>{item.categoryLabel}</span>
          </span>
        </p>
      </header>
      {item.summary && <p className="lead">{item.summary}</p>}
      {item.cover && (
        <figure className="cover">
          <Img picture={item.cover} eager sizes="(max-width: 48rem) 100vw, 46rem" />
        </figure>
      )}
      <div className="prose" dangerouslySetInnerHTML={{ __html: item.bodyHtml }} />
    </article>
  )
}
