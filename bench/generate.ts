/**
 * Fills a throwaway CMS with the benchmark corpus through the Local API (the same path editors' writes
 * take: hooks, slugs, versions). Run as a child process with DATABASE_URI and DATA_DIR set; prints one
 * JSON line `{"seedMs":…,"docs":…}` at the end. Args: <news count> <progress file>.
 */
import fs from 'node:fs'
import path from 'node:path'

import { commitTransaction, createLocalReq, initTransaction } from 'payload'

import { TextMaker } from './corpus.ts'
import {
  ROOT,
  importDeputies,
  openPayload,
  readSheet,
  renderSeedImage,
  seed,
  toLexical,
} from '../cms/index.ts'

const news = Number(process.argv[2] ?? 10000)
const progressFile = process.argv[3]
const cases = Math.round(news / 10)
const lectures = Math.round(news / 20)
const total = news + cases + lectures
let done = 0
const progress = () => progressFile && fs.writeFileSync(progressFile, `${done}/${total}`)

const started = Date.now()
const payload = await openPayload()
await seed(payload)
const sample = path.join(ROOT, 'content', 'deputies-sample-262.csv')
await importDeputies(payload, await readSheet(fs.readFileSync(sample), sample), {
  photoDir: path.join(ROOT, 'content', 'deputy-photos'),
})
const stations = (await payload.find({ collection: 'stations', limit: 0, depth: 0 })).docs.map((s) => s.id)
const deputies = (await payload.find({ collection: 'deputies', limit: 0, depth: 0 })).docs.map((d) => d.id)

const text = new TextMaker(20261127)
const covers: number[] = []
for (let i = 0; i < 24; i++) {
  const motif = (['meeting', 'community', 'station', 'elevator', 'parking', 'pipes'] as const)[i % 6]
  const data = await renderSeedImage({ key: `bench-cover-${i}`, alt: '', motif, variant: i })
  const doc = await payload.create({
    collection: 'media',
    data: { alt: `示意图 ${i + 1}` },
    file: { data, mimetype: 'image/jpeg', name: `bench-cover-${i}.jpg`, size: data.length },
    depth: 0,
  })
  covers.push(doc.id)
}

/** Writes in transactions of `size` documents: far fewer fsyncs than one per document. */
async function inBatches(count: number, size: number, write: (i: number, req: object) => Promise<unknown>) {
  for (let start = 0; start < count; start += size) {
    const req = await createLocalReq({ context: { seed: true } }, payload)
    await initTransaction(req)
    for (let i = start; i < Math.min(count, start + size); i++) {
      await write(i, req)
      done++
    }
    await commitTransaction(req)
    progress()
  }
}

const syntheticStarted = Date.now()
const common = { depth: 0, overrideAccess: true, context: { seed: true } } as const
await inBatches(news, 250, (i, req) => {
  text.topic()
  return payload.create({
    collection: 'news',
    ...common,
    req,
    data: {
      title: `${text.title()}（${i + 1}）`,
      slug: `bench-news-${i + 1}`,
      category: i % 5 === 0 ? 'notice' : 'news',
      summary: text.sentence(),
      body: toLexical(text.paragraphs(6, 14)) as never,
      source: '泉山区人大常委会办公室',
      cover: i % 3 === 0 ? covers[i % covers.length] : undefined,
      publishedAt: text.date(),
      _status: 'published',
    },
  })
})
await inBatches(cases, 200, (i, req) => {
  text.topic()
  const street = text.street()
  return payload.create({
    collection: 'cases',
    ...common,
    req,
    data: {
      title: `${street.label}${text.community()}${text.pick(['加装电梯', '管网改造', '噪声扰民', '停车难', '安装梯控', '环境整治'])}（${i + 1}）`,
      slug: `bench-case-${i + 1}`,
      category: text.caseCategory(),
      street: street.value,
      community: text.community(),
      summary: text.sentence(),
      request: text.paragraph(),
      action: text.paragraph(),
      result: text.paragraph(),
      timeline: Array.from({ length: 4 }, (_, k) => ({
        date: `202${4 + (k >> 1)}-0${k + 1}-1${k}`,
        title: text.pick(['登记心愿', '召开协商会', '方案公示', '开工', '验收']),
      })),
      deputies: [deputies[i % deputies.length], deputies[(i * 7) % deputies.length]],
      station: stations[i % stations.length],
      cover: covers[i % covers.length],
      publishedAt: text.date(2023),
      _status: 'published',
    },
  })
})
await inBatches(lectures, 200, (i, req) => {
  text.topic()
  return payload.create({
    collection: 'lectures',
    ...common,
    req,
    data: {
      title: `人大微讲堂第${i + 1}讲：${text.title()}`,
      slug: `bench-lecture-${i + 1}`,
      speaker: text.pick(['王老师', '李律师', '张代表', '陈主任']),
      topic: text.pick(['代表建议', '加装电梯', '基层立法联系点', '民主协商']),
      summary: text.sentence(),
      durationSeconds: text.int(480, 1500),
      transcript: toLexical(text.paragraphs(8, 16)) as never,
      cover: covers[i % covers.length],
      publishedAt: text.date(2022),
      _status: 'published',
    },
  })
})
// The rate counts the synthetic documents only (the base seed and the deputy import are timed apart).
const seedMs = Date.now() - syntheticStarted
await payload.destroy()
console.log(JSON.stringify({ seedMs, docs: total, setupMs: syntheticStarted - started }))
process.exit(0)
