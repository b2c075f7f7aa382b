/**
 * The data of 代表履职档案 and 履职统计, gathered once per build from the content collections (a deputy
 * page per deputy would otherwise regroup every document 300 times over) and the site's minimum.
 */
import {
  getActivities,
  getCases,
  getConsultations,
  getDeputies,
  getLectures,
  getResults,
  getSite,
  getStations,
} from './content.ts'
import { dutyData, type DutyData } from './duty.ts'

let loaded: Promise<{ data: DutyData; minimum: number }> | undefined

export function loadDutyData(): Promise<{ data: DutyData; minimum: number }> {
  loaded ??= (async () => {
    const [activities, cases, lectures, consultations, deputies, stations, results, site] = await Promise.all(
      [
        getActivities(),
        getCases(),
        getLectures(),
        getConsultations(),
        getDeputies(),
        getStations(),
        getResults(),
        getSite(),
      ],
    )
    return {
      data: dutyData({
        // Taken part in: activities that have happened, not those still to come.
        activities: activities.filter((a) => a.past),
        cases,
        lectures,
        consultations,
        deputies,
        stations,
        messages: results.duty,
      }),
      minimum: site.dutyMinimum,
    }
  })()
  return loaded
}
