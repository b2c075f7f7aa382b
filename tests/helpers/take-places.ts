/**
 * Run as a script (tsx) by tests/int/rate-limit.int.spec.ts: another process on the same database takes
 * `count` places of one shared window at once and prints how many it got. Env: DATABASE_URI, DATA_DIR,
 * PAYLOAD_SECRET; argv: <name> <max> <count>.
 */
import { openPayload } from '../../cms/local.ts'
import { SharedWindow } from '../../cms/messages/rate-limit.ts'

const [name, max, count] = process.argv.slice(2)
const payload = await openPayload()
const window = new SharedWindow(name, { max: Number(max), windowMs: 3_600_000 })
// Start together with the test's own burst: it waits for this line.
console.log('ready')
await new Promise((resolve) => process.stdin.once('data', resolve))
const results = await Promise.all(
  Array.from({ length: Number(count) }, () => window.take(payload, 'one-key')),
)
console.log(`taken ${results.filter((r) => r.ok).length}`)
await payload.destroy()
process.exit(0)
