/**
 * 您是不是要找: when a query finds nothing, usually one wrong character is to blame (加装电悌, 停车南).
 * Its shorter parts, longest first, are what the search page tries next; pure, so it is unit-tested.
 */

const HAN = /\p{Script=Han}/u

/**
 * The contiguous parts of `query` one, two … characters shorter, grouped by length, longest first and,
 * within a length, from the start: 加装电悌 → [[加装电, 装电悌], [加装, 装电, 电悌]]. Chinese parts keep
 * at least 2 characters; in a query of other words (pinyin, names) whole words are dropped instead.
 * At most `max` parts in all.
 */
export function shorterParts(query: string, max = 16): string[][] {
  const q = query.normalize('NFKC').trim()
  const chinese = HAN.test(q)
  const units = chinese ? [...q.replace(/[^\p{L}\p{N}]/gu, '')] : q.split(/[^\p{L}\p{N}]+/u).filter(Boolean)
  const groups: string[][] = []
  let count = 0
  for (let length = units.length - 1; length >= (chinese ? 2 : 1) && count < max; length--) {
    const group: string[] = []
    for (let start = 0; start + length <= units.length && count < max; start++) {
      const part = units.slice(start, start + length).join(chinese ? '' : ' ')
      if (!group.includes(part)) {
        group.push(part)
        count++
      }
    }
    groups.push(group)
  }
  return groups
}
