/** The id a relationship field holds, whether read as an id (depth 0) or as the related document. */
export const relationId = (value: unknown): string | number | null | undefined =>
  value && typeof value === 'object'
    ? (value as { id?: string | number }).id
    : (value as string | number | null | undefined)
