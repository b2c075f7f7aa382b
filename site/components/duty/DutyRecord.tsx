import { dutyMethod, type DutyRow } from '../../lib/duty.ts'
import { DutyMethod, DutyTable } from './DutyTable.tsx'

interface Props {
  name: string
  /** The all-years row first, then one per year (site/lib/duty.ts dutyRows). */
  rows: DutyRow[]
  minimum: number
}

/** 代表履职档案 on a deputy's page: per year, with the method, and a note where figures are too few. */
export function DutyRecord({ name, rows, minimum }: Props) {
  const [total] = rows
  const nothing =
    total.activities + total.cases + total.lectures + total.consultations + total.messages.handled === 0
  return (
    <section aria-labelledby="duty-title" className="duty-record">
      <h2 id="duty-title">履职档案</h2>
      {nothing ? (
        <p>还没有{name}代表参加活动、承办来信的记录。</p>
      ) : (
        <>
          <DutyTable
            labelledBy="duty-title"
            caption={`${name}代表历年履职情况`}
            firstHeading="年度"
            minimum={minimum}
            rows={rows.map((row) => ({ head: row.year === null ? '合计' : `${row.year}年`, row }))}
          />
          {total.messages.closed < minimum && (
            <p className="duty-note">
              {`数据不足：已办结的承办来信不足 ${minimum} 件，暂不计算按期办结率、办结用时和满意率。`}
            </p>
          )}
        </>
      )}
      <DutyMethod lines={dutyMethod(minimum)} />
      <p>
        <a href="/deputies/duty/">各街道、各实践站的履职统计</a>
      </p>
    </section>
  )
}
