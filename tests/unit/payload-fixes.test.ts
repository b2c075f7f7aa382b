import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { applyPayloadFixes, fixes } from '../../scripts/payload-fixes.mjs'
import { filesOf } from '../../scripts/untranslated.mjs'

/**
 * The fixes made to the installed Payload admin at install time (scripts/payload-fixes.mjs) are in the
 * package: after an upgrade that changed the code there, this fails instead of the admin quietly having
 * the bug again. What each fix does for editors is shown by the e2e test its comment names.
 */
describe('fixes to the installed Payload admin', () => {
  it.each(fixes.map((f) => [f.name, f] as const))('%s', (_, fix) => {
    const [text] = filesOf(fix.file).map((f) => fs.readFileSync(f, 'utf8'))
    expect(text, `${fix.file} is installed`).toBeDefined()
    expect(text.split(fix.to).length - 1, `${fix.name}: applied once (run npm ci)`).toBe(1)
    expect(text.includes(fix.from)).toBe(false)
  })

  it('applies each fix once, says which it cannot find, and a second run changes nothing', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'payload-fixes-'))
    try {
      const file = path.join(root, 'node_modules', fixes[0].file)
      fs.mkdirSync(path.dirname(file), { recursive: true })
      const original = `a();${fixes.map((f) => f.from).join(';b();')};c();`
      fs.writeFileSync(file, original)
      expect(applyPayloadFixes(root)).toEqual([])
      const once = fs.readFileSync(file, 'utf8')
      expect(once).toBe(`a();${fixes.map((f) => f.to).join(';b();')};c();`)
      expect(applyPayloadFixes(root)).toEqual([])
      expect(fs.readFileSync(file, 'utf8')).toBe(once)
      fs.writeFileSync(file, 'a();')
      expect(applyPayloadFixes(root)).toEqual(fixes.map((f) => `${f.file}: ${f.name}`))
    } finally {
      fs.rmSync(root, { recursive: true, force: true })
    }
  })
})
