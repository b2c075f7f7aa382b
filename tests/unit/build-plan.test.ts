import { describe, expect, it } from 'vitest'

import {
  MAX_INCREMENTAL,
  nextManifest,
  planBuild,
  type BuildManifest,
  type CurrentState,
} from '../../site/build/plan.ts'

const state = (over: Partial<CurrentState> = {}): CurrentState => ({
  code: 'code-1',
  site: 'site-1',
  pages: { 'news/a': 'a1', 'news/b': 'b1', 'cases/c': 'c1' },
  records: {
    '/news/a/': { digest: 'ra1', type: '新闻' },
    '/news/b/': { digest: 'rb1', type: '新闻' },
    '/cases/c/': { digest: 'rc1', type: '案例' },
    '/deputies/d/': { digest: 'rd1', type: '代表' },
  },
  ...over,
})

const ids = { '/news/a/': 'en_a', '/news/b/': 'en_b', '/cases/c/': 'en_c', '/deputies/d/': 'en_d' }
const fullBuild = (): BuildManifest => nextManifest(state(), planBuild(state()), null, ids)

describe('planning a build against the previous one', () => {
  it('builds everything when there is no previous build or it has no manifest', () => {
    expect(planBuild(state())).toMatchObject({ mode: 'full', index: 'full', skip: [] })
    expect(planBuild(state(), { dir: '/b', manifest: null })).toMatchObject({ mode: 'full' })
  })

  it('links every article page and the whole index when nothing changed', () => {
    const plan = planBuild(state(), { dir: '/b', manifest: fullBuild() })
    expect(plan).toMatchObject({ mode: 'incremental', base: '/b', index: 'delta', delta: [], stale: {} })
    expect(plan.skip.sort()).toEqual(['cases/c', 'news/a', 'news/b'])
  })

  it('renders an edited page again, indexes it in the delta and hides its old index entry', () => {
    const now = state({
      pages: { 'news/a': 'a2', 'news/b': 'b1', 'cases/c': 'c1' },
      records: { ...state().records, '/news/a/': { digest: 'ra2', type: '新闻' } },
    })
    const plan = planBuild(now, { dir: '/b', manifest: fullBuild() })
    expect(plan.skip.sort()).toEqual(['cases/c', 'news/b'])
    expect(plan.delta).toEqual(['/news/a/'])
    expect(plan.stale).toEqual({ en_a: '新闻' })
  })

  it('drops an unpublished page and its index entry; a new page goes into the delta', () => {
    const records = { ...state().records, '/news/new/': { digest: 'rn', type: '新闻' } }
    delete (records as Record<string, unknown>)['/news/b/']
    const now = state({ pages: { 'news/a': 'a1', 'cases/c': 'c1', 'news/new': 'n1' }, records })
    const plan = planBuild(now, { dir: '/b', manifest: fullBuild() })
    expect(plan.skip.sort()).toEqual(['cases/c', 'news/a'])
    expect(plan.delta).toEqual(['/news/new/'])
    expect(plan.stale).toEqual({ en_b: '新闻' })
  })

  it('keeps comparing with the main index across incremental builds, so the delta holds every change since', () => {
    const edited = state({ records: { ...state().records, '/news/a/': { digest: 'ra2', type: '新闻' } } })
    const first = planBuild(edited, { dir: '/b1', manifest: fullBuild() })
    const afterFirst = nextManifest(edited, first, fullBuild(), null)
    expect(afterFirst.mainIndex['/news/a/']).toEqual({ digest: 'ra1', id: 'en_a', type: '新闻' })
    const second = planBuild(edited, { dir: '/b2', manifest: afterFirst })
    expect(second.delta).toEqual(['/news/a/'])
    expect(afterFirst.incrementalSince).toBe(1)
  })

  it('builds everything when the code or the site settings changed, or after many incremental builds', () => {
    const base = { dir: '/b', manifest: fullBuild() }
    expect(planBuild(state({ code: 'code-2' }), base).reason).toBe('the site code changed')
    expect(planBuild(state({ site: 'site-2' }), base).reason).toBe('the site settings changed')
    const tired = { dir: '/b', manifest: { ...fullBuild(), incrementalSince: MAX_INCREMENTAL } }
    expect(planBuild(state(), tired).mode).toBe('full')
  })

  it('rebuilds the whole index (pages still incremental) when the delta would be big', () => {
    const records = Object.fromEntries(
      Array.from({ length: 1000 }, (_, i) => [`/news/${i}/`, { digest: `r${i}`, type: '新闻' }]),
    )
    const before = nextManifest(state({ records }), planBuild(state({ records })), null, {})
    const changed = Object.fromEntries(
      Object.entries(records).map(([u, r]) => [u, { ...r, digest: `${r.digest}x` }]),
    )
    const plan = planBuild(state({ records: changed }), { dir: '/b', manifest: before })
    expect(plan).toMatchObject({ mode: 'incremental', index: 'full', delta: [], stale: {} })
  })
})
