import { runTool } from '../../cms/index.ts'

/**
 * Runs `astro build` (CMS read → pages → media → search index) into `outDir`, printing Astro's own
 * progress lines through `log`. Environment (DATABASE_URI, DATA_DIR) decides which CMS is read.
 */
export function buildSite(options: {
  outDir?: string
  /** A previous build to reuse unchanged pages and the search index from (see site/build/plan.ts). */
  base?: string
  env?: Record<string, string | undefined>
  log?: (line: string) => void
}): Promise<void> {
  const log = options.log ?? (() => {})
  return runTool('astro', ['build'], {
    env: {
      ...options.env,
      ...(options.outDir ? { SITE_OUT_DIR: options.outDir } : {}),
      ...(options.base ? { SITE_BASE_DIR: options.base } : {}),
      ASTRO_TELEMETRY_DISABLED: '1',
    },
    failure: 'site: astro build failed',
    // Astro lists every page; pass on its tagged stage lines ([build], [content], …) only.
    onLine: (line) => {
      const tagged = line.match(/\[[\w@/.-]+\].*$/)
      if (tagged) log(tagged[0].trimEnd())
    },
  })
}
