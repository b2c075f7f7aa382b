import type { CollectionSlug, PayloadHandler } from 'payload'

import { documentPath, isPageCollection } from '../../vocabulary/redirects.ts'
import { isStaffRequest } from '../access/index.ts'
import { BuildQueue, debounceMs } from '../builds/queue.ts'
import { mainRow } from '../lib/main-row.ts'
import { siteUrl } from '../site-url.ts'

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
  const status = await queue.documentStatus(source, id, debounceMs())
  let url: string | undefined
  if (isPageCollection(source) && req.payload.collections[source as CollectionSlug]) {
    const published = (await mainRow(req, source, id)) as { slug?: string; _status?: string } | null
    const shown = published && (published._status === undefined || published._status === 'published')
    if (shown && published.slug) url = `${siteUrl()}${documentPath(source, published.slug)}`
  }
  return Response.json({ ...status, ...(url ? { url } : {}) }, { headers })
}
