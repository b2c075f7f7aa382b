import fs from 'node:fs'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { ROOT } from '../../cms/index.ts'
import { CSS_LAYER_ORDER } from '../../vocabulary/css.ts'

describe('the cascade layer order', () => {
  it('is the same in the stylesheet as in the statement pages put first in <head>', () => {
    const css = fs.readFileSync(path.join(ROOT, 'site', 'styles', 'global.css'), 'utf8')
    const statements = css.match(/^@layer [\w\s,]+;$/gm)
    expect(statements).toEqual([CSS_LAYER_ORDER])
  })
})
