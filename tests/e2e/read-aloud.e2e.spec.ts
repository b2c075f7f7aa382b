import fs from 'node:fs'
import path from 'node:path'

import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { useBuiltSite } from '../helpers/browser-site.ts'

/**
 * 朗读 on article pages. Headless Chromium has no voices and makes no sound, so an init script stands in
 * for `speechSynthesis` the way the Web Speech API behaves (a queue, onend, pause/resume/cancel) and
 * records every call: the test sees what would be spoken, in which order, and ends each utterance itself.
 */
const site = useBuiltSite()

/** Runs in the page before its scripts. `voices`: what getVoices() answers. */
function fakeSpeech(voices: { name: string; lang: string }[]) {
  type Utterance = { text: string; onend?: () => void; onerror?: (e: { error: string }) => void }
  const log = { spoken: [] as string[], calls: [] as string[] }
  let current: Utterance | null = null
  const queue: Utterance[] = []
  const next = () => {
    current = queue.shift() ?? null
  }
  const synth = Object.assign(new EventTarget(), {
    paused: false,
    get speaking() {
      return current !== null
    },
    getVoices: () => voices.map((v) => ({ ...v, voiceURI: v.name, default: true, localService: true })),
    speak(u: Utterance) {
      log.calls.push('speak')
      log.spoken.push(u.text)
      queue.push(u)
      if (!current) next()
    },
    cancel() {
      log.calls.push('cancel')
      const dropped = [current, ...queue.splice(0)]
      current = null
      for (const u of dropped) u?.onerror?.({ error: 'canceled' })
    },
    pause() {
      log.calls.push('pause')
      synth.paused = true
    },
    resume() {
      log.calls.push('resume')
      synth.paused = false
    },
  })
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true })
  // The real utterance accepts only a real voice; the stand-in keeps whatever it is given.
  class FakeUtterance {
    text: string
    lang = ''
    voice: unknown = null
    rate = 1
    constructor(text: string) {
      this.text = text
    }
  }
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance, configurable: true })
  Object.assign(window, {
    __speech: {
      log,
      /** The current utterance finishes. */
      end() {
        const done = current
        next()
        done?.onend?.()
      },
    },
  })
}

const articles = () =>
  fs
    .readdirSync(path.join(site.dist, 'news'), { withFileTypes: true })
    .filter((e) => e.isDirectory() && !['page', 'category'].includes(e.name))
    .map((e) => `/news/${e.name}/`)

let page: Page
const foreign: string[] = []
beforeAll(async () => {
  page = await site.browser.newPage()
  await page.addInitScript(fakeSpeech, [{ name: '中文（普通话）', lang: 'zh-CN' }])
  page.on('request', (req) => {
    if (!req.url().startsWith(site.url)) foreign.push(req.url())
  })
})
afterAll(async () => {
  await page?.close()
})

const log = () =>
  page.evaluate(
    () => (window as unknown as { __speech: { log: { spoken: string[]; calls: string[] } } }).__speech.log,
  )
const end = () => page.evaluate(() => (window as unknown as { __speech: { end: () => void } }).__speech.end())
const marked = () =>
  page.locator('main article .reading').evaluateAll((els) => els.map((el) => el.textContent!.trim()))

describe('朗读 (read aloud)', () => {
  it('reads the article in order with a zh-CN voice, marks the block, pauses, resumes, reads from a clicked paragraph, stops', async () => {
    const url = articles()[0]
    await page.goto(`${site.url}${url}`)
    const bar = page.getByRole('group', { name: '朗读' })
    await bar.getByRole('button', { name: '朗读全文' }).click()
    const blocks = await page.locator('main article').evaluate((article) =>
      [...article.querySelectorAll('h1, h2, h3, h4, p, li, dt, dd, blockquote, figcaption, td')]
        .filter((el) => !el.querySelector('h1, h2, h3, h4, p, li, dt, dd, blockquote, figcaption, td'))
        .map((el) => el.textContent!.trim())
        .filter(Boolean),
    )
    expect(blocks.length).toBeGreaterThan(3)
    await expect.poll(async () => (await log()).spoken).toEqual([blocks[0]])
    await expect(marked()).resolves.toEqual([blocks[0]])
    await expect(bar.getByRole('status').textContent()).resolves.toContain(`第 1 段，共 ${blocks.length} 段`)

    // Each utterance's end starts the next block, and the mark follows.
    await end()
    await end()
    await expect.poll(async () => (await log()).spoken).toEqual(blocks.slice(0, 3))
    await expect(marked()).resolves.toEqual([blocks[2]])

    await bar.getByRole('button', { name: '暂停' }).click()
    await expect(bar.getByRole('status').textContent()).resolves.toContain('已暂停')
    await bar.getByRole('button', { name: '继续' }).click()
    await expect.poll(async () => (await log()).calls.slice(-2)).toEqual(['pause', 'resume'])

    // 指读: a click on a later paragraph reads from there.
    const later = page.locator('main article .prose p').nth(1)
    const laterText = (await later.textContent())!.trim()
    await later.click()
    await expect.poll(async () => (await log()).spoken.at(-1)).toBe(laterText)
    await expect(marked()).resolves.toEqual([laterText])
    await end()
    const index = blocks.indexOf(laterText)
    await expect.poll(async () => (await log()).spoken.at(-1)).toBe(blocks[index + 1])

    await bar.getByRole('button', { name: '停止' }).click()
    await expect(marked()).resolves.toEqual([])
    await expect(bar.getByRole('button', { name: '暂停' }).isVisible()).resolves.toBe(false)
    expect((await log()).calls.at(-1)).toBe('cancel')
    // Nothing left the site: the browser's own voice, no third-party service.
    expect(foreign).toEqual([])
  })

  it('is on every kind of article page', async () => {
    const kinds = ['cases', 'lectures', 'deputies', 'stations']
    for (const kind of kinds) {
      const slug = fs
        .readdirSync(path.join(site.dist, kind), { withFileTypes: true })
        .find(
          (e) =>
            e.isDirectory() &&
            fs.existsSync(path.join(site.dist, kind, e.name, 'index.html')) &&
            !['category', 'street'].includes(e.name),
        )!.name
      await page.goto(`${site.url}/${kind}/${slug}/`)
      await expect(page.getByRole('button', { name: '朗读全文' }).isEnabled(), kind).resolves.toBe(true)
    }
  })

  it('says so where the browser has no Chinese voice', async () => {
    const p = await site.browser.newPage()
    await p.addInitScript(fakeSpeech, [{ name: 'English', lang: 'en-US' }])
    await p.goto(`${site.url}${articles()[0]}`)
    const start = p.getByRole('button', { name: '朗读全文' })
    await expect(start.isDisabled()).resolves.toBe(true)
    await expect(p.getByRole('group', { name: '朗读' }).getByRole('status').textContent()).resolves.toContain(
      '没有中文朗读语音',
    )
    await p.close()
  })
})
