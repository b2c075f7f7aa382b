import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, inject } from 'vitest'

import { serveSite, type SiteServer } from '../../scripts/lib/site-server.ts'
import { launchBrowser } from '../../scripts/lib/browser.ts'
import { freePort } from './ports.ts'

/** A Chromium for one spec file: launched before its tests, closed after them. */
export function useBrowser(): { readonly browser: Browser } {
  let browser: Browser | undefined
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })
  return {
    get browser() {
      if (!browser) throw new Error('useBrowser: the browser is there only inside tests and hooks')
      return browser
    },
  }
}

/**
 * The built test site (one build per run, made by the global setup) served by the site server, and a
 * Chromium, for one spec file. `root` serves another folder instead (read per request, like a rebuild).
 */
export function useBuiltSite(options: { root?: () => string } = {}): {
  /** The built site's folder. */
  readonly dist: string
  /** Where it is served, e.g. http://127.0.0.1:41234 */
  readonly url: string
  readonly browser: Browser
} {
  const dist = inject('siteDir')
  const chromium = useBrowser()
  let server: SiteServer | undefined
  beforeAll(async () => {
    server = await serveSite({ root: options.root ?? (() => dist), port: await freePort() })
  })
  afterAll(async () => {
    await server?.close()
  })
  return {
    dist,
    get url() {
      if (!server) throw new Error('useBuiltSite: the server is there only inside tests and hooks')
      return server.url
    },
    get browser() {
      return chromium.browser
    },
  }
}
