/**
 * A deterministic synthetic corpus in the base's own vocabulary (not random characters), for the
 * benchmark: news, cases and lectures of realistic length. Same `seed` → same text on every machine.
 */
import { CASE_CATEGORIES, STREETS } from '../vocabulary/options.ts'

function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const PROBLEMS = [
  '加装电梯',
  '下水管网改造',
  '噪声扰民',
  '停车难',
  '安装梯控',
  '老旧小区改造',
  '垃圾分类',
  '路灯维修',
  '楼道杂物清理',
  '小区绿化',
]
const ACTORS = [
  '区人大代表',
  '市人大代表',
  '街道人大工委',
  '社区党委',
  '物业服务企业',
  '住建部门',
  '城管部门',
  '供电公司',
  '自来水公司',
  '居民议事会',
]
const ACTIONS = [
  '走访了',
  '召集',
  '协调',
  '督促',
  '调研了',
  '现场查看了',
  '听取了',
  '组织召开了',
  '跟踪办理了',
  '公示了',
]
const OBJECTS = [
  '居民意见',
  '小区议事会',
  '专题协商会',
  '施工方案',
  '资金分摊办法',
  '整改清单',
  '办理进度',
  '群众微心愿',
  '代表建议',
  '监督意见',
]
const PLACES = ['实践站', '代表之家', '小区议事厅', '社区服务中心', '楼栋长会议', '线上议事群']
const RESULTS = [
  '问题得到解决',
  '居民表示满意',
  '工程如期完工',
  '方案获得全体住户同意',
  '整改任务全部完成',
  '办理结果按时反馈',
  '运行情况良好',
]
const PHRASES = [
  '“民呼我应”全过程人民民主实践基地',
  '群众微心愿、代表帮实现',
  '亮身份、亮职责、亮承诺',
  '有事找代表',
  '人大微讲堂',
  '奎声应民声',
  '五民五道',
  '人大代表诉源治理工作室',
  '分级分类处理反馈',
  '群众常来、代表常在、实事常办',
  '民意表达平台',
  '民主协商平台',
  '代表履职平台',
  '教育宣传平台',
]

export class TextMaker {
  private r: () => number
  /** The problems and phrases the current document is about (a document sticks to its topic). */
  private problems: string[] = PROBLEMS
  private phrases: string[] = PHRASES
  constructor(seed: number) {
    this.r = rng(seed)
  }
  /** Starts a new document: picks its 2 problems and 2 set phrases, as real articles have a topic. */
  topic(): void {
    this.problems = [this.pick(PROBLEMS), this.pick(PROBLEMS)]
    this.phrases = [this.pick(PHRASES), this.pick(PHRASES)]
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.r() * list.length)]
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.r() * (max - min + 1))
  }
  street(): (typeof STREETS)[number] {
    return this.pick(STREETS)
  }
  community(): string {
    return `${this.pick([...'和平建设幸福光明朝阳振兴新华民主文化春华育才友谊团结兴隆'])}${this.pick([...'苑园里村庄湖山河桥'])}社区`
  }
  sentence(): string {
    const kind = this.int(0, 5)
    const street = this.street().label
    if (kind === 0)
      return `${street}${this.community()}居民反映${this.pick(this.problems)}问题，${this.pick(ACTORS)}${this.pick(ACTIONS)}${this.pick(OBJECTS)}。`
    if (kind === 1)
      return `在${this.pick(PLACES)}，${this.pick(ACTORS)}围绕${this.pick(this.problems)}${this.pick(ACTIONS)}${this.pick(OBJECTS)}，${this.pick(RESULTS)}。`
    if (kind === 2)
      return `截至${this.int(2023, 2026)}年${this.int(1, 12)}月，共收集意见建议${this.int(12, 860)}条，办结率达到${this.int(80, 100)}%。`
    if (kind === 3)
      return `${this.pick(this.phrases)}把${this.pick(this.problems)}这样的小事、急事、难事办在群众身边。`
    if (kind === 4)
      return `${this.int(2, 40)}户居民参加了${this.pick(PLACES)}的协商，${this.pick(ACTORS)}当场答复，${this.pick(RESULTS)}。`
    return `${this.pick(ACTORS)}表示，将继续发挥${this.pick(this.phrases)}的作用，推动${this.pick(this.problems)}等问题解决。`
  }
  paragraph(): string {
    return Array.from({ length: this.int(2, 5) }, () => this.sentence()).join('')
  }
  paragraphs(min: number, max: number): string[] {
    return Array.from({ length: this.int(min, max) }, () => this.paragraph())
  }
  title(): string {
    const street = this.street().label
    return this.pick([
      `${street}${this.community()}${this.pick(this.problems)}有了新进展`,
      `${this.pick(ACTORS)}到${this.pick(PLACES)}接待群众`,
      `${street}召开${this.pick(this.problems)}专题协商会`,
      `“${this.pick(this.phrases)}”在${street}落地见效`,
      `${this.int(2023, 2026)}年${street}${this.pick(OBJECTS)}办理情况通报`,
    ])
  }
  caseCategory() {
    return this.pick(CASE_CATEGORIES).value
  }
  date(from = 2019): string {
    return `${this.int(from, 2026)}-${String(this.int(1, 12)).padStart(2, '0')}-${String(this.int(1, 28)).padStart(2, '0')}`
  }
}
