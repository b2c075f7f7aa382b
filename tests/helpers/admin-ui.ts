import type { Browser, BrowserContextOptions, Page, Request } from 'playwright-core'

/**
 * Payload's edit form asks the server for its state after each change: 250 ms after the last change it
 * sends the whole form as a Next.js server action (a POST with a `next-action` header) and merges the
 * answer. What a spec does while such an answer is on its way can be lost (see `addFirstRow`), so the
 * admin's pages are opened with `openAdminPage`, which watches those requests, and a spec waits for
 * `formSettled` before the steps that race with them.
 */
const formRequests = new WeakMap<Page, { inFlight: Set<Request>; lastActivity: number }>()

/** A new tab for the admin whose form requests `formSettled` can wait for. */
export async function openAdminPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, ...options })
  const state = { inFlight: new Set<Request>(), lastActivity: Date.now() }
  formRequests.set(page, state)
  page.on('request', (request) => {
    if (request.method() !== 'POST' || !request.headers()['next-action']) return
    state.inFlight.add(request)
    state.lastActivity = Date.now()
  })
  const done = (request: Request) => {
    if (state.inFlight.delete(request)) state.lastActivity = Date.now()
  }
  page.on('requestfinished', done)
  page.on('requestfailed', done)
  return page
}

/**
 * Waits until the form has no request on its way and has sent none for `quietMs` (longer than the
 * form's 250 ms debounce, so a change just made has had its chance to send one).
 */
export async function formSettled(page: Page, { quietMs = 700, timeout = 90_000 } = {}): Promise<void> {
  const state = formRequests.get(page)
  if (!state)
    throw new Error('formSettled: open the page with openAdminPage so its form requests are watched')
  const deadline = Date.now() + timeout
  while (state.inFlight.size > 0 || Date.now() - state.lastActivity < quietMs) {
    if (Date.now() > deadline)
      throw new Error(`formSettled: the admin form was still talking to the server after ${timeout} ms`)
    await page.waitForTimeout(100)
  }
}

/**
 * Adds the first row of an empty array field in Payload's admin and waits for its fields, as a person
 * would. 添加 adds the row at once, as a loading placeholder; its fields arrive with the next form-state
 * answer (slow on a loaded machine). The form is let settle first: a row added while the answer to an
 * earlier change was on its way stayed a placeholder for good until scripts/payload-fixes.mjs, and such
 * an answer has dropped a new row too (seen once in CI), so this clicks again only when there is no row:
 * a second click while the row is loading would leave an empty second row that the save refuses.
 * `array` is the field's path (`replies`), `firstField` the id of a field in the row
 * (`#field-replies__0__by`).
 */
export async function addFirstRow(
  page: Page,
  { array, button, firstField }: { array: string; button: string; firstField: string },
  timeout = 90_000,
): Promise<void> {
  const field = page.locator(firstField)
  const deadline = Date.now() + timeout
  await formSettled(page)
  while (!(await field.isVisible())) {
    if (Date.now() > deadline)
      throw new Error(`${button} gave no row with ${firstField} within ${timeout} ms`)
    if ((await page.locator(`#${array}-row-0`).count()) === 0)
      await page.getByRole('button', { name: button }).click()
    await field.waitFor({ timeout: 15_000 }).catch(() => {})
  }
}
