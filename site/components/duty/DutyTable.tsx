import './DutyTable.css'

import { messageRates, type DutyRow } from '../../lib/duty.ts'

interface Props {
  /** The heading the table's scroll region is named by. */
  labelledBy: string
  caption: string
  /** First column: a year (null = 合计) or a name with an optional link. */
  rows: { head: string; href?: string; row: DutyRow }[]
  firstHeading: string
  minimum: number
  /** Columns of things taken part in (a street or station table leaves lectures out, say). */
  counts?: readonly ('activities' | 'cases' | 'lectures' | 'consultations')[]
}

const COUNT_LABELS = {
  activities: '参加活动',
  cases: '民生案例',
  lectures: '微讲堂',
  consultations: '征求意见座谈',
} as const

/**
 * 履职 figures as a table: what was taken part in, and how the handled messages went, each rate shown
 * only from the minimum base (site/lib/duty.ts); scrolls in its own region on a narrow screen.
 */
export function DutyTable({
  labelledBy,
  caption,
  rows,
  firstHeading,
  minimum,
  counts = ['activities', 'cases', 'lectures', 'consultations'],
}: Props) {
  return (
    <div className="duty-scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      <table className="duty-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{firstHeading}</th>
            {counts.map((c) => (
              <th scope="col" key={c}>
                {COUNT_LABELS[c]}
              </th>
            ))}
            <th scope="col">承办来信</th>
            <th scope="col">已办结</th>
            <th scope="col">按期办结率</th>
            <th scope="col">办结用时（中位数）</th>
            <th scope="col">满意率</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ head, href, row }) => {
            const rates = messageRates(row.messages, minimum)
            return (
              <tr key={head} className={row.year === null && !href ? 'duty-total' : undefined}>
                <th scope="row">{href ? <a href={href}>{head}</a> : head}</th>
                {counts.map((c) => (
                  <td key={c}>{row[c]}</td>
                ))}
                <td>{row.messages.handled}</td>
                <td>{row.messages.closed}</td>
                {[rates.onTime, rates.medianDays, rates.satisfied].map((r, i) => (
                  <td key={i} className={r.shown ? undefined : 'duty-few'}>
                    {r.text}
                  </td>
                ))}
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

/** How the figures are computed, beside them. */
export function DutyMethod({ lines }: { lines: readonly string[] }) {
  return (
    <details className="duty-method">
      <summary>统计口径</summary>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </details>
  )
}
