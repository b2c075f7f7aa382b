/** Types of scripts/payload-fixes.mjs (plain JavaScript: it runs at install time). */
import type { Replacement } from './untranslated.mjs'

export const fixes: (Replacement & { name: string })[]
export function applyPayloadFixes(root?: string): string[]
