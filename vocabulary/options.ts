/**
 * The vocabulary every part of the system shares: streets, categories, levels, fields, station types,
 * message statuses, grades and ratings. Values are ASCII keys (stable in URLs and the database); labels
 * are what people read. The types are derived from the lists, so a new value is added in one place.
 * Pure: no Node, Payload or Astro imports (the CMS, the site, its browser scripts and content/ use it).
 */

export interface Option<T extends string> {
  value: T
  label: string
}

/** The value type of an option list. */
type ValueOf<L extends readonly { value: string }[]> = L[number]['value']

/** Streets (街道) of 泉山区, 徐州. */
export const STREETS = [
  { value: 'wangling', label: '王陵街道' },
  { value: 'yongan', label: '永安街道' },
  { value: 'hubin', label: '湖滨街道' },
  { value: 'duanzhuang', label: '段庄街道' },
  { value: 'zhaishan', label: '翟山街道' },
  { value: 'kuishan', label: '奎山街道' },
  { value: 'heping', label: '和平街道' },
  { value: 'taishan', label: '泰山街道' },
  { value: 'gongnong', label: '工农街道' },
  { value: 'huohua', label: '火花街道' },
  { value: 'jinshan', label: '金山街道' },
  { value: 'qiligou', label: '七里沟街道' },
  { value: 'taoyuan', label: '桃园街道' },
  { value: 'pangzhuang', label: '庞庄街道' },
] as const satisfies readonly Option<string>[]
export type StreetKey = ValueOf<typeof STREETS>

export const NEWS_CATEGORIES = [
  { value: 'news', label: '新闻动态' },
  { value: 'notice', label: '通知公告' },
] as const satisfies readonly Option<string>[]
export type NewsCategory = ValueOf<typeof NEWS_CATEGORIES>

export const CASE_CATEGORIES = [
  { value: 'elevator', label: '加装电梯' },
  { value: 'sewer', label: '管网改造' },
  { value: 'noise', label: '噪声扰民' },
  { value: 'parking', label: '停车难' },
  { value: 'access-control', label: '梯控' },
  { value: 'old-community', label: '老旧小区改造' },
  { value: 'environment', label: '环境整治' },
  { value: 'other', label: '其他' },
] as const satisfies readonly Option<string>[]
export type CaseCategory = ValueOf<typeof CASE_CATEGORIES>

export const DEPUTY_LEVELS = [
  { value: 'district', label: '区人大代表' },
  { value: 'city', label: '市人大代表' },
  { value: 'province', label: '省人大代表' },
  { value: 'national', label: '全国人大代表' },
] as const satisfies readonly Option<string>[]
export type DeputyLevel = ValueOf<typeof DEPUTY_LEVELS>

export const EXPERTISE_FIELDS = [
  { value: 'urban-construction', label: '城市建设' },
  { value: 'community-governance', label: '基层治理' },
  { value: 'law', label: '法律' },
  { value: 'education', label: '教育' },
  { value: 'health', label: '医疗卫生' },
  { value: 'elderly-care', label: '养老服务' },
  { value: 'social-security', label: '社会保障' },
  { value: 'environment', label: '生态环境' },
  { value: 'economy', label: '经济发展' },
  { value: 'transport', label: '交通出行' },
  { value: 'culture', label: '文化体育' },
  { value: 'property-management', label: '物业管理' },
] as const satisfies readonly Option<string>[]
export type ExpertiseField = ValueOf<typeof EXPERTISE_FIELDS>

export const STATION_TYPES = [
  { value: 'center', label: '实践中心' },
  { value: 'station', label: '实践站' },
  { value: 'home', label: '代表之家' },
] as const satisfies readonly Option<string>[]
export type StationType = ValueOf<typeof STATION_TYPES>

/** The label of `value` in `options`, or the value itself when unknown. */
export function labelOf<T extends string>(
  options: readonly Option<T>[],
  value: T | null | undefined,
): string {
  return options.find((o) => o.value === value)?.label ?? value ?? ''
}

/** Mutable copy for Payload's `options`, which wants a plain array. */
export function selectOptions<T extends string>(
  options: readonly Option<T>[],
): { value: T; label: string }[] {
  return options.map((o) => ({ ...o }))
}

/** 民呼我应 messages: the public status steps, in order. */
export type MessageStatus = 'received' | 'assigned' | 'processing' | 'closed' | 'revisited'
export const MESSAGE_STATUSES: Option<MessageStatus>[] = [
  { value: 'received', label: '已受理' },
  { value: 'assigned', label: '已分派' },
  { value: 'processing', label: '办理中' },
  { value: 'closed', label: '已办结' },
  { value: 'revisited', label: '已回访' },
]
/** Statuses after which a message counts as handled (closed). */
export const CLOSED_STATUSES: MessageStatus[] = ['closed', 'revisited']

/** Grades (分级) with the days allowed until the message must be closed. */
export type MessageGrade = 'normal' | 'urgent' | 'major'
export const MESSAGE_GRADES: (Option<MessageGrade> & { days: number })[] = [
  { value: 'normal', label: '一般（15 天内办结）', days: 15 },
  { value: 'urgent', label: '紧急（3 天内办结）', days: 3 },
  { value: 'major', label: '重大（30 天内办结）', days: 30 },
]

export type MessageRating = 'satisfied' | 'basically' | 'unsatisfied'
export const MESSAGE_RATINGS: Option<MessageRating>[] = [
  { value: 'satisfied', label: '满意' },
  { value: 'basically', label: '基本满意' },
  { value: 'unsatisfied', label: '不满意' },
]

/** 意见征集: what is being consulted on (issue 17). */
export const CONSULTATION_KINDS = [
  { value: 'legislation', label: '立法征集' },
  { value: 'policy', label: '政策征集' },
  { value: 'project', label: '民生实事项目征集' },
] as const satisfies readonly Option<string>[]
export type ConsultationKind = ValueOf<typeof CONSULTATION_KINDS>

/** Where a consultation stands; derived from its dates and whether its feedback is published. */
export type ConsultationStatus = 'upcoming' | 'open' | 'closed' | 'answered'
export const CONSULTATION_STATUSES: Option<ConsultationStatus>[] = [
  { value: 'upcoming', label: '未开始' },
  { value: 'open', label: '征集中' },
  { value: 'closed', label: '已截止' },
  { value: 'answered', label: '已反馈' },
]

/** What became of one opinion (shown in public once the consultation's feedback is published). */
export type OpinionOutcome = 'pending' | 'adopted' | 'partly' | 'rejected' | 'referred'
export const OPINION_OUTCOMES: Option<OpinionOutcome>[] = [
  { value: 'pending', label: '待研究' },
  { value: 'adopted', label: '采纳' },
  { value: 'partly', label: '部分采纳' },
  { value: 'rejected', label: '未采纳' },
  { value: 'referred', label: '已转交' },
]

/**
 * How a message came in (渠道): the site's form, the form opened from a 码上见代表 poster's QR code, or
 * entered by staff for a resident who came in person or phoned (代录).
 */
export type MessageChannel = 'web' | 'poster' | 'walk-in' | 'phone'
export const MESSAGE_CHANNELS: Option<MessageChannel>[] = [
  { value: 'web', label: '网站' },
  { value: 'poster', label: '扫码' },
  { value: 'walk-in', label: '现场代录' },
  { value: 'phone', label: '电话代录' },
]
/** The channels staff enter in the admin on a resident's behalf. */
export const STAFF_CHANNELS: MessageChannel[] = ['walk-in', 'phone']

/**
 * The source a poster's QR code carries into the form (`from=`): `poster-deputy-<slug>` or
 * `poster-station-<slug>`. Anything else is refused by the submit check.
 */
export const POSTER_SOURCE = /^poster-(deputy|station)-([a-z0-9]+(?:-[a-z0-9]+)*)$/
export const posterSource = (kind: 'deputy' | 'station', slug: string) => `poster-${kind}-${slug}`

/** 活动 / 接待日 (issue 18): what kind of activity a station holds. */
export const ACTIVITY_KINDS = [
  { value: 'reception', label: '代表接待日' },
  { value: 'deliberation', label: '议事协商会' },
  { value: 'inspection', label: '视察调研' },
  { value: 'lecture', label: '人大微讲堂活动' },
  { value: 'other', label: '其他' },
] as const satisfies readonly Option<string>[]
export type ActivityKind = ValueOf<typeof ACTIVITY_KINDS>

/** A booking's state: a cancelled one frees its place; attendance is marked by staff on the day. */
export type BookingStatus = 'booked' | 'cancelled' | 'attended' | 'absent'
export const BOOKING_STATUSES: Option<BookingStatus>[] = [
  { value: 'booked', label: '已预约' },
  { value: 'cancelled', label: '已取消' },
  { value: 'attended', label: '已到场' },
  { value: 'absent', label: '未到场' },
]
