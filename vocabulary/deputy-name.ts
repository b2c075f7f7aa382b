/**
 * How a deputy is named wherever two people could share a name: 姓名（街道 · 层级）, e.g.
 * 张伟（奎山街道 · 区人大代表）. The admin's pickers and lists (the deputies' stored `displayName`) and
 * the site's search results use it, so the two 张伟 of the seed are never shown alike. Pure.
 */
import { DEPUTY_LEVELS, labelOf, STREETS } from './options.ts'

/** 姓名（街道 · 层级） from the labels; parts that are missing are left out. */
export function deputyTitle(name: string, streetLabel?: string | null, levelLabel?: string | null): string {
  const parts = [streetLabel, levelLabel].filter(Boolean)
  return parts.length ? `${name}（${parts.join(' · ')}）` : name
}

/** The same from the stored keys (street and level values). */
export function deputyDisplayName(deputy: {
  name: string
  street?: string | null
  level?: string | null
}): string {
  return deputyTitle(
    deputy.name,
    deputy.street ? labelOf(STREETS, deputy.street as (typeof STREETS)[number]['value']) : null,
    deputy.level ? labelOf(DEPUTY_LEVELS, deputy.level as (typeof DEPUTY_LEVELS)[number]['value']) : null,
  )
}
