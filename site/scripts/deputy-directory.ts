/**
 * Browser behaviour of /deputies/: instant filtering (the cards are already in the page; this only hides
 * and shows them), the URL kept in step (shareable; Back returns to the previous filters), the count
 * announced to screen readers, and "找我的代表" by street and community.
 */
import { escapeHtml } from '../../vocabulary/html.ts'
import {
  filterDeputies,
  filtersFromSearch,
  searchFromFilters,
  type DeputyFilters,
  type DeputyRecord,
} from '../lib/deputy-filter.ts'

interface StationInfo {
  slug: string
  name: string
  address: string
  hours: string
  phone: string
}

const readJson = <T>(id: string): T => JSON.parse(document.getElementById(id)?.textContent ?? 'null') as T

export function startDirectory(): void {
  const records = readJson<DeputyRecord[]>('deputy-records')
  const communities = readJson<Record<string, string[]>>('deputy-communities')
  const stations = readJson<StationInfo[]>('deputy-stations')
  const form = document.getElementById('deputy-filters') as HTMLFormElement
  const count = document.getElementById('deputy-count')!
  const empty = document.getElementById('no-deputy')!
  const cards = new Map<string, HTMLElement>()
  for (const el of document.querySelectorAll<HTMLElement>('#deputy-groups [data-slug]'))
    cards.set(el.dataset.slug!, el)
  const sections = [...document.querySelectorAll<HTMLElement>('#deputy-groups section[data-street]')]
  const inputs = {
    q: document.getElementById('f-q') as HTMLInputElement,
    street: document.getElementById('f-street') as HTMLSelectElement,
    station: document.getElementById('f-station') as HTMLSelectElement,
    level: document.getElementById('f-level') as HTMLSelectElement,
    field: document.getElementById('f-field') as HTMLSelectElement,
  }

  form.hidden = false
  document.getElementById('my-deputy')!.hidden = false

  const current = (): DeputyFilters => ({
    q: inputs.q.value,
    street: inputs.street.value,
    station: inputs.station.value,
    level: inputs.level.value,
    field: inputs.field.value,
  })

  const show = (filters: DeputyFilters) => {
    const visible = new Set(filterDeputies(records, filters).map((r) => r.slug))
    for (const [slug, el] of cards) el.hidden = !visible.has(slug)
    for (const section of sections) section.hidden = !section.querySelector('[data-slug]:not([hidden])')
    const active = Object.values(filters).some((v) => v && v.trim())
    count.textContent = active ? `找到 ${visible.size} 位代表` : `共 ${records.length} 位代表`
    empty.hidden = visible.size > 0
  }

  const fill = (filters: DeputyFilters) => {
    inputs.q.value = filters.q ?? ''
    for (const key of ['street', 'station', 'level', 'field'] as const) {
      const select = inputs[key]
      const wanted = filters[key] ?? ''
      select.value = [...select.options].some((o) => o.value === wanted) ? wanted : ''
    }
  }

  /** Typing replaces the history entry (no entry per key); a changed filter adds one, so Back undoes it. */
  const sync = (mode: 'push' | 'replace') => {
    const filters = current()
    show(filters)
    const url = `${location.pathname}${searchFromFilters(filters)}${location.hash}`
    if (url !== `${location.pathname}${location.search}${location.hash}`) {
      history[mode === 'push' ? 'pushState' : 'replaceState'](null, '', url)
    }
  }

  let typing: number | undefined
  inputs.q.addEventListener('input', () => {
    show(current())
    window.clearTimeout(typing)
    typing = window.setTimeout(() => sync('replace'), 300)
  })
  for (const key of ['street', 'station', 'level', 'field'] as const) {
    inputs[key].addEventListener('change', () => sync('push'))
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    sync('push')
  })
  form.addEventListener('reset', () => {
    // The reset happens after this event: read the cleared form on the next tick.
    window.setTimeout(() => sync('push'))
  })
  window.addEventListener('popstate', () => {
    fill(filtersFromSearch(location.search))
    show(current())
  })

  fill(filtersFromSearch(location.search))
  show(current())

  // 找我的代表: street → community → the deputies who serve it, and where to meet them.
  const myStreet = document.getElementById('my-street') as HTMLSelectElement
  const myCommunity = document.getElementById('my-community') as HTMLSelectElement
  const myResult = document.getElementById('my-result')!
  const fillCommunities = () => {
    const list = communities[myStreet.value] ?? []
    myCommunity.innerHTML =
      `<option value="">${list.length ? '请选择社区' : '请先选择街道'}</option>` +
      list.map((c) => `<option value="${escapeHtml(c)}">${escapeHtml(c)}</option>`).join('')
    myCommunity.disabled = list.length === 0
    myResult.innerHTML = ''
  }
  myStreet.addEventListener('change', fillCommunities)
  myCommunity.addEventListener('change', () => {
    const found = filterDeputies(records, { street: myStreet.value, community: myCommunity.value })
    if (!myCommunity.value) {
      myResult.innerHTML = ''
      return
    }
    if (found.length === 0) {
      myResult.innerHTML = '<p>这个社区暂时没有登记联系代表，请联系所在街道的实践站。</p>'
      return
    }
    const byStation = new Map<string, DeputyRecord[]>()
    for (const r of found) byStation.set(r.station, [...(byStation.get(r.station) ?? []), r])
    myResult.innerHTML = [...byStation]
      .map(([slug, list]) => {
        const s = stations.find((x) => x.slug === slug)
        // The same ?to= as the 写信给… button of a deputy's page: /contact/ pre-selects the deputy.
        const people = list
          .map(
            (r) =>
              `<li><a href="/deputies/${encodeURIComponent(r.slug)}/">${escapeHtml(r.name)}</a>
               <a class="button button-light write" href="/contact/?to=deputy:${encodeURIComponent(r.slug)}">写信给<span class="visually-hidden">${escapeHtml(r.name)}</span>这位代表</a></li>`,
          )
          .join('')
        const where = s
          ? `<p><strong>接待地点：</strong><a href="/stations/${encodeURIComponent(s.slug)}/">${escapeHtml(s.name)}</a>，${escapeHtml(s.address)}</p>
             <p><strong>开放时间：</strong>${escapeHtml(s.hours)}</p>
             ${s.phone ? `<p><strong>站点电话：</strong><a href="tel:${escapeHtml(s.phone)}">${escapeHtml(s.phone)}</a></p>` : ''}`
          : ''
        return `<h3>${escapeHtml(myCommunity.value)}的代表（${list.length} 位）</h3><ul class="my-people">${people}</ul>${where}`
      })
      .join('')
  })

  // From the home page's street links (/deputies/?street=kuishan#street-kuishan): the picker starts at
  // that street and the next step, the community, has the focus.
  const fromHome = filtersFromSearch(location.search).street
  if (fromHome && [...myStreet.options].some((o) => o.value === fromHome)) {
    myStreet.value = fromHome
    fillCommunities()
    if (location.hash === `#street-${fromHome}`) {
      // After the browser's own jump to the fragment (at load), which would undo an earlier one.
      const toPicker = () => {
        document.getElementById('my-deputy')!.scrollIntoView()
        myCommunity.focus({ preventScroll: true })
      }
      if (document.readyState === 'complete') window.setTimeout(toPicker)
      else window.addEventListener('load', () => window.setTimeout(toPicker), { once: true })
    }
  }
}
