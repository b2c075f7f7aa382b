/**
 * 工作台: the first thing on the admin dashboard. What needs the logged-in user now — their drafts, what
 * was returned to them, what waits for their review, new and overdue messages, opinions and
 * consultations, next week's bookings, sections gone quiet, the last site updates — each a short list
 * with a count and a link to the full admin list filtered the same way. A server component: the data is
 * read as the user (cms/workbench/queries.ts), the page is plain HTML and links, no client JavaScript.
 */
import type { Payload } from 'payload'
import React from 'react'

import { chineseDate, chineseDateTime } from '../../vocabulary/dates.ts'
import {
  workbenchData,
  type Section,
  type SectionReminder,
  type WorkbenchData,
  type WorkbenchUser,
} from '../workbench/queries.ts'

const URGENT = '#a4161a'
const WARN = '#7a4d00'

const box: React.CSSProperties = {
  border: '1px solid var(--theme-elevation-150)',
  borderRadius: 4,
  padding: '0.75rem 1rem',
  minWidth: 0,
}
const list: React.CSSProperties = { listStyle: 'none', margin: '0.5rem 0', padding: 0 }
const item: React.CSSProperties = {
  padding: '0.4rem 0',
  borderTop: '1px solid var(--theme-elevation-100)',
  lineHeight: 1.6,
}
const muted: React.CSSProperties = { color: 'var(--theme-elevation-600)' }

function Block({
  id,
  title,
  section,
  empty,
  dateLabel,
  withTime = false,
  hint,
}: {
  id: string
  title: string
  section: Section
  empty: string
  dateLabel: string
  withTime?: boolean
  hint?: string
}) {
  const more = section.count > section.rows.length
  return (
    <section style={box} aria-labelledby={`workbench-${id}`} data-workbench={id}>
      <h3 id={`workbench-${id}`} style={{ margin: 0, fontSize: '1.15rem' }}>
        {title}
        <span style={{ fontWeight: 400, marginLeft: '0.5rem' }}>（{section.count} 项）</span>
      </h3>
      {hint ? <p style={{ ...muted, margin: '0.25rem 0 0' }}>{hint}</p> : null}
      {section.rows.length === 0 ? (
        <p style={{ ...muted, margin: '0.5rem 0 0' }}>{empty}</p>
      ) : (
        <ul style={list}>
          {section.rows.map((row) => (
            <li key={row.href + row.title} style={item}>
              <a href={row.href} style={{ fontWeight: 600 }}>
                {row.title}
              </a>
              <br />
              <span style={muted}>
                {[
                  row.kind,
                  row.state,
                  row.date
                    ? `${dateLabel} ${withTime ? chineseDateTime(row.date) : chineseDate(row.date)}`
                    : '',
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              {row.note ? (
                <>
                  <br />
                  <span style={row.urgent ? { color: URGENT, fontWeight: 700 } : undefined}>{row.note}</span>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {section.links.length ? (
        <p style={{ margin: '0.25rem 0 0' }}>
          {more ? '只列出最近的 10 项。' : ''}
          {section.links.map((link, i) => (
            <React.Fragment key={link.href}>
              {i ? '　' : ''}
              <a href={link.href}>
                查看全部{section.links.length > 1 || link.label !== title ? `${link.label}` : ''}（
                {link.count}）
              </a>
            </React.Fragment>
          ))}
        </p>
      ) : null}
    </section>
  )
}

function Reminders({ reminders }: { reminders: SectionReminder[] }) {
  const stale = reminders.filter((r) => r.stale)
  return (
    <section style={box} aria-labelledby="workbench-reminders" data-workbench="reminders">
      <h3 id="workbench-reminders" style={{ margin: 0, fontSize: '1.15rem' }}>
        栏目更新提醒
        <span style={{ fontWeight: 400, marginLeft: '0.5rem' }}>（{stale.length} 个栏目需要更新）</span>
      </h3>
      <ul style={list}>
        {reminders.map((r) => (
          <li key={r.label} style={item} data-stale={r.stale ? 'yes' : 'no'}>
            <a href={r.listHref} style={{ fontWeight: 600 }}>
              {r.label}
            </a>
            ：
            {r.lastDate ? (
              <>
                最近一次发布在 {chineseDate(r.lastDate)}（{r.age === 0 ? '今天' : `${r.age} 天前`}）
              </>
            ) : (
              '还没有发布过内容'
            )}
            <br />
            {r.days === 0 ? (
              <span style={muted}>不提醒</span>
            ) : r.stale ? (
              <span style={{ color: WARN, fontWeight: 700 }}>
                {r.lastDate ? `已超过 ${r.days} 天没有新内容，请及时更新。` : '请及时发布内容。'}
              </span>
            ) : (
              <span style={muted}>每 {r.days} 天至少更新一次</span>
            )}
          </li>
        ))}
      </ul>
      <p style={{ ...muted, margin: 0 }}>
        天数在“网站设置 → 栏目更新提醒”中设置（审核人员和管理员可以更改）。
      </p>
    </section>
  )
}

function Builds({ builds }: { builds: WorkbenchData['builds'] }) {
  const [last] = builds.last
  const failed = builds.last.filter((b) => !b.ok).length
  return (
    <section style={box} aria-labelledby="workbench-builds" data-workbench="builds">
      <h3 id="workbench-builds" style={{ margin: 0, fontSize: '1.15rem' }}>
        最近的网站更新
      </h3>
      <p style={{ margin: '0.5rem 0' }}>
        {builds.running
          ? '网站正在更新。'
          : builds.queued
            ? '有新的发布，网站即将更新。'
            : last
              ? `最近一次更新：${chineseDateTime(last.startedAt)}，${last.ok ? '成功' : '失败（网站仍显示上一版）'}。`
              : '还没有更新记录。'}
        {failed ? (
          <strong style={{ color: URGENT, display: 'block' }}>
            最近 {builds.last.length} 次更新中有 {failed} 次失败，请告诉管理员。
          </strong>
        ) : null}
      </p>
      {/* The full table with times, durations and reasons is SiteBuildStatus, below the dashboard. */}
      <a href="#site-builds">查看网站更新记录</a>
    </section>
  )
}

export async function Workbench({
  payload,
  user,
}: {
  payload?: Payload
  user?: (WorkbenchUser & { name?: string | null; email?: string }) | null
}) {
  if (!payload || !user) return null
  let data: WorkbenchData
  try {
    data = await workbenchData(payload, user)
  } catch (error) {
    payload.logger.error({ err: error, msg: 'workbench: reading the dashboard data failed' })
    return (
      <section style={{ margin: '0 0 2rem' }}>
        <h2>工作台</h2>
        <p>暂时无法读取工作台的内容，请刷新页面；一直这样请告诉管理员。</p>
      </section>
    )
  }
  return (
    <section aria-labelledby="workbench" style={{ margin: '0 0 2rem' }} data-workbench="root">
      <h2 id="workbench" style={{ marginBottom: '0.25rem' }}>
        工作台
      </h2>
      <p style={{ ...muted, marginTop: 0 }}>
        {user.name || user.email ? `${user.name || user.email}，` : ''}
        这里列出现在需要您处理的事。点标题打开，点“查看全部”看完整列表。
      </p>
      <div
        style={{
          display: 'grid',
          gap: '1rem',
          gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 24rem), 1fr))',
        }}
      >
        <Block
          id="drafts"
          title="我的草稿"
          section={data.drafts}
          empty="没有未提交的草稿。"
          dateLabel="修改于"
          hint="写完后请点“提交审核”。"
        />
        <Block
          id="returned"
          title="退回给我的"
          section={data.returned}
          empty="没有被退回的内容。"
          dateLabel="退回于"
          hint="按退回意见修改后，再点“提交审核”。"
        />
        {data.toReview ? (
          <Block
            id="review"
            title="待我审核"
            section={data.toReview}
            empty="没有等待审核的内容。"
            dateLabel="提交于"
            hint={
              data.dualReview ? '已开启双人审核：您自己修改的内容由另一位审核人员审核，不在这里。' : undefined
            }
          />
        ) : null}
        <Block
          id="messages-new"
          title="新来信"
          section={data.messages.fresh}
          empty="没有待处理的新来信。"
          dateLabel="办结期限"
          hint="已受理、还没有分派的来信。"
        />
        <Block
          id="messages-overdue"
          title="超期未办结的来信"
          section={data.messages.overdue}
          empty="没有超期的来信。"
          dateLabel="办结期限"
        />
        <Block
          id="opinions"
          title="待反馈的群众意见"
          section={data.opinions}
          empty="没有待研究的意见。"
          dateLabel="提交于"
        />
        <Block
          id="consultations"
          title="7 天内截止的意见征集"
          section={data.closingConsultations}
          empty="近 7 天没有截止的意见征集。"
          dateLabel="截止"
          withTime
        />
        <Block
          id="bookings"
          title="近 7 天活动的预约"
          section={data.bookings}
          empty="近 7 天没有活动。"
          dateLabel="开始"
          withTime
          hint="只显示人数；点活动名称查看预约名单。"
        />
        <Reminders reminders={data.reminders} />
        <Builds builds={data.builds} />
      </div>
    </section>
  )
}
