import type { Page } from 'playwright-core'

/**
 * Adds the first row of an empty array field in Payload's admin and waits for its fields, as a person
 * would: 添加 adds the row at once and its fields arrive with the next form-state answer (slow on a loaded
 * machine). A form-state answer to an earlier change can drop the new row (seen once in CI), so this
 * clicks again only when there is no row: a second click while the row is loading would leave an empty
 * second row that the save refuses. `array` is the field's path (`replies`), `firstField` the id of a
 * field in the row (`#field-replies__0__by`).
 */
export async function addFirstRow(
  page: Page,
  { array, button, firstField }: { array: string; button: string; firstField: string },
  timeout = 90_000,
): Promise<void> {
  const field = page.locator(firstField)
  const deadline = Date.now() + timeout
  while (!(await field.isVisible())) {
    if (Date.now() > deadline)
      throw new Error(`${button} gave no row with ${firstField} within ${timeout} ms`)
    if ((await page.locator(`#${array}-row-0`).count()) === 0)
      await page.getByRole('button', { name: button }).click()
    await field.waitFor({ timeout: 15_000 }).catch(() => {})
  }
}
