import {
  APIError,
  type Access,
  type CollectionBeforeChangeHook,
  type CollectionSlug,
  type Config,
  type PayloadRequest,
  type Where,
} from 'payload'

import { roleOf } from './index.ts'
import { relationId as idOf } from '../lib/relation-id.ts'

/**
 * 按街道分工: an editor or reviewer whose account names streets or stations (users → 负责范围) sees and
 * edits only the content, messages and bookings of those; admins, and staff with neither, the whole district.
 * News, lectures and consultations are district-wide and stay open to all staff (docs/decisions.md).
 */

export interface StaffScope {
  streets: string[]
  stations: (string | number)[]
}

const ids = (list: unknown): (string | number)[] =>
  Array.isArray(list)
    ? list
        .map((v) =>
          v && typeof v === 'object' ? (v as { id?: string | number }).id : (v as string | number),
        )
        .filter((v): v is string | number => v !== undefined && v !== null)
    : []

/** The user's scope, or null when they see the whole district. */
export function scopeOf(req: PayloadRequest): StaffScope | null {
  const role = roleOf(req)
  if (role !== 'editor' && role !== 'reviewer') return null
  const user = req.user as { streets?: unknown; stations?: unknown }
  const streets = Array.isArray(user.streets)
    ? (user.streets as unknown[]).filter((s): s is string => typeof s === 'string')
    : []
  const stations = ids(user.stations)
  return streets.length || stations.length ? { streets, stations } : null
}

/** How a collection's documents belong to a street or station. */
export interface ScopePaths {
  /** The document's street field. */
  street?: string
  /** The document's station relationship (or `id` for stations themselves). */
  station?: string
}

/** The stations in the scope: those named, and those in the streets named. */
async function stationsIn(req: PayloadRequest, scope: StaffScope): Promise<(string | number)[]> {
  if (!scope.streets.length) return scope.stations
  const inStreets = await req.payload.find({
    collection: 'stations',
    where: { street: { in: scope.streets } },
    depth: 0,
    limit: 0,
    pagination: false,
    draft: true,
    overrideAccess: true,
    req,
  })
  return [...new Set([...scope.stations, ...inStreets.docs.map((d) => d.id)])]
}

/** The query that keeps a scoped user to their streets and stations in one collection. */
export async function scopeWhere(req: PayloadRequest, scope: StaffScope, paths: ScopePaths): Promise<Where> {
  const or: Where[] = []
  if (paths.street && scope.streets.length) or.push({ [paths.street]: { in: scope.streets } })
  if (paths.station) {
    const stations = paths.street ? scope.stations : await stationsIn(req, scope)
    if (stations.length) or.push({ [paths.station]: { in: stations } })
  }
  // Nothing of theirs: a query that matches nothing rather than everything.
  return or.length ? { or } : { id: { equals: -1 } }
}

const combine = (base: boolean | Where, scope: Where): boolean | Where =>
  base === false ? false : base === true ? scope : { and: [base, scope] }

/** Narrows one access function to the user's scope (unchanged for everyone unscoped). */
export const withinScope =
  (base: Access, paths: ScopePaths): Access =>
  async (args) => {
    const allowed = await base(args)
    const scope = scopeOf(args.req)
    if (!scope || !allowed) return allowed
    return combine(allowed, await scopeWhere(args.req, scope, paths))
  }

/** A scoped user saves only documents inside their scope (a new case filed under another street is refused). */
export const scopeBeforeChange =
  (paths: ScopePaths): CollectionBeforeChangeHook =>
  async ({ data, originalDoc, req }) => {
    const scope = scopeOf(req)
    if (!scope || req.context?.seed) return data
    const pick = (path?: string) =>
      path && !path.includes('.') ? (data[path] !== undefined ? data[path] : originalDoc?.[path]) : undefined
    const street = pick(paths.street) as string | undefined
    const station = paths.station === 'id' ? originalDoc?.id : idOf(pick(paths.station))
    // Relationship paths (a booking's activity's station) are kept by read/update access alone.
    if (paths.station?.includes('.')) return data
    if (street && scope.streets.includes(street)) return data
    if (station !== undefined && station !== null) {
      const stations = await stationsIn(req, scope)
      if (stations.some((s) => String(s) === String(station))) return data
    }
    throw new APIError(
      '这条内容不在您负责的街道或实践站范围内，不能保存。如需调整负责范围，请联系管理员。',
      403,
      null,
      true,
    )
  }

/**
 * Applies the scopes: read, update and delete of each named collection narrowed by its paths; saves are
 * checked on the data (`scopeBeforeChange`), so a scoped editor cannot file a case under another street.
 */
export const staffScopes =
  (collections: Partial<Record<CollectionSlug, ScopePaths>>) =>
  (config: Config): Config => ({
    ...config,
    collections: (config.collections ?? []).map((collection) => {
      const paths = collections[collection.slug as CollectionSlug]
      if (!paths) return collection
      const access = collection.access ?? {}
      const hooks = collection.hooks ?? {}
      return {
        ...collection,
        access: {
          ...access,
          ...(access.read ? { read: withinScope(access.read, paths) } : {}),
          ...(access.update ? { update: withinScope(access.update, paths) } : {}),
          ...(access.delete ? { delete: withinScope(access.delete, paths) } : {}),
        },
        hooks: { ...hooks, beforeChange: [...(hooks.beforeChange ?? []), scopeBeforeChange(paths)] },
      }
    }),
  })
