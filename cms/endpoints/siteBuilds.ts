import fs from 'node:fs'
import path from 'node:path'

import type { PayloadHandler } from 'payload'

import { isStaffRequest } from '../access/index.ts'
import { dataDir } from '../paths.ts'

/** GET /api/site-builds: the rebuild worker's status file, for the admin dashboard (staff only). */
export const siteBuildsEndpoint: PayloadHandler = (req) => {
  if (!isStaffRequest(req)) return Response.json({ message: '请先登录。' }, { status: 403 })
  try {
    const status = JSON.parse(fs.readFileSync(path.join(dataDir(), 'site-builds.json'), 'utf8')) as {
      live?: string
    }
    delete status.live
    return Response.json(status)
  } catch {
    return Response.json({ running: null, queued: false, builds: [] })
  }
}
