import type { Payload } from 'payload'

/** The rebuild requests in the database, oldest first, as the builder reads them. */
export async function rebuildRequests(payload: Payload) {
  const { docs } = await payload.find({
    collection: 'rebuild-requests',
    sort: 'createdAt',
    overrideAccess: true,
    depth: 0,
    limit: 0,
    pagination: false,
  })
  return docs
}

/** The build records, newest first, as the dashboard lists them. */
export async function buildRecords(payload: Payload) {
  const { docs } = await payload.find({
    collection: 'site-build-records',
    sort: '-startedAt',
    overrideAccess: true,
    depth: 0,
    limit: 0,
    pagination: false,
  })
  return docs
}
