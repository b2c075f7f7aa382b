/** Types of scripts/untranslated.mjs (plain JavaScript: it runs at install time). */
export function filesOf(where: string, root?: string): string[]
export interface Replacement {
  file: string
  from: string
  to: string
}
export function applyReplacements<T extends Replacement>(entries: T[], root?: string): T[]
export function applyTranslations(root?: string): string[]
