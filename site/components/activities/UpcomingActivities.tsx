import type { ActivityItem } from '../../lib/activity-schema.ts'
import { activityHours, placesText } from '../../lib/activity-text.ts'
import { chineseDate } from '../../../vocabulary/dates.ts'

interface Props {
  /** The activities of this station or deputy; past ones are left out here. */
  activities: ActivityItem[]
  /** Where the full filtered list is (/activities/station/<slug>/ …). */
  moreHref: string
  /** The iCalendar feed to subscribe to (a station's). */
  calendarHref?: string
  id?: string
}

/**
 * 近期活动 on a station's or a deputy's page: the coming reception days and meetings with time, place
 * and places left at the last build, each linking to its page (where it is booked). Rendered at build
 * time; no script.
 */
export function UpcomingActivities({
  activities,
  moreHref,
  calendarHref,
  id = 'upcoming-activities',
}: Props) {
  const upcoming = activities.filter((a) => !a.past)
  return (
    <section aria-labelledby={id} className="upcoming-activities">
      <h2 id={id} className="section-heading">
        近期活动与接待日
      </h2>
      {upcoming.length ? (
        <ul role="list" className="activity-lines">
          {upcoming.map((a) => (
            <li key={a.slug}>
              <p>
                <span className="tag">{a.kindLabel}</span> <a href={`/activities/${a.slug}/`}>{a.title}</a>
              </p>
              <p className="muted">
                <time dateTime={a.startsAt}>{chineseDate(a.startsAt)}</time> {activityHours(a)}
                {a.station ? ` · ${a.station.name}` : ''}
                {placesText(a) ? ` · ${placesText(a)}` : ''}
              </p>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">近期没有安排活动。</p>
      )}
      <p>
        <a href={moreHref}>查看全部活动和以往的接待记录</a>
        {calendarHref && (
          <>
            {' · '}
            <a href={calendarHref}>加入手机日历（iCalendar）</a>
          </>
        )}
      </p>
    </section>
  )
}
