/**
 * The activities as an iCalendar feed (RFC 5545), made with ical-generator (docs/decisions.md), for
 * residents to subscribe to in their phone's calendar. Times are written in UTC (`…Z`), converted from
 * the stored instants, so every calendar shows them right in Asia/Shanghai (or wherever the phone is);
 * X-WR-TIMEZONE tells calendars that honour it to show the feed in Beijing time.
 */
import ical, { ICalEventStatus } from 'ical-generator'

import type { ActivityItem } from './activity-schema.ts'
import { placesText } from './activity-text.ts'

export function activityCalendar(options: { name: string; site: string; items: ActivityItem[] }): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: 'minhu-woying', product: 'activities', language: 'ZH' },
    x: [['X-WR-TIMEZONE', 'Asia/Shanghai']],
    ttl: 60 * 60 * 6,
  })
  const origin = options.site.replace(/\/$/, '')
  for (const a of options.items) {
    const url = `${origin}/activities/${a.slug}/`
    const deputies = a.deputies.map((d) => d.name).join('、')
    calendar.createEvent({
      id: `${a.slug}@minhu-woying`,
      start: new Date(a.startsAt),
      end: new Date(a.endsAt),
      summary: a.title,
      description: [
        `${a.kindLabel}${a.topic ? `：${a.topic}` : ''}`,
        deputies ? `参加的代表：${deputies}` : '',
        a.description,
        placesText(a),
        url,
      ]
        .filter(Boolean)
        .join('\n'),
      location: a.station ? `${a.station.name}（${a.station.address}）` : undefined,
      url,
      status: ICalEventStatus.CONFIRMED,
      categories: [{ name: a.kindLabel }],
      stamp: new Date(a.updatedAt),
      lastModified: new Date(a.updatedAt),
    })
  }
  return calendar.toString()
}

export const calendarHeaders = { 'content-type': 'text/calendar; charset=utf-8' }
