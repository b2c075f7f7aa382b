/**
 * `npm ci` / `npm install` run this (postinstall): the few admin strings Payload writes in English with
 * no translation key (cms/i18n/untranslated.json: the bulk upload's toasts, the rich-text editor's
 * handles, the toasts' own labels) are replaced by their Chinese in the installed package files, so
 * the admin build (server and browser alike) carries them. Exact string literals only; running it again
 * changes nothing. Plain JavaScript, so it runs before any TypeScript tooling is installed.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const LIST = path.join(ROOT, 'cms', 'i18n', 'untranslated.json')

/** The installed files a replacement is for: one file, or every .js/.mjs file of a folder. */
export function filesOf(where, root = ROOT) {
  const full = path.join(root, 'node_modules', where)
  if (!where.endsWith('/')) return fs.existsSync(full) ? [full] : []
  if (!fs.existsSync(full)) return []
  return fs
    .readdirSync(full)
    .filter((name) => /\.m?js$/.test(name))
    .map((name) => path.join(full, name))
}

/**
 * Replaces `from` by `to` in each entry's installed files; returns the entries found in neither form
 * (the package changed there). Running it again changes nothing. scripts/payload-fixes.mjs uses it too.
 */
export function applyReplacements(entries, root = ROOT) {
  const missing = []
  for (const entry of entries) {
    let seen = false
    for (const full of filesOf(entry.file, root)) {
      const source = fs.readFileSync(full, 'utf8')
      if (source.includes(entry.from)) fs.writeFileSync(full, source.split(entry.from).join(entry.to))
      if (source.includes(entry.from) || source.includes(entry.to)) seen = true
    }
    if (!seen) missing.push(entry)
  }
  return missing
}

/** Applies the list; returns the replacements found in neither language (Payload changed there). */
export function applyTranslations(root = ROOT) {
  const { replacements } = JSON.parse(fs.readFileSync(LIST, 'utf8'))
  const entries = replacements.map(({ file, en, zh }) => ({ file, from: en, to: zh }))
  return applyReplacements(entries, root).map(({ file, from }) => `${file}: ${from}`)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const missing = applyTranslations()
  for (const line of missing) console.warn(`untranslated: not found (Payload changed?): ${line}`)
}
