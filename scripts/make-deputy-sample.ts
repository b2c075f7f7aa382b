/**
 * Writes the import template and the 262-row sample (fictional people) into content/, plus a few
 * generated photos. Deterministic: running it again produces the same files. `npm run make:deputy-sample`
 */
import fs from 'node:fs'
import path from 'node:path'

import sharp from 'sharp'

import { deputies as seedDeputies } from '../content/deputies.ts'
import { stations } from '../content/stations.ts'
import { EXPERTISE_FIELDS, STREETS } from '../vocabulary/options.ts'
import { DEPUTY_COLUMNS as COLUMNS, ROOT, renderSeedImage } from '../cms/index.ts'

const CONTENT = path.join(ROOT, 'content')
const PHOTOS = path.join(CONTENT, 'deputy-photos')

/** mulberry32: a tiny seeded PRNG, so the sample is the same on every machine. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const rand = random(262)
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏付方白邹孟熊秦邱江尹薛段雷侯史陶黎贺顾毛郝龚邵万钱严武戴孔汤',
  ...'单曾解仇区查朴盖乐覃',
]
const GIVEN = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚华红玲斌波辉鹏飞宇浩凯健琳雪梅兰英慧琴云峰岩松林海燕晨阳倩婷欣睿博然',
]
const OCCUPATIONS: [string, string[]][] = [
  ['社区党委书记', ['community-governance']],
  ['社区卫生服务中心医生', ['health', 'elderly-care']],
  ['中学教师', ['education']],
  ['小学校长', ['education']],
  ['律师事务所律师', ['law']],
  ['物业服务企业经理', ['property-management', 'community-governance']],
  ['建筑设计院工程师', ['urban-construction']],
  ['民营企业负责人', ['economy']],
  ['个体工商户', ['economy']],
  ['公交公司驾驶员', ['transport']],
  ['退休干部', ['community-governance', 'social-security']],
  ['养老服务中心主任', ['elderly-care', 'social-security']],
  ['环保企业技术员', ['environment']],
  ['文化站站长', ['culture']],
  ['街道城管队员', ['urban-construction', 'environment']],
  ['医院护士长', ['health']],
]
const COMMUNITY_WORDS = [...'和平建设幸福光明朝阳振兴新华民主文化春华秋实安康育才友谊团结兴隆']

const stationByStreet = new Map(stations.map((s) => [s.street, s]))
const streets = STREETS.filter((s) => stationByStreet.has(s.value))
const communitiesByStreet = new Map(
  streets.map((s) => {
    const known = seedDeputies.filter((d) => d.street === s.value).flatMap((d) => d.communities)
    const extra = Array.from({ length: 3 }, () => `${pick(COMMUNITY_WORDS)}${pick(COMMUNITY_WORDS)}社区`)
    return [s.value, [...new Set([...known, ...extra])]]
  }),
)
const fieldLabel = (value: string) => EXPERTISE_FIELDS.find((f) => f.value === value)!.label

const levels = [
  ...Array(200).fill('区'),
  ...Array(45).fill('市'),
  ...Array(14).fill('省'),
  ...Array(3).fill('全国'),
]
const TERMS: Record<string, string> = {
  区: '泉山区第十八届人民代表大会代表',
  市: '徐州市第十七届人民代表大会代表',
  省: '江苏省第十四届人民代表大会代表',
  全国: '第十四届全国人民代表大会代表',
}
const weekday = ['一', '二', '三', '四', '五']

const rows: string[][] = []
const usedNames = new Set<string>()
for (let i = 0; i < 262; i++) {
  let name: string
  do {
    name = pick(SURNAMES) + pick(GIVEN) + (rand() < 0.7 ? pick(GIVEN) : '')
  } while (usedNames.has(name))
  usedNames.add(name)
  const street = streets[i % streets.length]
  const station = stationByStreet.get(street.value)!
  const level = levels[i]
  const [occupation, fields] = pick(OCCUPATIONS)
  const communities = communitiesByStreet.get(street.value)!
  const mine = [...new Set([pick(communities), pick(communities)])]
  const topic = fieldLabel(fields[0])
  rows.push([
    `QS-S-${String(i + 1).padStart(3, '0')}`,
    name,
    rand() < 0.5 ? '男' : '女',
    level,
    TERMS[level],
    `第${(i % 40) + 1}选区`,
    street.label,
    mine.join('、'),
    station.name,
    occupation,
    fields.map(fieldLabel).join('、'),
    `${occupation}，${TERMS[level]}，联系${street.label}${mine.join('、')}。`,
    `收集${mine[0]}居民对${topic}方面的意见建议，参加${station.name}的接待和专项监督，跟踪办理结果并向居民反馈。`,
    `每月至少到${station.name}接待一次；居民反映的${topic}问题，7天内回应，办理进展按月公开。`,
    `每月第${(i % 4) + 1}个周${weekday[i % 5]} ${i % 2 ? '14:30-17:00' : '9:00-11:30'}（${station.name}）`,
    i < 6 ? `sample-photo-${i + 1}.jpg` : '',
    '是',
  ])
}

const csvCell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)
const csv = (table: string[][]) => table.map((r) => r.map(csvCell).join(',')).join('\n') + '\n'
const header = [...COLUMNS]

fs.writeFileSync(path.join(CONTENT, 'deputies-sample-262.csv'), '\ufeff' + csv([header, ...rows]))
fs.writeFileSync(path.join(CONTENT, 'deputies-template.csv'), '\ufeff' + csv([header, rows[6], rows[7]]))
fs.mkdirSync(PHOTOS, { recursive: true })
for (let i = 1; i <= 6; i++) {
  const jpg = await renderSeedImage({ key: `sample-photo-${i}`, alt: '', motif: 'portrait', variant: i })
  await sharp(jpg)
    .resize(480)
    .jpeg({ quality: 78 })
    .toFile(path.join(PHOTOS, `sample-photo-${i}.jpg`))
}
console.log(`sample: wrote ${rows.length} rows to content/deputies-sample-262.csv, the template and 6 photos`)
