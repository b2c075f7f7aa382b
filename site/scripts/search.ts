/**
 * The search page. Queries are split into words with the same segmenter as the index, then asked twice:
 * as words (Pagefind ranks) and as an exact phrase (adjacent words, in order). A page is a hit when it
 * contains the phrase; hits keep the ranked order. So "停车难" finds the pages that say 停车难, not every
 * page with 停车 and 难 somewhere.
 */
import { chineseDate } from '../../vocabulary/dates.ts'
import { queryWords, readable } from '../lib/segment.ts'
import { shorterParts } from '../lib/suggest.ts'

interface PagefindResult {
  id: string
  score: number
  data: () => Promise<{ url: string; excerpt: string; meta: Record<string, string> }>
}
interface PagefindResponse {
  results: PagefindResult[]
  filters: Record<string, Record<string, number>>
}
interface Pagefind {
  options: (o: Record<string, unknown>) => Promise<void>
  search: (term: string, o?: { filters?: Record<string, string> }) => Promise<PagefindResponse | null>
  preload: (term: string) => Promise<void>
  filters: () => Promise<Record<string, Record<string, number>>>
  mergeIndex: (url: string) => Promise<void>
}

/**
 * After an incremental build (site/build/plan.ts): changed pages are in a second, small index,
 * and the main index's entries for them (by id, with their 类型) are stale.
 */
interface Delta {
  index: boolean
  stale: Record<string, string>
}

export interface Hits {
  results: PagefindResult[]
  /** Hits per 类型, ignoring the chosen type. */
  counts: Record<string, number>
}

/** Pages that contain the query (as a phrase when it has several words), in ranked order. */
export async function findPages(
  pagefind: Pagefind,
  query: string,
  type?: string,
  stale: Record<string, string> = {},
): Promise<Hits | null> {
  const words = queryWords(query)
  if (words.length === 0) return null
  const term = words.join(' ')
  const filters = type ? { 类型: type } : undefined
  if (words.length === 1) {
    const ranked = await pagefind.search(term, { filters })
    if (!ranked) return null
    const { results, counts } = withoutStale(ranked, stale)
    return { results: await titlesFirst(results, query), counts }
  }
  // Both at once: they need the same index chunks, which Pagefind fetches once and keeps for later
  // searches too.
  const [ranked, exact] = await Promise.all([
    pagefind.search(term, { filters }),
    pagefind.search(`"${term}"`, { filters }),
  ])
  if (!ranked || !exact) return null
  const { results: phrase, counts } = withoutStale(exact, stale)
  const inPhrase = new Set(phrase.map((r) => r.id))
  return {
    results: await titlesFirst(
      ranked.results.filter((r) => inPhrase.has(r.id)),
      query,
    ),
    counts,
  }
}

/** Drops the main index's entries for pages that changed since it was built (their delta entry stays). */
function withoutStale(response: PagefindResponse, stale: Record<string, string>) {
  const counts = { ...(response.filters['类型'] ?? {}) }
  const results = response.results.filter((r) => {
    const type = stale[r.id]
    if (type === undefined) return true
    if (counts[type]) counts[type]--
    return false
  })
  return { results, counts }
}

/**
 * Within the first page of hits, pages whose title contains the query come first (Pagefind ranks by
 * word frequency only). Costs nothing extra: the first page's data is loaded to show it anyway.
 */
async function titlesFirst(results: PagefindResult[], query: string): Promise<PagefindResult[]> {
  const head = results.slice(0, PAGE)
  const data = await Promise.all(head.map((r) => r.data()))
  const q = query.trim()
  const order = head
    .map((r, i) => ({ r, i, title: (data[i].meta.title ?? '').includes(q) }))
    .sort((a, b) => Number(b.title) - Number(a.title) || a.i - b.i)
    .map((x) => x.r)
  return [...order, ...results.slice(PAGE)]
}

const PAGE = 10
/** 您是不是要找: at most this many shorter queries, each with this many of its pages. */
const SUGGESTIONS = 3
const SUGGESTED_PAGES = 3

export interface Suggestion {
  query: string
  total: number
  pages: { url: string; title: string }[]
}

/**
 * For a query that found nothing: its shorter parts, a length at a time (longest first), until one
 * length finds something; those parts with the most hits first, each with its first pages.
 */
export async function suggest(
  pagefind: Pagefind,
  query: string,
  type?: string,
  stale: Record<string, string> = {},
): Promise<Suggestion[]> {
  for (const group of shorterParts(query)) {
    const found = await Promise.all(group.map((part) => findPages(pagefind, part, type, stale)))
    const useful = group
      .map((part, i) => ({ part, hits: found[i]?.results ?? [] }))
      .filter((x) => x.hits.length > 0)
      .sort((a, b) => b.hits.length - a.hits.length)
      .slice(0, SUGGESTIONS)
    if (useful.length === 0) continue
    return Promise.all(
      useful.map(async ({ part, hits }) => ({
        query: part,
        total: hits.length,
        pages: (await Promise.all(hits.slice(0, SUGGESTED_PAGES).map((r) => r.data()))).map((d) => ({
          url: d.url,
          title: d.meta.title ?? d.url,
        })),
      })),
    )
  }
  return []
}

/** The 您是不是要找 box: links to the shorter queries and what they found, then 找代表 and 写信. */
function renderSuggestions(box: HTMLElement, query: string, suggestions: Suggestion[], type: string): void {
  box.replaceChildren()
  const link = (href: string, text: string) => {
    const a = document.createElement('a')
    a.href = href
    a.textContent = text
    return a
  }
  const heading = document.createElement('h2')
  heading.textContent = suggestions.length ? '您是不是要找：' : '试试这些办法：'
  box.append(heading)
  for (const s of suggestions) {
    const section = document.createElement('div')
    section.className = 'suggestion'
    const params = new URLSearchParams({ q: s.query })
    if (type) params.set('type', type)
    const title = document.createElement('p')
    title.append(link(`/search/?${params}`, `“${s.query}”`), `（${s.total} 条结果）`)
    const pages = document.createElement('ul')
    for (const p of s.pages) {
      const li = document.createElement('li')
      li.append(link(p.url, p.title))
      pages.append(li)
    }
    section.append(title, pages)
    box.append(section)
  }
  const more = document.createElement('p')
  more.className = 'suggest-more'
  more.append(
    suggestions.length ? `没有找到“${query}”。也可以` : `没有找到“${query}”。可以少输几个字再试，或`,
    link('/deputies/', '找代表'),
    '，直接',
    link('/contact/', '写信给代表'),
    '反映您的问题。',
  )
  box.append(more)
  box.hidden = false
}
/** Wait this long after the last keystroke before searching (fewer wasted searches while typing). */
const TYPING_PAUSE_MS = 100

interface Engine {
  pagefind: Pagefind
  stale: Record<string, string>
}

/** Pagefind with its options, the delta index merged and the filter index loaded. */
async function loadEngine(form: HTMLFormElement): Promise<Engine> {
  const pagefind = (await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`)) as Pagefind
  // pageLength 0.5 (Pagefind's default 0.75) favours short pages a little less, so a long page whose
  // title names the query reaches the first page of hits more often (titlesFirst then puts it first):
  // top-1 on the bench's 34 queries with a title match at 10k, 32/34 → 33/34; at 1k unchanged.
  await pagefind.options({ excerptLength: 36, ranking: { pageLength: 0.5 } })
  const delta = form.dataset.delta ? (JSON.parse(form.dataset.delta) as Delta) : null
  if (delta?.index) await pagefind.mergeIndex(`${location.origin}/pagefind-delta/`)
  // Loads the (small) filter index, without which responses carry no per-type counts.
  await pagefind.filters()
  return { pagefind, stale: delta?.stale ?? {} }
}

export async function startSearch(): Promise<void> {
  const form = document.getElementById('search-form') as HTMLFormElement
  const input = document.getElementById('search-q') as HTMLInputElement
  const status = document.getElementById('search-status')!
  const list = document.getElementById('search-results')!
  const more = document.getElementById('search-more') as HTMLButtonElement
  const suggestBox = document.getElementById('search-suggest')!
  const typeInputs = [...form.querySelectorAll<HTMLInputElement>('input[name="type"]')]
  // Pagefind (script, wasm, meta) loads when it is first needed — the box gets focus or input, a search
  // runs — or when the page is idle, whichever comes first; the page itself does not wait for it.
  let loading: Promise<Engine> | undefined
  const engine = () => (loading ??= loadEngine(form))
  input.addEventListener('focus', () => void engine(), { once: true })
  if ('requestIdleCallback' in window) window.requestIdleCallback(() => void engine(), { timeout: 3000 })
  else setTimeout(() => void engine(), 1000)

  let hits: Hits | null = null
  let shown = 0
  let run = 0

  const chosenType = () => typeInputs.find((i) => i.checked)?.value ?? ''

  const render = async (from: number) => {
    const slice = hits!.results.slice(from, from + PAGE)
    const items = await Promise.all(slice.map((r) => r.data()))
    for (const item of items) {
      const li = document.createElement('li')
      li.className = 'result'
      const a = document.createElement('a')
      a.className = 'result-link'
      a.href = item.url
      a.textContent = item.meta.title ?? item.url
      const info = document.createElement('p')
      info.className = 'result-meta'
      info.textContent = [item.meta['类型'], chineseDate(item.meta['日期'])].filter(Boolean).join(' · ')
      const excerpt = document.createElement('p')
      excerpt.className = 'excerpt'
      // Pagefind's excerpt is escaped text with <mark> around the matches.
      excerpt.innerHTML = `…${readable(item.excerpt)}…`
      li.append(a, info, excerpt)
      list.append(li)
    }
    shown = from + slice.length
    more.hidden = shown >= hits!.results.length
  }

  const search = async (push: boolean) => {
    const mine = ++run
    const q = input.value.trim()
    const type = chosenType()
    const params = new URLSearchParams()
    if (q) params.set('q', q)
    if (type) params.set('type', type)
    const url = `${location.pathname}${params.size ? `?${params}` : ''}`
    if (url !== `${location.pathname}${location.search}`)
      history[push ? 'pushState' : 'replaceState'](null, '', url)
    suggestBox.hidden = true
    suggestBox.replaceChildren()
    if (!q) {
      hits = null
      list.replaceChildren()
      more.hidden = true
      status.textContent = ''
      return
    }
    status.textContent = '正在搜索…'
    const loaded = await engine().catch(() => null)
    if (mine !== run) return
    if (!loaded) {
      status.textContent = '搜索暂时无法使用，请检查网络后再试。'
      loading = undefined // the next search tries again
      return
    }
    const { pagefind, stale } = loaded
    const found = await findPages(pagefind, q, type, stale)
    if (mine !== run) return // a newer search started meanwhile
    hits = found ?? { results: [], counts: {} }
    for (const el of typeInputs) {
      const count = el.value ? (hits.counts[el.value] ?? 0) : undefined
      const badge = el.parentElement?.querySelector('.count')
      if (badge) badge.textContent = count === undefined ? '' : `（${count}）`
    }
    list.replaceChildren()
    await render(0)
    if (mine !== run) return
    if (hits.results.length) {
      status.textContent = `找到 ${hits.results.length} 条与“${q}”相关的结果`
      return
    }
    const suggestions = await suggest(pagefind, q, type, stale)
    if (mine !== run) return
    // The status (a live region) says it all in one sentence; the box below holds the links.
    status.textContent = suggestions.length
      ? `没有找到包含“${q}”的内容。您是不是要找“${suggestions[0].query}”？`
      : `没有找到包含“${q}”的内容。可以换个说法，或减少几个字再试。`
    renderSuggestions(suggestBox, q, suggestions, type)
  }

  let timer: number | undefined
  input.addEventListener('input', () => {
    window.clearTimeout(timer)
    void engine()
      .then(({ pagefind }) => pagefind.preload(queryWords(input.value).join(' ')))
      .catch(() => {})
    timer = window.setTimeout(() => void search(false), TYPING_PAUSE_MS)
  })
  for (const el of typeInputs) el.addEventListener('change', () => void search(true))
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    window.clearTimeout(timer)
    void search(true)
  })
  more.addEventListener('click', () => void render(shown))
  const fromUrl = () => {
    const params = new URLSearchParams(location.search)
    input.value = params.get('q') ?? ''
    const type = params.get('type') ?? ''
    for (const el of typeInputs) el.checked = el.value === type
    if (!typeInputs.some((el) => el.checked)) typeInputs[0].checked = true
  }
  window.addEventListener('popstate', () => {
    fromUrl()
    void search(false)
  })
  fromUrl()
  // For the benchmark and tests: the same search the page runs, without the rendering.
  ;(window as unknown as { minhuSearch: unknown }).minhuSearch = {
    findPages: async (q: string, type?: string) => {
      const { pagefind, stale } = await engine()
      return findPages(pagefind, q, type, stale)
    },
    suggest: async (q: string, type?: string) => {
      const { pagefind, stale } = await engine()
      return suggest(pagefind, q, type, stale)
    },
  }
  form.dataset.ready = 'true'
  if (input.value) await search(false)
  else input.focus()
}
