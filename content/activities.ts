/**
 * A month of sample 活动 and 接待日 across the stations (示例数据, written for this project): those
 * already held carry their 接待记录 / 议事结果, the upcoming ones are open for booking. Days are relative
 * to the seed day, so there is always something to book on first start. People are fictional.
 */
import type { SeedActivity } from './types.ts'

export const activities: SeedActivity[] = [
  {
    slug: 'kuishan-reception-elevator-review',
    title: '奎山街道代表接待日：加装电梯回头看（示例）',
    kind: 'reception',
    topic: '老旧小区加装电梯',
    inDays: -24,
    startsAt: '09:00',
    hours: 2.5,
    station: 'kuishan-station',
    deputies: ['zhang-wei', 'wang-xiuying'],
    description:
      '示例数据。区人大代表在奎山街道实践站接待居民，听取已加装电梯小区的使用情况和还在筹备中的楼栋遇到的难处。欢迎楼栋长和居民代表参加。',
    capacity: 20,
    record: {
      attendance: 17,
      issuesRaised:
        '已装电梯的楼栋反映维保费用分摊没有定下来；两个楼栋反映一楼住户对采光和噪声仍有顾虑；有居民询问补贴申请要准备哪些材料。',
      agreed:
        '代表牵头请社区、物业和电梯企业召开一次维保费用协商会；对有顾虑的一楼住户逐户上门沟通；社区把补贴申请材料清单张贴到各楼栋公告栏。',
      cases: ['kuihe-building-12-elevator'],
    },
  },
  {
    slug: 'duanzhuang-deliberation-sewer',
    title: '段庄街道议事协商会：背街小巷下水管网改造（示例）',
    kind: 'deliberation',
    topic: '下水管网改造',
    inDays: -19,
    startsAt: '14:30',
    hours: 2,
    station: 'duanzhuang-station',
    deputies: ['zeng-xiulan', 'liu-jianjun'],
    description:
      '示例数据。围绕雨季污水外溢问题，请居民代表、社区、施工单位和代表一起商量改造范围、施工时段和临时通行办法。',
    record: {
      attendance: 26,
      issuesRaised: '沿街商户担心施工影响经营；老人较多的楼栋希望保留一条无障碍通道；居民希望夜间不施工。',
      agreed:
        '分三段施工，每段不超过十天；每天早七点至晚七点施工，夜间停工；施工期间保留一条铺板通道，社区志愿者在高峰时段引导。',
      cases: ['hanfeng-lane-sewer'],
    },
  },
  {
    slug: 'yongan-lecture-civil-code',
    title: '人大微讲堂进永安：民法典与邻里相处（示例）',
    kind: 'lecture',
    topic: '民法典相邻关系',
    inDays: -15,
    startsAt: '19:00',
    hours: 1.5,
    station: 'yongan-station',
    deputies: ['xie-wenjun'],
    description:
      '示例数据。代表结合身边的噪声、漏水、占用楼道等纠纷，讲解民法典关于相邻关系的规定，现场答疑。',
    record: {
      attendance: 42,
      issuesRaised: '居民提问集中在楼上漏水责任认定、楼道堆物清理和宠物扰民三个方面。',
      agreed: '社区把讲座要点整理成问答张贴在宣传栏；漏水纠纷较多的小区由代表联系法律服务工作者定期坐班。',
    },
  },
  {
    slug: 'wangling-inspection-noise',
    title: '王陵街道视察调研：夜间噪声扰民治理（示例）',
    kind: 'inspection',
    topic: '噪声扰民',
    inDays: -11,
    startsAt: '20:00',
    hours: 2,
    station: 'wangling-home',
    deputies: ['qiu-hongmei', 'wu-desheng'],
    description:
      '示例数据。代表实地查看夜市和沿街商铺周边的噪声情况，听取附近居民和商户意见，推动建立快速处置机制。',
    record: {
      attendance: 12,
      issuesRaised: '晚十点后外放音响仍较普遍；居民投诉后处置不够及时；商户希望明确可以经营的时段和音量。',
      agreed:
        '建议街道会同城管在夜市设立巡查点，晚十点后集中巡查；商户联合签订文明经营承诺；一个月后代表回访检查落实情况。',
      cases: ['xinqiao-night-market-noise'],
    },
  },
  {
    slug: 'hubin-reception-parking',
    title: '湖滨街道代表接待日：小区停车难（示例）',
    kind: 'reception',
    topic: '停车难',
    inDays: -6,
    startsAt: '09:30',
    hours: 2,
    station: 'hubin-station',
    deputies: ['ou-yongjian', 'yang-lihua'],
    description:
      '示例数据。代表在湖滨街道实践站接待居民，重点听取小区停车难、消防通道被占的意见，欢迎带上照片或具体位置。',
    capacity: 15,
    record: {
      attendance: 14,
      issuesRaised: '晚间小区内车辆乱停堵住消防通道；周边单位的停车场夜间空置；希望增设非机动车停放点。',
      agreed:
        '代表联系周边两家单位商谈夜间错时共享停车；社区重新施划消防通道标线；增设非机动车停放点的位置由居民议事会投票确定。',
      cases: ['minfu-shared-parking'],
    },
  },
  {
    slug: 'zhaishan-deliberation-access-control',
    title: '翟山街道议事协商会：单元门禁与梯控（示例）',
    kind: 'deliberation',
    topic: '门禁梯控',
    inDays: -2,
    startsAt: '15:00',
    hours: 1.5,
    station: 'zhaishan-station',
    deputies: ['piao-chunhua', 'zheng-guoqing'],
    description:
      '示例数据。居民对安装梯控意见不一，请业主代表、物业和代表一起商量是否安装、费用怎么出、老人和访客怎么进出。',
    record: {
      attendance: 31,
      issuesRaised: '部分老人担心不会用卡；访客和快递进出不便；费用分摊方式有争议。',
      agreed:
        '先在两个单元试点三个月，保留人脸和按键两种方式；物业为老人上门办理；试点结束后再由居民表决是否推广。',
      cases: ['guangming-access-control'],
    },
  },
  {
    slug: 'quanshan-deliberation-livelihood',
    title: '实践中心议事协商会：明年民生实事怎么定（示例）',
    kind: 'deliberation',
    topic: '民生实事项目',
    inDays: 1,
    startsAt: '14:30',
    hours: 2,
    station: 'quanshan-center',
    deputies: ['zha-jianguo', 'song-defu', 'he-huimin'],
    description:
      '示例数据。区人大代表和各街道居民代表一起讨论明年民生实事项目的候选清单，听取对加装电梯、管网改造、停车和噪声治理项目的意见。',
    capacity: 30,
  },
  {
    slug: 'kuishan-reception-winter',
    title: '奎山街道代表接待日：冬季供暖和老旧小区改造（示例）',
    kind: 'reception',
    topic: '供暖与小区改造',
    inDays: 5,
    startsAt: '09:00',
    hours: 2.5,
    station: 'kuishan-station',
    deputies: ['zhang-wei', 'shan-xiaoming'],
    description:
      '示例数据。区人大代表在奎山街道实践站接待居民，听取冬季供暖、老旧小区改造中的问题。可以先在网上预约并写下想反映的问题，代表会提前了解情况。',
    capacity: 12,
  },
  {
    slug: 'duanzhuang-reception-elderly',
    title: '段庄街道代表接待日：居家养老服务（示例）',
    kind: 'reception',
    topic: '居家养老',
    inDays: 9,
    startsAt: '09:30',
    hours: 2,
    station: 'duanzhuang-station',
    deputies: ['li-fang', 'sun-guoping'],
    description: '示例数据。代表听取老年居民和家属对助餐点、上门服务和适老化改造的意见建议。',
    capacity: 15,
  },
  {
    slug: 'gongnong-lecture-democracy',
    title: '人大微讲堂进工农：全过程人民民主在身边（示例）',
    kind: 'lecture',
    topic: '全过程人民民主',
    inDays: 13,
    startsAt: '19:00',
    hours: 1.5,
    station: 'gongnong-station',
    deputies: ['yue-siyuan'],
    description:
      '示例数据。代表用社区里的真实做法讲全过程人民民主：群众怎样提意见、怎样参加议事、怎样查到办理结果。',
    capacity: 40,
  },
  {
    slug: 'taishan-inspection-market',
    title: '泰山街道视察调研：农贸市场改造（示例）',
    kind: 'inspection',
    topic: '农贸市场改造',
    inDays: 18,
    startsAt: '09:00',
    hours: 3,
    station: 'taishan-home',
    deputies: ['ge-zhigang', 'hu-xiaoyan'],
    description: '示例数据。代表实地查看农贸市场改造进展，听取摊户和周边居民对环境卫生和交通组织的意见。',
  },
  {
    slug: 'qiligou-reception-new-year',
    title: '七里沟街道代表接待日：新年听民声（示例）',
    kind: 'reception',
    topic: '综合接待',
    inDays: 24,
    startsAt: '09:00',
    hours: 3,
    station: 'qiligou-station',
    deputies: ['peng-chengyuan', 'xu-hui'],
    description:
      '示例数据。新年前的综合接待日，居民身边的小事、急事、难事都可以来说，代表当场记录，能协调的当场协调，需要办理的转为群众来信跟踪办理。',
    capacity: 20,
  },
]
