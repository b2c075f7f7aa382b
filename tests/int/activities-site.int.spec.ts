import fs from 'node:fs'
import path from 'node:path'

import ICAL from 'ical.js'
import { describe, expect, inject, it } from 'vitest'

import { activities } from '../../content/activities.ts'
import { CANARIES } from '../helpers/canaries.ts'
import { listFiles, readForScan } from '../helpers/dist.ts'

/**
 * 活动预约 in the built site (tests/helpers/global-setup.ts builds it from the seed plus the booking
 * canaries of tests/helpers/site-fixture.ts): the list grouped by day, the filter pages, a detail page
 * with its booking form, the record of a past one, the station and deputy pages' upcoming activities,
 * the iCalendar feeds parsed back with ical.js, RSS, sitemap and search, and no booking's personal data
 * anywhere in dist/.
 */
const dist = inject('siteDir')
const html = (rel: string) => fs.readFileSync(path.join(dist, rel), 'utf8')
const UPCOMING = activities.filter((a) => a.inDays > 0)
const PAST = activities.filter((a) => a.inDays < 0)

/** The Beijing wall-clock time of an instant: `2026-12-06 09:00`. */
const beijing = (d: Date) =>
  new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')

describe('活动 pages', () => {
  it('the list shows the upcoming activities first, grouped by day in time order, then past ones with records', () => {
    const page = html('activities/index.html')
    const positions = [...UPCOMING].sort((a, b) => a.inDays - b.inDays).map((a) => page.indexOf(a.title))
    expect(positions.every((p) => p > 0)).toBe(true)
    expect([...positions].sort((a, b) => a - b)).toEqual(positions)
    const pastHeading = page.indexOf('以往活动与接待记录')
    expect(pastHeading).toBeGreaterThan(Math.max(...positions))
    for (const a of PAST) expect(page.indexOf(a.title)).toBeGreaterThan(pastHeading)
    expect(page.match(/<section class="activity-day"/g)?.length).toBe(
      new Set(UPCOMING.map((a) => a.inDays)).size,
    )
    expect(page).toContain(`到场群众 ${PAST[0].record!.attendance} 人`)
    expect(page).toMatch(/可预约，剩余名额 \d+ 个/)
    // No script: the filters are links to pre-built pages.
    expect(page.match(/<script\b(?![^>]*ld\+json)/g) ?? []).toEqual([])
  })

  it('filters by kind, station and deputy are pre-built pages that work without JavaScript', () => {
    const receptions = html('activities/kind/reception/index.html')
    for (const a of activities)
      if (a.kind === 'reception') expect(receptions).toContain(a.title)
      else expect(receptions).not.toContain(a.title)
    const station = html('activities/station/kuishan-station/index.html')
    expect(station).toContain('奎山街道代表接待日：冬季供暖')
    expect(station).not.toContain('段庄街道议事协商会')
    const deputy = html('activities/deputy/zhang-wei/index.html')
    expect(deputy).toContain('奎山街道代表接待日：冬季供暖')
    expect(deputy).not.toContain('湖滨街道代表接待日')
    expect(html('activities/index.html')).toContain('href="/activities/deputy/zhang-wei/"')
  })

  it('an upcoming bookable activity has its booking form posting to the CMS, and a past one its record', () => {
    const page = html('activities/kuishan-reception-winter/index.html')
    expect(page).toContain('action="http://127.0.0.1:3000/api/bookings/submit"')
    expect(page).toContain('name="activity" value="kuishan-reception-winter"')
    expect(page).toContain('name="website"')
    expect(page).toContain('张伟')
    expect(page).toContain('href="/stations/kuishan-station/activities.ics"')
    const past = html('activities/hubin-reception-parking/index.html')
    expect(past).not.toContain('booking-form')
    expect(past).toContain('接待记录')
    expect(past).toContain('议定事项')
    expect(past).toContain('href="/cases/minfu-shared-parking/"')
    expect(html('activities/cancel/index.html')).toContain(
      'action="http://127.0.0.1:3000/api/bookings/cancel"',
    )
  })

  it('every station and deputy page lists their upcoming activities', () => {
    const station = html('stations/kuishan-station/index.html')
    expect(station).toContain('近期活动与接待日')
    expect(station).toContain('href="/activities/kuishan-reception-winter/"')
    expect(station).not.toContain('href="/activities/kuishan-reception-elevator-review/"')
    const deputy = html('deputies/li-fang/index.html')
    expect(deputy).toContain('href="/activities/duanzhuang-reception-elderly/"')
    const none = html('stations/jinshan-home/index.html')
    expect(none).toContain('近期没有安排活动')
  })
})

describe('feeds, sitemap and search', () => {
  it('/activities.ics parses back to every activity with the right times in Asia/Shanghai', () => {
    const jcal = ICAL.parse(html('activities.ics'))
    const calendar = new ICAL.Component(jcal)
    const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
    expect(events).toHaveLength(activities.length)
    for (const a of activities) {
      const event = events.find((e) => e.summary === a.title)
      expect(event, a.slug).toBeTruthy()
      const start = event!.startDate.toJSDate()
      const end = event!.endDate.toJSDate()
      expect(beijing(start).slice(11), a.slug).toBe(a.startsAt)
      expect(end.getTime() - start.getTime()).toBe(a.hours * 3_600_000)
      const dayOffset = Math.round(
        (Date.parse(beijing(start).slice(0, 10)) - Date.parse(beijing(new Date()).slice(0, 10))) / 86_400_000,
      )
      // The fixture was seeded today (or, around midnight, yesterday).
      expect([a.inDays, a.inDays - 1]).toContain(dayOffset)
      expect(event!.location).toMatch(/街道|实践中心/)
    }
  })

  it('a station feed holds that station’s activities only', () => {
    const calendar = new ICAL.Component(ICAL.parse(html('stations/kuishan-station/activities.ics')))
    const titles = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).summary)
    expect(titles.sort()).toEqual(
      activities
        .filter((a) => a.station === 'kuishan-station')
        .map((a) => a.title)
        .sort(),
    )
  })

  it('RSS, sitemap and search carry the activities', () => {
    const rss = html('activities/rss.xml')
    for (const a of activities) expect(rss).toContain(a.title)
    const sitemap = fs
      .readdirSync(dist)
      .filter((f) => /^sitemap-\d+\.xml$/.test(f))
      .map((f) => html(f))
      .join('')
    expect(sitemap).toContain('/activities/kuishan-reception-winter/')
    expect(sitemap).toContain('/activities/kind/reception/')
    // In the search index (Pagefind's fragments, unpacked), with its own type filter.
    const entry = listFiles(dist)
      .filter((f) => f.endsWith('.pf_fragment'))
      .map((f) => readForScan(path.join(dist, f)))
      .find((text) => text.includes('/activities/kuishan-reception-winter/'))
    expect(entry).toContain('冬季供暖')
    expect(entry).toContain('活动')
    expect(html('search/index.html')).toContain('活动')
  })
})

describe('personal data', () => {
  it('no booking name, phone, issue or code, and no draft activity, reaches dist/', () => {
    const leaks: string[] = []
    for (const rel of listFiles(dist)) {
      const text = readForScan(path.join(dist, rel))
      for (const canary of [
        CANARIES.bookingName,
        CANARIES.bookingIssue,
        CANARIES.bookingCode,
        CANARIES.activityDraftTitle,
        '13512340021',
      ])
        if (text.includes(canary)) leaks.push(`${canary} in ${rel}`)
    }
    expect(leaks).toEqual([])
  })
})
