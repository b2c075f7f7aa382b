import './DeputyCard.css'

import type { DeputyItem } from '../lib/schemas.ts'
import { Img } from './Img.tsx'
import { SampleBadge } from './SampleBadge.tsx'

/** A deputy in a list (the directory, a station's page): photo, name, level, station, communities. */
export function DeputyCard({ deputy: d }: { deputy: DeputyItem }) {
  return (
    <li className="deputy" data-slug={d.slug}>
      {d.photo && <Img picture={d.photo} className="photo" decorative sizes="5rem" />}
      <div>
        <h3>
          <a href={`/deputies/${d.slug}/`}>{d.name}</a> {d.isSample && <SampleBadge />}
        </h3>
        <p className="meta">
          {d.levelLabel} · {d.occupation}
        </p>
        {d.station && <p className="meta">{d.station.name}</p>}
        {d.communities.length > 0 && <p className="meta">联系社区：{d.communities.join('、')}</p>}
      </div>
    </li>
  )
}
