/** How the activity pages word times and places left (pure; shared by the components and the feeds). */
import type { ActivityItem } from './activity-schema.ts'
import { beijingClock, chineseDate, chineseWeekday } from '../../vocabulary/dates.ts'

/** 2026年12月6日 星期日 09:00–11:30 */
export const activityWhen = (a: Pick<ActivityItem, 'startsAt' | 'endsAt'>) =>
  `${chineseDate(a.startsAt)} ${activityHours(a)}`

/** 星期日 09:00–11:30: what follows the date (pages put the date alone in <time>). */
export const activityHours = (a: Pick<ActivityItem, 'startsAt' | 'endsAt'>) =>
  `${chineseWeekday(a.startsAt)} ${beijingClock(a.startsAt)}–${beijingClock(a.endsAt)}`

/** What a visitor reads about booking at build time. */
export function placesText(a: ActivityItem): string {
  if (!a.bookable) return a.past ? '' : '无需预约，欢迎直接到场'
  if (a.past) return ''
  switch (a.bookingState) {
    case 'open':
      return `可预约，剩余名额 ${a.placesLeft} 个（共 ${a.capacity} 个）`
    case 'full':
      return `名额已约满（共 ${a.capacity} 个），可直接到场，现场同样接待`
    case 'closed':
      return '网上预约已截止，可直接到场'
    default:
      return '无需预约，欢迎直接到场'
  }
}
