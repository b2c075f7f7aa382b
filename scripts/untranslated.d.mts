/** Types of scripts/untranslated.mjs (plain JavaScript: it runs at install time). */
export function filesOf(where: string, root?: string): string[]
export function applyTranslations(root?: string): string[]
