import type { PayloadHandler } from 'payload'

import { isStaffRequest } from '../access/index.ts'
import { BuildQueue } from '../builds/queue.ts'

/** GET /api/site-builds: the builds and the queue, from the database, for the admin dashboard (staff only). */
export const siteBuildsEndpoint: PayloadHandler = async (req) => {
  if (!isStaffRequest(req)) return Response.json({ message: '请先登录。' }, { status: 403 })
  return Response.json(await new BuildQueue(req.payload).status(), {
    headers: { 'cache-control': 'no-store' },
  })
}
