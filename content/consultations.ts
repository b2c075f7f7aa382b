/**
 * Two sample 意见征集 (示例数据, written for this project, not real drafts): one open, so the opinion
 * forms are live on first start, and one closed with its feedback published, so the 采纳公告榜 has
 * figures. Every person and phone here is fictional; phones are landlines of the 0516-0000000N kind.
 */
import type { SeedConsultation, SeedOpinion } from './types.ts'

export const consultations: SeedConsultation[] = [
  {
    slug: 'ebike-charging-regulation-draft',
    title: '《徐州市住宅小区电动自行车停放充电管理条例（草案）》征求意见（示例）',
    kind: 'legislation',
    askedBy: '徐州市人大常委会法制工作委员会',
    summary:
      '示例数据。市人大常委会拟制定住宅小区电动自行车停放充电管理条例，通过“民呼我应”实践基地听取群众意见。欢迎逐条提出修改意见，意见的采纳情况将在征集结束后公开反馈。',
    draftText: `徐州市住宅小区电动自行车停放充电管理条例（草案）（示例）

第一章 总则

第一条 为了规范住宅小区电动自行车的停放和充电，预防火灾事故，保障居民生命财产安全，结合本市实际，制定本条例。

第二条 本市行政区域内住宅小区电动自行车停放、充电及其管理活动，适用本条例。

第三条 住宅小区应当设置电动自行车集中停放场所和充电设施。禁止在楼道、楼梯间、疏散通道、安全出口停放电动自行车或者为其充电。

第三条之一 街道办事处应当把电动自行车停放充电纳入网格化管理，组织社区、物业和居民议事协商解决设施建设问题。

第二章 设施建设

第四条 新建住宅小区应当按照规定配建电动自行车集中停放场所和充电设施，与主体工程同步设计、同步建设、同步验收。

第五条 既有住宅小区缺少停放充电设施的，区人民政府应当结合老旧小区改造逐步增设，所需场地由街道办事处会同业主委员会协商确定。

第三章 附则

第六条 本条例自公布之日起施行。`,
    opensInDays: -7,
    closesInDays: 30,
    stations: ['kuishan-station', 'duanzhuang-station'],
    offlineNote:
      '征集期间每周三下午在奎山街道实践站、段庄街道实践站举行座谈会，可以当面提意见；也可以把书面意见送到各实践站的意见箱。',
  },
  {
    slug: 'livelihood-projects-2027',
    title: '2027 年泉山区民生实事项目征集（示例）',
    kind: 'project',
    askedBy: '泉山区人大常委会',
    summary:
      '示例数据。区人大常委会面向全区群众征集 2027 年民生实事项目建议，经代表票决后列入年度计划。征集已结束，意见的采纳情况已经公开。',
    draftText: `2027 年民生实事项目备选清单（征求意见稿）（示例）

第一条 老旧小区加装电梯：对具备条件的多层住宅，按照居民意愿加装电梯，全年完成 60 部。

第二条 下水管网改造：对易堵易涝的老旧小区下水管网进行改造，解决污水外溢问题。

第三条 停车难治理：利用边角空地和错时共享增加小区周边停车泊位。

第四条 噪声扰民治理：对夜间施工和商铺外放音响加强巡查，建立快速处置机制。`,
    opensInDays: -60,
    closesInDays: -30,
    stations: ['quanshan-center'],
    offlineNote: '征集期间在泉山区全过程人民民主实践中心举行了两场座谈会。',
    feedbackReport:
      '本次征集共收到群众意见 5 条。经区人大常委会研究，采纳 2 条、部分采纳 1 条：加装电梯项目增加了“楼栋意愿协调”环节，停车治理项目增加了错时共享泊位的数量。未采纳的意见已说明理由，涉及物业管理的 1 条已转交区住房和城乡建设局办理。最终项目清单经区人民代表大会票决通过。',
  },
]

export const opinions: SeedOpinion[] = [
  {
    code: 'SAMPC-AAAA2',
    consultation: 'livelihood-projects-2027',
    article: 'art-1',
    body: '加装电梯最难的是低楼层住户不同意，建议项目里加上社区和代表出面协调楼栋意见的环节。',
    name: '示例居民甲',
    phone: '0516-00000011',
    street: 'kuishan',
    receivedInDays: -50,
    outcome: 'adopted',
    reason: '已在项目实施方案中增加“楼栋意愿协调”环节，由社区和人大代表共同组织协商。',
    publicSummary: '建议在加装电梯项目中增加社区和代表协调楼栋意见的环节。',
  },
  {
    code: 'SAMPC-AAAA3',
    consultation: 'livelihood-projects-2027',
    article: 'art-3',
    body: '学校和单位的停车场晚上空着，可以错时开放给周边小区居民停车，比新建车位快。',
    name: '示例居民乙',
    phone: '0516-00000012',
    street: 'duanzhuang',
    receivedInDays: -45,
    outcome: 'adopted',
    reason: '已将错时共享泊位纳入停车治理项目，首批协调 5 个单位开放夜间停车。',
    publicSummary: '建议把学校和单位停车场错时开放给周边居民。',
  },
  {
    code: 'SAMPC-AAAA4',
    consultation: 'livelihood-projects-2027',
    article: 'art-2',
    body: '下水管网改造希望一次把雨污分流也做了，不要过两年又挖一遍路面。',
    street: 'hubin',
    receivedInDays: -44,
    outcome: 'partly',
    reason: '今年先对污水外溢最严重的 8 个小区同步实施雨污分流，其余小区列入后续计划。',
    publicSummary: '建议下水管网改造时同步实施雨污分流，避免重复开挖。',
  },
  {
    code: 'SAMPC-AAAA5',
    consultation: 'livelihood-projects-2027',
    article: 'art-4',
    body: '建议在每个小区都安装噪声自动监测屏，超过标准就自动报警罚款。',
    street: 'kuishan',
    receivedInDays: -40,
    outcome: 'rejected',
    reason: '噪声自动处罚需要法律依据，目前采用巡查和快速处置机制；监测设备将先在重点路段试点。',
    publicSummary: '建议每个小区安装噪声自动监测并自动处罚。',
  },
  {
    code: 'SAMPC-AAAA6',
    consultation: 'livelihood-projects-2027',
    article: 'general',
    body: '小区物业长期不公开维修资金的使用情况，希望有关部门管一管。',
    receivedInDays: -38,
    outcome: 'referred',
    reason: '不属于民生实事项目范围，已转交区住房和城乡建设局办理。',
    publicSummary: '反映小区物业不公开维修资金使用情况。',
  },
  {
    code: 'SAMPC-AAAA7',
    consultation: 'ebike-charging-regulation-draft',
    article: 'art-3',
    body: '第三条禁止在楼道充电很有必要，但老小区没有充电桩，建议先建好设施再严格执法。',
    street: 'kuishan',
    receivedInDays: -3,
    outcome: 'pending',
  },
]
