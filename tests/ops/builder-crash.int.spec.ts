import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { afterAll, describe, expect, inject, it } from 'vitest'

import { ROOT, scratchDir } from '../../cms/index.ts'
import { buildSite } from '../../scripts/lib/site-build.ts'

/**
 * Issue 13, item 3: a site build killed with SIGKILL (an OOM kill, a power cut) leaves its build folder in
 * Astro's cache, and nothing of it may stand in the way of the next build, which removes it.
 * The served site is never touched by a build (the rebuild worker builds into a fresh folder and serves
 * the last good one; tests/e2e/publish.e2e.spec.ts checks that on a failing build).
 */
const dataDir = inject('siteDataDir')
const env = {
  DATA_DIR: dataDir,
  DATABASE_URI: `file:${path.join(dataDir, 'cms.db')}`,
  PAYLOAD_SECRET: 'builder-crash-test',
  ASTRO_TELEMETRY_DISABLED: '1',
}
const scratch = scratchDir('minhu-builder-crash-')
const cacheDir = path.join(scratch, 'cache')
const buildDirs = () =>
  fs.existsSync(cacheDir) ? fs.readdirSync(cacheDir).filter((f) => f.startsWith('build-')) : []

afterAll(() => {
  fs.rmSync(scratch, { recursive: true, force: true })
})

describe('a build killed mid-way', () => {
  it('leaves a build folder that the next build removes, and the next build succeeds', async () => {
    const killedOut = path.join(scratch, 'killed')
    const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'astro'), ['build'], {
      cwd: ROOT,
      env: {
        ...process.env,
        ...env,
        SITE_OUT_DIR: killedOut,
        SITE_CACHE_DIR: cacheDir,
        PATH: `${path.join(ROOT, 'node_modules', '.bin')}:${process.env.PATH}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString()
        // The plan is made and the index worker started: the build folder is in use.
        if (/plan: full build/.test(output)) {
          child.kill('SIGKILL')
          resolve()
        }
      }
      child.stdout!.on('data', onData)
      child.stderr!.on('data', onData)
      child.on('exit', () =>
        reject(new Error(`the build ended before it could be killed:\n${output.slice(-2000)}`)),
      )
    })
    await new Promise((r) => child.once('exit', r))
    expect(buildDirs()).toEqual([expect.stringMatching(new RegExp(`^build-${child.pid}-`))])
    expect(fs.existsSync(path.join(killedOut, 'index.html'))).toBe(false)

    const lines: string[] = []
    const out = path.join(scratch, 'next')
    await buildSite({ outDir: out, env: { ...env, SITE_CACHE_DIR: cacheDir }, log: (l) => lines.push(l) })
    expect(lines.join('\n')).toContain('removed 1 build folders left by builds that were killed')
    expect(fs.existsSync(path.join(out, 'index.html'))).toBe(true)
    expect(fs.existsSync(path.join(out, 'pagefind', 'pagefind-entry.json'))).toBe(true)
    expect(buildDirs()).toEqual([])
  }, 300_000)
})
