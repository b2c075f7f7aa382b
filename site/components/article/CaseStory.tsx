import './CaseStory.css'

import { paragraphs } from '../../../vocabulary/text.ts'
import { formatDate, isoDay } from '../../lib/format.ts'
import type { CaseItem } from '../../lib/schemas.ts'
import { Img } from '../Img.tsx'

/**
 * A case story (民生案例): the resident's request → what the deputies did → the result, before and after
 * photos, and beside it the timeline, the deputies taking part and the station.
 */
export function CaseStory({ item }: { item: CaseItem }) {
  const steps = [
    { key: 'request', label: '群众诉求', text: item.request },
    { key: 'action', label: '代表履职', text: item.action },
    { key: 'result', label: '办理结果', text: item.result },
  ]
  return (
    <article className="two-col case-story">
      <div>
        <h1>{item.title}</h1>
        <p className="meta">
          <span className="tag tag-red">{item.categoryLabel}</span>{' '}
          <a href={`/cases/street/${item.street}/`}>{item.streetLabel}</a> · {item.community} · 发布：
          <time dateTime={isoDay(item.publishedAt)}>{formatDate(item.publishedAt)}</time>
        </p>
        {item.summary && <p className="lead">{item.summary}</p>}

        <ol className="steps">
          {steps.map((s, i) => (
            <li className={`step step-${s.key}`} key={s.key}>
              <h2>
                <span className="num" aria-hidden="true">
                  {i + 1}
                </span>{' '}
                {s.label}
              </h2>
              {paragraphs(s.text).map((p, j) => (
                <p key={j}>{p}</p>
              ))}
            </li>
          ))}
        </ol>

        {(item.photosBefore.length > 0 || item.photosAfter.length > 0) && (
          <section aria-labelledby="photos">
            <h2 id="photos">办理前后</h2>
            <div className="compare">
              {item.photosBefore.map((p) => (
                <figure key={`before-${p.src}`}>
                  <Img picture={p} sizes="(max-width: 40rem) 100vw, 22rem" />
                  <figcaption>办理前：{p.caption ?? p.alt}</figcaption>
                </figure>
              ))}
              {item.photosAfter.map((p) => (
                <figure key={`after-${p.src}`}>
                  <Img picture={p} sizes="(max-width: 40rem) 100vw, 22rem" />
                  <figcaption>办理后：{p.caption ?? p.alt}</figcaption>
                </figure>
              ))}
            </div>
          </section>
        )}
      </div>

      <aside className="stack" aria-label="办理信息">
        {item.timeline.length > 0 && (
          <section className="panel" aria-labelledby="timeline">
            <h2 id="timeline">办理进程</h2>
            <ol className="timeline">
              {item.timeline.map((t, i) => (
                <li key={i}>
                  <time dateTime={isoDay(t.date)}>{formatDate(t.date)}</time>
                  <strong>{t.title}</strong>
                  {t.description && <p>{t.description}</p>}
                </li>
              ))}
            </ol>
          </section>
        )}
        {item.deputies.length > 0 && (
          <section className="panel" aria-labelledby="deputies">
            <h2 id="deputies">参与代表</h2>
            <ul>
              {item.deputies.map((d) => (
                <li key={d.slug}>
                  <a href={`/deputies/${d.slug}/`}>{d.name}</a>
                </li>
              ))}
            </ul>
          </section>
        )}
        {item.station && (
          <section className="panel" aria-labelledby="station">
            <h2 id="station">实践站</h2>
            <p>
              <a href={`/stations/${item.station.slug}/`}>{item.station.name}</a>
            </p>
          </section>
        )}
      </aside>
    </article>
  )
}
