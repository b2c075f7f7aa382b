import './DeputyProfile.css'

import { Fragment } from 'react'

import { paragraphs } from '../../../vocabulary/text.ts'
import type { DeputyItem, StationItem } from '../../lib/schemas.ts'
import { Img } from '../Img.tsx'
import { LinkSection } from '../LinkSection.tsx'
import { SampleBadge } from '../SampleBadge.tsx'

interface Link {
  href: string
  label: string
}

interface Props {
  deputy: DeputyItem
  /** The deputy's station, with its address and hours. */
  station: StationItem | null
  /** Case stories and lectures the deputy took part in (from those documents; empty in a preview). */
  cases: Link[]
  lectures: Link[]
}

/** A deputy's page: photo and facts, 亮身份 / 亮职责 / 亮承诺, related pages, and how to reach them. */
export function DeputyProfile({ deputy: d, station, cases, lectures }: Props) {
  const sections = [
    { id: 'identity', label: '亮身份', text: d.identity },
    { id: 'duties', label: '亮职责', text: d.duties },
    { id: 'commitments', label: '亮承诺', text: d.commitments },
  ].filter((s) => s.text)
  const facts: [string, string][] = [
    ['层级', d.levelLabel],
    ['届别', d.term],
    ['选区', d.constituency],
    ['街道', d.streetLabel],
    ['联系社区', d.communities.join('、')],
    ['职业', d.occupation],
    ['专业领域', d.fields.map((f) => f.label).join('、')],
  ]
  return (
    <article className="profile">
      <header className="head">
        {d.photo && <Img picture={d.photo} className="portrait" eager sizes="10rem" />}
        <div>
          <div className="title-row">
            <h1>{d.name}</h1>
            {d.isSample && <SampleBadge />}
          </div>
          <p className="pinyin muted" lang="zh-Latn-pinyin">
            {d.pinyin}
          </p>
          <dl className="facts">
            {facts
              .filter(([label, value]) => value || label === '层级' || label === '街道')
              .map(([label, value]) => (
                <Fragment key={label}>
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </Fragment>
              ))}
          </dl>
        </div>
      </header>

      <div className="two-col">
        <div>
          {sections.map((s) => (
            <section aria-labelledby={s.id} className="pledge" key={s.id}>
              <h2 id={s.id}>{s.label}</h2>
              {paragraphs(s.text).map((p, i) => (
                <p key={i}>{p}</p>
              ))}
            </section>
          ))}
          <LinkSection id="cases" title="参与办理的民生案例" links={cases} />
          <LinkSection id="lectures" title="主讲或参与的微讲堂" links={lectures} />
        </div>
        <aside className="panel contact" aria-labelledby="contact">
          <h2 id="contact">联系这位代表</h2>
          {d.receptionTimes && (
            <p>
              <strong>接待时间：</strong> {d.receptionTimes}
            </p>
          )}
          {station ? (
            <>
              <p>
                <strong>所在实践站：</strong> <a href={`/stations/${station.slug}/`}>{station.name}</a>
              </p>
              <p>
                <strong>地址：</strong> {station.address}
              </p>
              <p>
                <strong>开放时间：</strong> {station.hours}
              </p>
              {station.phone && (
                <p>
                  <strong>站点电话：</strong> <a href={`tel:${station.phone}`}>{station.phone}</a>
                </p>
              )}
            </>
          ) : (
            <p>请联系所在街道的实践站。</p>
          )}
          <p>
            <a className="button" href={`/contact/?to=deputy:${d.slug}`}>
              写信给{d.name}代表
            </a>
          </p>
          <p className="muted small">
            代表不公开个人电话。可以在网上写信，凭跟踪码查询办理进度；也可以到实践站当面反映，或拨打站点电话留言，工作人员会转交代表。
          </p>
        </aside>
      </div>
    </article>
  )
}
