import './LectureArticle.css'

import { Fragment } from 'react'

import { formatDate, formatDuration, isoDay } from '../../lib/format.ts'
import type { LectureEntry, LectureItem } from '../../lib/schemas.ts'

/** A 人大微讲堂 lecture: meta line, the video (or a note that there is none), the deputies, the transcript. */
export function LectureArticle({ item }: { item: LectureEntry & Pick<LectureItem, 'transcriptHtml'> }) {
  const videoSrc = item.video?.src ?? item.videoUrl
  return (
    <article className="lecture">
      <h1>{item.title}</h1>
      <p className="meta">
        主讲：<span>{item.speaker}</span> · 主题：{item.topic}
        {item.durationSeconds ? ` · 时长 ${formatDuration(item.durationSeconds)}` : ''} · 发布：
        <time dateTime={isoDay(item.publishedAt)}>{formatDate(item.publishedAt)}</time>
      </p>
      {videoSrc ? (
        <figure className="player">
          <video controls preload="metadata" playsInline poster={item.cover?.src} width="1280" height="720">
            <source src={videoSrc} type={item.video?.type} />
            <p>
              您的浏览器无法播放此视频，可以<a href={videoSrc}>下载视频</a>观看，或阅读下方文字稿。
            </p>
          </video>
          <figcaption>视频为演示片段；完整内容见下方文字稿。</figcaption>
        </figure>
      ) : (
        <p className="panel">本讲暂无视频，请阅读下方文字稿。</p>
      )}
      {item.summary && <p className="lead">{item.summary}</p>}
      {item.deputies.length > 0 && (
        <p>
          参与代表：{' '}
          {item.deputies.map((d, i) => (
            <Fragment key={d.slug}>
              {i > 0 && '、'}
              <a href={`/deputies/${d.slug}/`}>{d.name}</a>
            </Fragment>
          ))}
        </p>
      )}
      <section aria-labelledby="transcript">
        <h2 id="transcript">文字稿</h2>
        <div className="prose" dangerouslySetInnerHTML={{ __html: item.transcriptHtml }} />
      </section>
    </article>
  )
}
