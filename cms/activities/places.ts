/**
 * The places counter of bookable activities (`activity-places`: one row per activity, capacity and
 * booked). A booking claims a place with ONE conditional update, `booked = booked + 1` only where
 * `booked < capacity`, so however many requests arrive at once, in one CMS process or several, no
 * activity is ever booked beyond its capacity: the database decides, not a read followed by a write.
 * SQLite does it with an UPDATE … WHERE through the adapter's drizzle instance; MongoDB with
 * findOneAndUpdate and `$expr: { $lt: ['$booked', '$capacity'] }`. The counter is its own collection,
 * not a field of `activities`, so an editor saving a (stale) activity form never writes over the count.
 */
import { sql } from '@payloadcms/db-sqlite'
import type { Payload, PayloadRequest } from 'payload'

export const PLACES = 'activity-places'

type Id = number | string

interface MongoModel {
  findOneAndUpdate(
    filter: Record<string, unknown>,
    update: Record<string, unknown>,
    options: Record<string, unknown>,
  ): { lean(): Promise<Record<string, unknown> | null> }
  updateOne(
    filter: Record<string, unknown>,
    update: Record<string, unknown>,
    options: Record<string, unknown>,
  ): Promise<{ modifiedCount?: number }>
}
interface SqlRunner {
  run(query: ReturnType<typeof sql>): Promise<{ rowsAffected: number }>
}

const isMongo = (payload: Payload) => payload.db.name === 'mongoose'

async function session(payload: Payload, req?: Partial<PayloadRequest>) {
  const id = req?.transactionID ? await req.transactionID : undefined
  return id ? (payload.db.sessions?.[id] as unknown) : undefined
}

async function sqlDb(payload: Payload, req?: Partial<PayloadRequest>): Promise<SqlRunner> {
  const tx = (await session(payload, req)) as { db?: SqlRunner } | undefined
  return tx?.db ?? (payload.db as unknown as { drizzle: SqlRunner }).drizzle
}

function model(payload: Payload, slug: string): MongoModel {
  return (payload.db as unknown as { collections: Record<string, MongoModel> }).collections[slug]
}

const mongoId = (payload: Payload, id: Id) => {
  // Mongoose casts a string to the ObjectId the relationship is stored as.
  void payload
  return id
}

/** Claims one place of `activity`; false when it is full (or takes no bookings). */
export async function claimPlace(payload: Payload, activity: Id): Promise<boolean> {
  if (isMongo(payload)) {
    const doc = await model(payload, PLACES)
      .findOneAndUpdate(
        { activity: mongoId(payload, activity), $expr: { $lt: ['$booked', '$capacity'] } },
        { $inc: { booked: 1 } },
        { new: true },
      )
      .lean()
    return doc !== null
  }
  const db = await sqlDb(payload)
  const result = await db.run(
    sql`UPDATE activity_places SET booked = booked + 1 WHERE activity_id = ${Number(activity)} AND booked < capacity`,
  )
  return result.rowsAffected === 1
}

/** Gives one place back (a cancelled booking, or a booking that failed after its claim). */
export async function releasePlace(payload: Payload, activity: Id): Promise<void> {
  if (isMongo(payload)) {
    await model(payload, PLACES).updateOne(
      { activity: mongoId(payload, activity), booked: { $gt: 0 } },
      { $inc: { booked: -1 } },
      {},
    )
    return
  }
  const db = await sqlDb(payload)
  await db.run(
    sql`UPDATE activity_places SET booked = booked - 1 WHERE activity_id = ${Number(activity)} AND booked > 0`,
  )
}

/**
 * Moves a booking from 已预约 to `status` only if it is still 已预约 (one conditional update), so two
 * cancellations of one booking at once free one place, not two. True when this call moved it.
 */
export async function leaveBooked(
  payload: Payload,
  booking: Id,
  status: 'cancelled',
  at: string,
): Promise<boolean> {
  if (isMongo(payload)) {
    const doc = await model(payload, 'bookings')
      .findOneAndUpdate(
        { _id: booking, status: 'booked' },
        { $set: { status, cancelledAt: new Date(at), updatedAt: new Date() } },
        { new: true },
      )
      .lean()
    return doc !== null
  }
  const db = await sqlDb(payload)
  const result = await db.run(
    sql`UPDATE bookings SET status = ${status}, cancelled_at = ${at}, updated_at = ${new Date().toISOString()} WHERE id = ${Number(booking)} AND status = 'booked'`,
  )
  return result.rowsAffected === 1
}

/**
 * The counter follows the published capacity (0 when the activity takes no bookings). Creating the row
 * goes through the Local API; changing the capacity of an existing one is a single update of that column
 * alone, so it never writes over `booked`.
 */
export async function syncPlaces(
  payload: Payload,
  activity: Id,
  capacity: number,
  req?: Partial<PayloadRequest>,
): Promise<void> {
  const { docs } = await payload.find({
    collection: PLACES,
    where: { activity: { equals: activity } },
    overrideAccess: true,
    depth: 0,
    limit: 1,
    req,
  })
  if (!docs.length) {
    await payload.create({
      collection: PLACES,
      data: { activity: activity as number, capacity, booked: 0 },
      overrideAccess: true,
      req,
    })
    return
  }
  if (docs[0].capacity === capacity) return
  if (isMongo(payload)) {
    await model(payload, PLACES).updateOne(
      { activity: mongoId(payload, activity) },
      { $set: { capacity } },
      { session: await session(payload, req) },
    )
    return
  }
  const db = await sqlDb(payload, req)
  await db.run(sql`UPDATE activity_places SET capacity = ${capacity} WHERE activity_id = ${Number(activity)}`)
}

/** Booked and capacity of each activity that has a counter, by activity id. */
export async function readPlaces(
  payload: Payload,
  ids?: Id[],
): Promise<Map<string, { capacity: number; booked: number }>> {
  const { docs } = await payload.find({
    collection: PLACES,
    where: ids ? { activity: { in: ids } } : {},
    overrideAccess: true,
    depth: 0,
    limit: 0,
    pagination: false,
  })
  return new Map(
    docs.map((d) => [
      String(typeof d.activity === 'object' ? d.activity.id : d.activity),
      { capacity: d.capacity ?? 0, booked: d.booked ?? 0 },
    ]),
  )
}
