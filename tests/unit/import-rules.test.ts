import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'

import { afterEach, describe, expect, it } from 'vitest'

import { ROOT, scratchDir } from '../../cms/index.ts'

/**
 * The layer rules (.dependency-cruiser.cjs) hold: the real tree passes `npm run lint:imports`, and the same
 * command fails, naming the rule, on forbidden imports planted in a copy of the layout (planting them in the
 * tree itself would change the site's code digest under builds that other test files run at the same time).
 */
const run = promisify(execFile)
let mirror = ''
afterEach(() => {
  if (mirror) fs.rmSync(mirror, { recursive: true, force: true })
})

/** Runs the `lint:imports` script of package.json, exactly as `npm run lint` does. */
async function lintImports(cwd = ROOT): Promise<{ code: number; output: string }> {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>
  }
  const env = { ...process.env, PATH: `${path.join(ROOT, 'node_modules', '.bin')}:${process.env.PATH}` }
  try {
    const { stdout, stderr } = await run('sh', ['-c', pkg.scripts['lint:imports']], { cwd, env })
    return { code: 0, output: stdout + stderr }
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string }
    return { code: e.code ?? 1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` }
  }
}

describe('import rules in npm run lint', () => {
  it('the tree as committed has no violations', async () => {
    const { code, output } = await lintImports()
    expect(output).toContain('no dependency violations')
    expect(code).toBe(0)
  }, 60_000)

  it('fails on a page-side script that reaches into the CMS, a vocabulary module using Node, a cycle and a tool past the site entry', async () => {
    mirror = scratchDir('minhu-import-rules-')
    const files: Record<string, string> = {
      '.dependency-cruiser.cjs': fs.readFileSync(path.join(ROOT, '.dependency-cruiser.cjs'), 'utf8'),
      'tsconfig.json': JSON.stringify({
        compilerOptions: { module: 'ESNext', moduleResolution: 'bundler', allowImportingTsExtensions: true },
      }),
      'cms/index.ts': 'export const entry = 1\n',
      'cms/payload.config.ts': 'export default {}\n',
      // Forbidden: a browser script reaching past the CMS entry.
      'site/scripts/planted.ts': "import config from '../../cms/payload.config.ts'\nexport default config\n",
      // Forbidden: Node in the vocabulary.
      'vocabulary/planted.ts': "import fs from 'node:fs'\nexport const read = fs.readFileSync\n",
      // Forbidden: a cycle.
      'site/lib/a.ts': "import { b } from './b.ts'\nexport const a = () => b\n",
      'site/lib/b.ts': "import { a } from './a.ts'\nexport const b = () => a\n",
      // Allowed: the entry, and the vocabulary.
      'site/lib/ok.ts': "import { entry } from '../../cms/index.ts'\nexport const ok = entry\n",
      'bench/x.ts': 'export {}\n',
      // Forbidden: a tool reaching past the site's entry; allowed: the entry.
      'site/index.ts': 'export const site = 1\n',
      'site/build/plan.ts': 'export const plan = 1\n',
      'scripts/planted.ts': "import { plan } from '../site/build/plan.ts'\nexport default plan\n",
      'scripts/ok.ts': "import { site } from '../site/index.ts'\nexport default site\n",
    }
    for (const [file, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(mirror, file)), { recursive: true })
      fs.writeFileSync(path.join(mirror, file), text)
    }
    for (const dir of ['content', 'tests']) fs.mkdirSync(path.join(mirror, dir), { recursive: true })
    const { code, output } = await lintImports(mirror)
    expect(code).not.toBe(0)
    expect(output).toMatch(/site-views-use-site-and-vocabulary: site\/scripts\/planted\.ts/)
    expect(output).toMatch(/only-through-the-cms-entry: site\/scripts\/planted\.ts/)
    expect(output).toMatch(/vocabulary-is-pure: vocabulary\/planted\.ts/)
    expect(output).toMatch(/no-cycles: site\/lib\/[ab]\.ts/)
    expect(output).toMatch(/tools-reach-the-site-through-its-entry: scripts\/planted\.ts/)
    expect(output).not.toMatch(/site\/lib\/ok\.ts|scripts\/ok\.ts/)
  }, 60_000)
})
