import type { CollectionSlug, PayloadHandler } from 'payload'

import { isStaffRequest } from '../access/index.ts'
import { BuildQueue } from '../builds/queue.ts'
import { siteUrl } from '../site-url.ts'

/** Collections whose documents have a page of their own at `/<collection>/<slug>/`. */
const PAGES = new Set(['news', 'lectures', 'cases', 'deputies', 'stations'])

/**
 * GET /api/site-builds: the builds and the queue, from the database, for the admin dashboard.
 * GET /api/site-builds?doc=news:12: where that document's latest change stands (waiting, building, live,
 * failed, with an estimate in seconds) and, when the site shows it, its address — the edit view's status
 * line (cms/components/SiteStatus.tsx). Staff only.
 */
export const siteBuildsEndpoint: PayloadHandler = async (req) => {
  if (!isStaffRequest(req)) return Response.json({ message: '请先登录。' }, { status: 403 })
  const headers = { 'cache-control': 'no-store' }
  const queue = new BuildQueue(req.payload)
  const doc = typeof req.query?.doc === 'string' ? req.query.doc : undefined
  if (doc === undefined) return Response.json(await queue.status(), { headers })
  const match = /^([a-z-]{1,40}):([\w-]{1,40})$/.exec(doc)
  if (!match) return Response.json({ message: 'doc: expected <collection>:<id>' }, { status: 400, headers })
  const [, source, id] = match
  const status = await queue.documentStatus(source, id, Number(process.env.REBUILD_DEBOUNCE_MS ?? 1500))
  let url: string | undefined
  if (PAGES.has(source) && req.payload.collections[source as CollectionSlug]) {
    const published = (await req.payload.findByID({
      collection: source as CollectionSlug,
      id,
      draft: false,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      req,
    })) as { slug?: string; _status?: string } | null
    const shown = published && (published._status === undefined || published._status === 'published')
    if (shown && published.slug) url = `${siteUrl()}/${source}/${encodeURIComponent(published.slug)}/`
  }
  return Response.json({ ...status, ...(url ? { url } : {}) }, { headers })
}
