import os from 'node:os'

import type { Payload } from 'payload'

import { refusedAsTaken } from '../lib/unique.ts'

const COLLECTION = 'leases'

/** This process, as leases and build records name it. */
export const processName = () => `${os.hostname()}:${process.pid}`

/**
 * A lease on a named job that one process at a time may do, kept in the database so processes on one
 * machine or several agree. `hold()` takes the lease when it is free or expired and renews it when this
 * holder has it; the holder must call it again well before `ttlMs` passes, or another process may take
 * over (a holder that was killed frees the lease that way). Creating the lease's document is the claim:
 * the unique index on its name lets exactly one of two claimants succeed.
 */
export class Lease {
  constructor(
    private readonly payload: Payload,
    readonly name: string,
    readonly holder: string = processName(),
    readonly ttlMs = 20_000,
  ) {}

  /** True while this holder has the lease (taken or renewed now). */
  async hold(now = Date.now()): Promise<boolean> {
    const expiresAt = now + this.ttlMs
    const renewed = await this.payload.update({
      collection: COLLECTION,
      where: { and: [{ name: { equals: this.name } }, { holder: { equals: this.holder } }] },
      data: { expiresAt },
      overrideAccess: true,
      depth: 0,
    })
    if (renewed.docs.length > 0) return true
    const { docs } = await this.payload.find({
      collection: COLLECTION,
      where: { name: { equals: this.name } },
      overrideAccess: true,
      depth: 0,
      limit: 1,
    })
    const current = docs[0]
    if (current && current.expiresAt > now) return false
    if (current)
      await this.payload.db.deleteMany({
        collection: COLLECTION,
        where: {
          and: [
            { name: { equals: this.name } },
            { holder: { equals: current.holder } },
            { expiresAt: { less_than_equal: now } },
          ],
        },
      })
    try {
      await this.payload.create({
        collection: COLLECTION,
        data: { name: this.name, holder: this.holder, expiresAt },
        overrideAccess: true,
        depth: 0,
      })
      return true
    } catch (error) {
      if (refusedAsTaken(error, 'name')) return false
      throw error
    }
  }

  /** Gives the lease up (a clean stop), so a standby need not wait for it to expire. */
  async release(): Promise<void> {
    await this.payload.db.deleteMany({
      collection: COLLECTION,
      where: { and: [{ name: { equals: this.name } }, { holder: { equals: this.holder } }] },
    })
  }

  /** Who holds the lease now, if anyone (an expired one counts as nobody). */
  async holderNow(now = Date.now()): Promise<string | null> {
    const { docs } = await this.payload.find({
      collection: COLLECTION,
      where: { and: [{ name: { equals: this.name } }, { expiresAt: { greater_than: now } }] },
      overrideAccess: true,
      depth: 0,
      limit: 1,
    })
    return docs[0]?.holder ?? null
  }
}
