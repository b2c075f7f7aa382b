import fs from 'node:fs'
import { createRequire } from 'node:module'

import type { Page } from 'playwright-core'

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

interface Violation {
  id: string
  impact: string
  help: string
  nodes: { target: string[] }[]
}

/**
 * axe-core's WCAG 2.1 A and AA rules on what the page shows now, one line per violation (`label` first).
 * The page must run scripts: audit a no-JavaScript answer by loading its HTML into such a page.
 */
export async function axeViolations(
  page: Page,
  label: string,
  /** Rules beyond WCAG 2.1 AA to run too, e.g. `color-contrast-enhanced` (7:1, AAA) for 长者模式. */
  extraRules: string[] = [],
): Promise<string[]> {
  // Evaluated rather than added as an inline <script>: the site's CSP (rightly) refuses inline scripts.
  await page.evaluate(axeSource)
  const violations = (await page.evaluate(async (extra) => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: Document, opts: object) => Promise<{ violations: unknown[] }> }
      }
    ).axe
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      rules: Object.fromEntries(extra.map((id) => [id, { enabled: true }])),
    })
    return result.violations
  }, extraRules)) as Violation[]
  return violations.map(
    (v) =>
      `${label}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(', ')}`,
  )
}
