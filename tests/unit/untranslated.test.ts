import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { ROOT } from '../../cms/paths.ts'
import { applyTranslations, filesOf } from '../../scripts/untranslated.mjs'

/**
 * The English strings Payload writes into the admin without a translation key are replaced at install
 * time (cms/i18n/untranslated.json, scripts/untranslated.mjs). Each must be where the list says: after
 * a Payload upgrade that moved one, this fails instead of the admin quietly showing English again.
 */

const { replacements } = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'cms', 'i18n', 'untranslated.json'), 'utf8'),
) as { replacements: { file: string; en: string; zh: string }[] }

describe('untranslated admin strings', () => {
  it.each(replacements.map((r) => [r.en, r] as const))('%s is Chinese in the installed package', (_, r) => {
    const files = filesOf(r.file).map((f) => fs.readFileSync(f, 'utf8'))
    expect(
      files.some((text) => text.includes(r.zh)),
      `${r.zh} in ${r.file} (run npm ci)`,
    ).toBe(true)
    expect(files.some((text) => text.includes(r.en))).toBe(false)
  })

  it('replaces exactly the listed literals, and a second run changes nothing', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'untranslated-'))
    try {
      for (const r of replacements) {
        const file = path.join(root, 'node_modules', r.file.endsWith('/') ? `${r.file}x.js` : r.file)
        fs.mkdirSync(path.dirname(file), { recursive: true })
        const before = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : 'const other = "Add block?";\n'
        fs.writeFileSync(file, `${before}f(${r.en})\n`)
      }
      expect(applyTranslations(root)).toEqual([])
      const snapshot = (r: (typeof replacements)[number]) =>
        fs.readFileSync(
          path.join(root, 'node_modules', r.file.endsWith('/') ? `${r.file}x.js` : r.file),
          'utf8',
        )
      for (const r of replacements) {
        expect(snapshot(r)).toContain(`f(${r.zh})`)
        expect(snapshot(r)).not.toContain(r.en)
      }
      const once = replacements.map(snapshot)
      applyTranslations(root)
      expect(replacements.map(snapshot)).toEqual(once)
      expect(snapshot(replacements[0])).toContain('"Add block?"')
    } finally {
      fs.rmSync(root, { recursive: true, force: true })
    }
  })
})
