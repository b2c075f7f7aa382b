import { spawn } from 'node:child_process'
import path from 'node:path'

import { describe, expect, it } from 'vitest'

import { ROOT } from '../../cms/index.ts'
import { SharedWindow } from '../../cms/messages/rate-limit.ts'
import { useThrowawayCms } from '../helpers/cms.ts'

/**
 * The message limits live in the database (issue 13): every CMS process behind a load balancer shares
 * one count, exactly, and a restart forgets nothing.
 */
const local = useThrowawayCms()

describe('a shared window', () => {
  it('allows max hits per window, then tells how long to wait; other keys are not affected', async () => {
    const window = new SharedWindow('unit', { max: 2, windowMs: 60_000 })
    expect((await window.take(local.payload, 'a', 0)).ok).toBe(true)
    expect((await window.take(local.payload, 'a', 10_000)).ok).toBe(true)
    const third = await window.take(local.payload, 'a', 20_000)
    expect(third).toEqual({ ok: false, retryAfterMs: 40_000 })
    expect((await window.take(local.payload, 'b', 20_000)).ok).toBe(true)
    // The first hit left the window: one place is free again, and only one.
    expect((await window.take(local.payload, 'a', 60_001)).ok).toBe(true)
    expect((await window.take(local.payload, 'a', 60_002)).ok).toBe(false)
  })

  it('gives a place back when the hit did not count', async () => {
    const window = new SharedWindow('release', { max: 1, windowMs: 60_000 })
    const first = await window.take(local.payload, 'k')
    if (!first.ok) throw new Error('the first hit was refused')
    expect((await window.take(local.payload, 'k')).ok).toBe(false)
    await first.release()
    expect((await window.take(local.payload, 'k')).ok).toBe(true)
  })

  it('keeps no address or phone number: keys are stored as hashes', async () => {
    const window = new SharedWindow('privacy', { max: 5, windowMs: 60_000 })
    await window.take(local.payload, '13912345678')
    const { docs } = await local.payload.find({ collection: 'rate-slots', overrideAccess: true, limit: 0 })
    expect(JSON.stringify(docs)).not.toContain('13912345678')
  })

  it('lets exactly max of a burst through, the burst split between two processes on one database', async () => {
    const MAX = 7
    const EACH = 20
    const other = spawn(
      path.join(ROOT, 'node_modules', '.bin', 'tsx'),
      ['tests/helpers/take-places.ts', 'burst', String(MAX), String(EACH)],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          DATABASE_URI: local.cms.databaseUri,
          DATA_DIR: local.cms.dataDir,
        },
        stdio: ['pipe', 'pipe', 'inherit'],
      },
    )
    let output = ''
    other.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    await new Promise<void>((resolve, reject) => {
      const wait = setInterval(() => output.includes('ready') && (clearInterval(wait), resolve()), 50)
      other.once('exit', (code) => reject(new Error(`the other process ended (${code}): ${output}`)))
    })
    const window = new SharedWindow('burst', { max: MAX, windowMs: 3_600_000 })
    other.stdin!.write('go\n')
    const mine = await Promise.all(Array.from({ length: EACH }, () => window.take(local.payload, 'one-key')))
    await new Promise((resolve) => other.once('exit', resolve))
    const theirs = Number(/taken (\d+)/.exec(output)?.[1])
    const ours = mine.filter((t) => t.ok).length
    console.log(`rate limit: ${ours} places taken here, ${theirs} in the other process, limit ${MAX}`)
    expect(ours + theirs).toBe(MAX)
  }, 120_000)
})
