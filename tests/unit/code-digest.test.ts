import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { ROOT } from '../../cms/index.ts'
import { CODE_FOLDERS } from '../../site/build/code-digest.ts'

/**
 * The code digest (site/build/code-digest.ts) decides whether the next build may reuse unchanged pages.
 * It hashes whole folders, so it sees every change only if the site's code imports nothing outside
 * them. This reads every import of site/ and checks where it lands.
 */
const sources = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name)
    return entry.isDirectory() ? sources(file) : /\.(ts|astro|mjs)$/.test(entry.name) ? [file] : []
  })

/** Value imports (type-only ones leave nothing in the build): static, re-exports and dynamic. */
const importsOf = (text: string): string[] =>
  [
    ...text.matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm),
    ...text.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g),
  ].map((m) => m[1])

/** Reading the CMS shapes data, and the data is digested per page: this is the one way out. */
const DATA_SOURCE = path.join(ROOT, 'cms', 'index.ts')

describe('the code digest', () => {
  it('covers every file the site imports (package imports aside)', () => {
    const outside: string[] = []
    for (const file of [...sources(path.join(ROOT, 'site')), path.join(ROOT, 'astro.config.mjs')]) {
      for (const spec of importsOf(fs.readFileSync(file, 'utf8'))) {
        if (!spec.startsWith('.')) continue // a package: package-lock.json is in the digest
        const target = path.resolve(path.dirname(file), spec)
        const folder = path.relative(ROOT, target).split(path.sep)[0]
        if (target === DATA_SOURCE && file.startsWith(path.join(ROOT, 'site', 'loaders'))) continue
        if (!(CODE_FOLDERS as readonly string[]).includes(folder))
          outside.push(`${path.relative(ROOT, file)} → ${spec}`)
      }
    }
    expect(outside).toEqual([])
  })

  it('reads imports the way the check above relies on', () => {
    const text = [
      "import a from '../x.ts'",
      "import type { B } from '../../cms/index.ts'",
      "export { c } from './c.ts'",
      "const d = await import('../../cms/index.ts')",
      "import './side-effect.css'",
    ].join('\n')
    expect(importsOf(text)).toEqual(['../x.ts', './c.ts', './side-effect.css', '../../cms/index.ts'])
  })
})
