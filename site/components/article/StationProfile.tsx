import './StationProfile.css'

import type { CaseItem, DeputyItem, StationItem } from '../../lib/schemas.ts'
import { DeputyCard } from '../DeputyCard.tsx'
import { Img } from '../Img.tsx'
import { LinkSection } from '../LinkSection.tsx'
import { SampleBadge } from '../SampleBadge.tsx'

interface Props {
  station: StationItem
  /** Deputies based at the station and cases handled there (from those documents; empty in a preview). */
  deputies: DeputyItem[]
  cases: Pick<CaseItem, 'slug' | 'title'>[]
}

/** A practice station: type, street and brand, photo and description, visiting information, its deputies. */
export function StationProfile({ station: s, deputies, cases }: Props) {
  return (
    <article className="station">
      <div className="title-row">
        <h1>{s.name}</h1>
        {s.isSample && <SampleBadge />}
      </div>
      <p className="meta">
        <span className="tag">{s.typeLabel}</span> <span>{s.streetLabel}</span>
        {s.brand && (
          <>
            {' '}
            · 一站一品：<strong className="brand">{s.brand}</strong>
          </>
        )}
      </p>
      <div className="two-col">
        <div className="stack">
          {s.photos[0] && <Img picture={s.photos[0]} eager sizes="(max-width: 56rem) 100vw, 46rem" />}
          <div className="prose" dangerouslySetInnerHTML={{ __html: s.descriptionHtml }} />
        </div>
        <aside className="panel visit" aria-labelledby="visit">
          <h2 id="visit">来访信息</h2>
          <dl className="facts">
            <dt>地址</dt>
            <dd>{s.address}</dd>
            <dt>开放时间</dt>
            <dd>{s.hours}</dd>
            {s.phone && (
              <>
                <dt>电话</dt>
                <dd>
                  <a href={`tel:${s.phone}`}>{s.phone}</a>
                </dd>
              </>
            )}
          </dl>
          <p className="write">
            <a className="button" href={`/contact/?to=station:${s.slug}`}>
              写信给{s.name}
            </a>
          </p>
        </aside>
      </div>
      {deputies.length > 0 && (
        <section aria-labelledby="deputies">
          <h2 id="deputies" className="section-heading">
            进站代表（{deputies.length} 位）
          </h2>
          <ul className="grid deputy-list" role="list">
            {deputies.map((d) => (
              <DeputyCard deputy={d} key={d.slug} />
            ))}
          </ul>
        </section>
      )}
      <LinkSection
        id="cases"
        title="在这里办成的事"
        headingClass="section-heading"
        links={cases.map((c) => ({ href: `/cases/${c.slug}/`, label: c.title }))}
      />
    </article>
  )
}
