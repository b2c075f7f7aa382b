/**
 * Whether a create was refused by the unique index on `field` (Payload's ValidationError names the field,
 * on SQLite and MongoDB alike): how the rate-limit places and the leases learn that another process
 * claimed the same name a moment earlier.
 */
export function refusedAsTaken(error: unknown, field: string): boolean {
  const errors = (error as { data?: { errors?: { path?: string }[] } }).data?.errors
  return Boolean(errors?.some((e) => e.path === field))
}
