/**
 * 朗读 (read aloud) on article pages, with the browser's own speech synthesis (Web Speech API) in
 * zh-CN: no third party, no network. 朗读全文 reads the article's text block by block, marks the block
 * being read, and offers 暂停/继续 and 停止; once reading has started, a click on a paragraph reads from
 * there (指读). Where the browser has no Chinese voice the control says so instead of failing silently.
 * The control is made here: without JavaScript there is nothing it could do, so the page has none.
 */

const BLOCKS = 'h1, h2, h3, h4, p, li, dt, dd, blockquote, figcaption, td'
const NO_VOICE =
  '这台设备的浏览器没有中文朗读语音，暂时不能朗读。可以在手机“设置”里添加中文语音，或使用系统自带的屏幕朗读功能。'

/** The readable blocks of the article: text of its own, innermost first, never the control itself. */
function blocksOf(article: HTMLElement): HTMLElement[] {
  return [...article.querySelectorAll<HTMLElement>(BLOCKS)].filter(
    (el) =>
      !el.closest('.read-aloud, nav, form, .visually-hidden, [hidden], [aria-hidden="true"]') &&
      !el.querySelector(BLOCKS) &&
      (el.textContent ?? '').trim().length > 0,
  )
}

/** A Chinese voice, waiting briefly for the list (Chrome fills it after `voiceschanged`). */
async function chineseVoice(synth: SpeechSynthesis): Promise<SpeechSynthesisVoice | null> {
  const pick = () => {
    const voices = synth.getVoices()
    return (
      voices.find((v) => v.lang.replace('_', '-').toLowerCase() === 'zh-cn') ??
      voices.find((v) => v.lang.toLowerCase().startsWith('zh')) ??
      null
    )
  }
  if (synth.getVoices().length) return pick()
  await new Promise<void>((resolve) => {
    const done = () => resolve()
    synth.addEventListener('voiceschanged', done, { once: true })
    setTimeout(done, 1500)
  })
  return pick()
}

function button(label: string, className: string): HTMLButtonElement {
  const b = document.createElement('button')
  b.type = 'button'
  b.className = `button ${className}`
  b.textContent = label
  return b
}

export async function startReadAloud(): Promise<void> {
  const article = document.querySelector<HTMLElement>('main article')
  if (!article) return
  const blocks = blocksOf(article)
  if (!blocks.length) return

  const bar = document.createElement('div')
  bar.className = 'read-aloud'
  bar.setAttribute('role', 'group')
  bar.setAttribute('aria-label', '朗读')
  const start = button('朗读全文', 'read-start')
  const pause = button('暂停', 'button-outline read-pause')
  const stop = button('停止', 'button-outline read-stop')
  const status = document.createElement('p')
  status.className = 'read-status'
  status.setAttribute('role', 'status')
  pause.hidden = true
  stop.hidden = true
  bar.append(start, pause, stop, status)
  article.before(bar)

  const synth = 'speechSynthesis' in window ? window.speechSynthesis : null
  const voice = synth ? await chineseVoice(synth) : null
  if (!synth || !voice) {
    start.disabled = true
    status.textContent = NO_VOICE
    return
  }

  let current = -1
  /** Bumped on every new start or stop, so the events of an utterance cancelled by it are ignored. */
  let run = 0
  const mark = (index: number) => {
    for (const el of blocks) el.classList.remove('reading')
    if (index < 0) return
    blocks[index].classList.add('reading')
    blocks[index].scrollIntoView({ block: 'nearest' })
    status.textContent = `正在朗读第 ${index + 1} 段，共 ${blocks.length} 段。`
  }
  const finish = (text: string) => {
    run++
    current = -1
    synth.cancel()
    mark(-1)
    pause.hidden = true
    stop.hidden = true
    start.textContent = '朗读全文'
    status.textContent = text
    document.body.classList.remove('read-aloud-on')
  }
  const speak = (index: number, ofRun: number) => {
    if (ofRun !== run) return
    if (index >= blocks.length) return finish('已读完全文。')
    current = index
    mark(index)
    const utterance = new SpeechSynthesisUtterance(blocks[index].textContent!.trim())
    utterance.lang = 'zh-CN'
    utterance.voice = voice
    utterance.rate = 0.9
    utterance.onend = () => speak(index + 1, ofRun)
    utterance.onerror = (event) => {
      if (ofRun === run && event.error !== 'interrupted' && event.error !== 'canceled')
        finish('朗读出错了，请再点一次“朗读全文”。')
    }
    synth.speak(utterance)
  }
  const readFrom = (index: number) => {
    synth.cancel()
    run++
    pause.hidden = false
    stop.hidden = false
    pause.textContent = '暂停'
    start.textContent = '从头朗读'
    document.body.classList.add('read-aloud-on')
    speak(index, run)
  }

  start.addEventListener('click', () => readFrom(0))
  pause.addEventListener('click', () => {
    if (synth.paused) {
      synth.resume()
      pause.textContent = '暂停'
      status.textContent = `正在朗读第 ${current + 1} 段，共 ${blocks.length} 段。`
    } else {
      synth.pause()
      pause.textContent = '继续'
      status.textContent = `已暂停在第 ${current + 1} 段。`
    }
  })
  stop.addEventListener('click', () => finish('已停止朗读。'))
  // 指读: while reading (or paused), a click on a paragraph reads from there; links keep working.
  article.addEventListener('click', (event) => {
    if (current < 0) return
    const target = event.target as HTMLElement
    if (target.closest('a, button, input, select, textarea, video')) return
    const index = blocks.findIndex((el) => el.contains(target))
    if (index >= 0) readFrom(index)
  })
  // Leaving the page stops the voice (Chrome would otherwise keep reading the old page).
  addEventListener('pagehide', () => synth.cancel())
}
