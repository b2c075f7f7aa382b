import { pinyin } from 'pinyin-pro'

/**
 * Pinyin via pinyin-pro (maintained, dictionary-based, handles polyphonic surnames): hand-written
 * tables get 单/曾/解/仇/区 wrong, which is exactly what visitors search by.
 */

/** Syllables of a person's name, the first read as a surname: 单小明 → ['shan', 'xiao', 'ming']. */
function nameSyllables(name: string): string[] {
  return pinyin(name.trim(), { surname: 'head', toneType: 'none', type: 'array', v: true })
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter(Boolean)
}

/** Full pinyin of a name, syllables separated by spaces: 单小明 → "shan xiao ming". */
export function namePinyin(name: string): string {
  return nameSyllables(name).join(' ')
}

/** Initials of a name: 单小明 → "sxm". */
export function nameInitials(name: string): string {
  return nameSyllables(name)
    .map((s) => s[0])
    .join('')
}

/**
 * An ASCII slug from any text: Chinese becomes pinyin syllables, Latin letters and digits stay.
 * 加装电梯，群众点赞 2025 → "jia-zhuang-dian-ti-qun-zhong-dian-zan-2025". Truncated on a syllable
 * boundary at `maxLength` so URLs stay readable.
 */
export function slugify(text: string, options: { asName?: boolean; maxLength?: number } = {}): string {
  const maxLength = options.maxLength ?? 60
  // Names read as surname + given name: 单小明 → shan-xiaoming (as the seed content writes them).
  const syllables = options.asName ? nameSyllables(text) : []
  const words = options.asName
    ? [syllables[0] ?? '', syllables.slice(1).join('')].filter(Boolean)
    : pinyin(text.normalize('NFKC'), { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
        .flatMap((chunk) => chunk.toLowerCase().split(/[^a-z0-9]+/))
        .filter(Boolean)
  let slug = ''
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word
    if (next.length > maxLength) break
    slug = next
  }
  return slug || words.join('-').slice(0, maxLength)
}
