/** `npm run seed`: loads content/ into the CMS database. Safe to run again: it only adds what is missing. */
import { openPayload, seed } from '../cms/index.ts'

try {
  const payload = await openPayload()
  await seed(payload, { log: (line) => console.log(line) })
  await payload.destroy()
  process.exitCode = 0
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error))
  process.exitCode = 1
}
process.exit()
