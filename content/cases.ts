import type { SeedCase } from './types.ts'

/**
 * 群众微心愿、代表帮实现: sample case stories. Households, amounts and dates are illustrative.
 */
export const cases: SeedCase[] = [
  {
    slug: 'kuihe-building-12-elevator',
    title: '奎河社区12号楼加装电梯：六层老楼住户不再“望楼兴叹”',
    category: 'elevator',
    street: 'kuishan',
    community: '奎河社区',
    summary:
      '一张贴在实践站的心愿卡，经过三轮协商和一次方案调整，变成了12号楼2单元的一部电梯，96天完工，低层住户不出钱也不吃亏。',
    request:
      '奎河社区12号楼建于1992年，六层三个单元共36户，一半以上住户年过六旬。2单元5楼的刘阿姨做完髋关节手术后半年多没下过楼，邻居们在实践站写下心愿：希望给这栋楼加装电梯。',
    action:
      '结构工程师出身的单晓明代表带着图纸上门，先确认楼体具备加装条件，再把方案讲给每一户听。一楼、二楼住户担心采光和噪声，张伟代表协调物业和设计单位把井道挪到北侧楼梯间，并改用低噪声曳引机；费用按楼层分摊，一楼不出资、二楼象征性出资，三轮协商后2单元12户全部签字同意。',
    result:
      '2单元电梯总造价约68万元，其中政府补贴20万元，其余48万元由住户按楼层分摊。工程2025年3月18日开工、6月22日通过验收，历时96天。1单元、3单元的住户看到效果后也开始筹备，实践站已经为他们安排了第一次协商会。',
    timeline: [
      {
        date: '2024-04-16',
        title: '心愿登记',
        description: '2单元住户在奎山街道实践站提交加装电梯心愿，由单晓明、张伟两位代表认领。',
      },
      {
        date: '2024-05-22',
        title: '第一次协商会',
        description: '代表、物业和全体住户在楼下开会，摸清各楼层住户的顾虑。',
      },
      {
        date: '2024-08-10',
        title: '方案调整并公示',
        description: '井道改到北侧楼梯间，费用分摊方案公示十天无异议，12户全部签字。',
      },
      { date: '2025-03-18', title: '开工建设' },
      { date: '2025-06-22', title: '竣工验收', description: '通过特种设备检验和竣工验收，工期96天。' },
      {
        date: '2025-07-01',
        title: '电梯投入使用',
        description: '刘阿姨在家人陪同下坐电梯下楼，到小区里晒了半天太阳。',
      },
    ],
    photosBefore: [
      {
        key: 'case-elevator-kuihe-before',
        alt: '加装电梯前的六层老式住宅楼外立面',
        motif: 'building',
        variant: 1,
      },
    ],
    photosAfter: [
      {
        key: 'case-elevator-kuihe-after',
        alt: '老楼北侧新建的电梯井道和入户连廊',
        motif: 'elevator',
        variant: 1,
      },
    ],
    deputies: ['shan-xiaoming', 'zhang-wei'],
    station: 'kuishan-station',
    publishedAt: '2025-07-15',
    cover: {
      key: 'case-elevator-kuihe-cover',
      alt: '老楼住户乘坐新装电梯下楼',
      motif: 'elevator',
      variant: 2,
    },
  },
  {
    slug: 'taihe-building-3-elevator',
    title: '泰和小区3号楼加装电梯：小区议事厅里谈出“全票通过”',
    category: 'elevator',
    street: 'taishan',
    community: '泰和社区',
    summary:
      '两个单元、24户人家，在小区议事厅里开了四次会，把表决规则、费用分摊和施工安排一项项谈清楚，最终两部电梯同期建成。',
    request:
      '泰和小区3号楼是六层带阁楼的老住宅，两个单元共24户，其中有9户家里有行动不便的老人。住户们多次自发商量加装电梯，但每次都卡在“怎么表决、怎么分钱”上，于是把这件事提到了小区议事厅。',
    action:
      '胡晓燕代表主持议事厅，按“先登记、限时发言、少数意见记录在案”的规矩组织讨论；郭振华代表对照民法典关于业主共同决定事项的规定，讲清楚表决需要达到的比例；盖志刚代表拿出三套施工方案，逐一比较工期、造价和对低层住户的影响。四次议事下来，住户自己定出了按楼层递增的出资比例。',
    result:
      '两部电梯总投资约126万元，财政补贴40万元，其余由住户分摊，部分住户依规提取了住房公积金。施工期间盖志刚代表每周到现场巡查，工程用时110天，2025年8月两部电梯同时投入使用。',
    timeline: [
      {
        date: '2024-09-05',
        title: '提交议事厅',
        description: '3号楼住户代表向泰山街道人大代表之家提出议题。',
      },
      {
        date: '2024-10-12',
        title: '第二次议事',
        description: '郭振华代表讲解表决规则，住户对分摊原则初步形成共识。',
      },
      {
        date: '2024-12-20',
        title: '书面表决',
        description: '24户全部参与表决，全票同意加装方案和费用分摊办法。',
      },
      { date: '2025-04-08', title: '开工建设' },
      { date: '2025-07-26', title: '竣工验收', description: '两部电梯同步通过验收，工期110天。' },
      { date: '2025-08-08', title: '投入使用' },
    ],
    photosBefore: [
      {
        key: 'case-elevator-taihe-before',
        alt: '泰和小区3号楼加装电梯前的楼梯间入口',
        motif: 'building',
        variant: 2,
      },
    ],
    photosAfter: [
      {
        key: 'case-elevator-taihe-after',
        alt: '3号楼两个单元门前并排建成的电梯',
        motif: 'elevator',
        variant: 3,
      },
    ],
    deputies: ['hu-xiaoyan', 'guo-zhenhua', 'ge-zhigang'],
    station: 'taishan-home',
    publishedAt: '2025-08-20',
  },
  {
    slug: 'nanhu-building-8-elevator',
    title: '南湖新村8号楼加装电梯：代表十三次上门，化解低层住户顾虑',
    category: 'elevator',
    street: 'hubin',
    community: '南湖社区',
    summary:
      '搁置了一年的加装电梯方案，因为采光模拟、隔音窗和一次次上门谈心重新启动，楼上楼下从“谈不拢”变成“互相让一步”。',
    request:
      '南湖新村8号楼1单元共12户，5楼一户家中有卧床老人，每次就医都要邻居帮忙抬下楼。加装电梯的提议早在2024年就提出过，但一楼两户担心遮挡采光、电梯运行有噪声，方案搁置了一年。',
    action:
      '杨丽华代表从老人就医的实际困难讲起，先争取邻里间的理解；徐卫东代表请设计单位做了冬至日采光模拟，把井道改为玻璃幕墙结构，让一楼住户看到遮光影响很小。代表们前后上门十三次，最后由楼上住户自愿出资，为一楼两户更换隔音窗。',
    result:
      '电梯总造价约58万元，财政补贴20万元；楼上住户另行出资1.6万元为一楼更换隔音窗。2026年5月电梯投入使用，5楼的老人第一次坐着轮椅下了楼，一楼住户也成了电梯的常用户。',
    timeline: [
      {
        date: '2025-06-10',
        title: '重新提出心愿',
        description: '住户通过“有事找代表”模块留言，请代表帮助重启加装电梯。',
      },
      { date: '2025-07-18', title: '采光模拟', description: '设计单位出具采光分析，井道改为玻璃幕墙结构。' },
      {
        date: '2025-09-26',
        title: '达成一致',
        description: '楼上住户承诺为一楼两户更换隔音窗，12户全部签字。',
      },
      { date: '2026-01-12', title: '开工建设' },
      { date: '2026-05-20', title: '投入使用' },
    ],
    photosBefore: [
      {
        key: 'case-elevator-nanhu-before',
        alt: '南湖新村8号楼单元门前的狭窄楼梯',
        motif: 'building',
        variant: 3,
      },
    ],
    photosAfter: [
      {
        key: 'case-elevator-nanhu-after',
        alt: '8号楼外侧新建的玻璃幕墙电梯井',
        motif: 'elevator',
        variant: 4,
      },
    ],
    deputies: ['yang-lihua', 'xu-weidong'],
    station: 'hubin-station',
    publishedAt: '2026-06-05',
  },
  {
    slug: 'hanfeng-lane-sewer',
    title: '汉风巷下水管网改造：雨天不再“看海”，一楼不再返水',
    category: 'sewer',
    street: 'kuishan',
    community: '汉风社区',
    summary: '管道检测查出三处塌陷，代表建议推动改造列入计划，620米新管道赶在汛期前铺好。',
    request:
      '汉风巷沿线四个老楼院共186户，排水管还是上世纪八十年代铺设的水泥管。每逢大雨，巷子里积水最深到三十厘米，一楼有十几户家里返水、厨房返臭，独居老人只能把家具垫高过日子。',
    action:
      '王秀英代表在走访独居老人时把这件事记进了民情本；张伟代表联系排水管理部门用管道机器人做了检测，查出三处塌陷、多处错口。两位代表据此提出代表建议，请求将汉风巷管网纳入老旧小区改造计划，并在施工中推动分段封闭、保留通行。',
    result:
      '改造共更换雨污分流管道620米，新建检查井24座，工期45天。2025年汛期经历了几场强降雨，汉风巷再没有出现积水，一楼住户家里也不再返水。',
    timeline: [
      {
        date: '2024-07-08',
        title: '居民反映积水',
        description: '一场暴雨后，十几户居民到实践站反映积水和返水问题。',
      },
      { date: '2024-07-25', title: '管道检测', description: '管道机器人检测发现三处塌陷和多处错口。' },
      {
        date: '2024-11-14',
        title: '提交代表建议',
        description: '建议将汉风巷管网纳入2025年老旧小区改造计划。',
      },
      { date: '2025-03-20', title: '列入改造计划并开工' },
      { date: '2025-05-04', title: '完工', description: '620米新管道和24座检查井全部完工，路面恢复。' },
    ],
    photosBefore: [
      { key: 'case-sewer-hanfeng-before', alt: '雨后汉风巷路面大面积积水', motif: 'pipes', variant: 1 },
    ],
    photosAfter: [
      {
        key: 'case-sewer-hanfeng-after',
        alt: '改造后铺设整齐的新排水管和检查井',
        motif: 'pipes',
        variant: 2,
      },
    ],
    deputies: ['wang-xiuying', 'zhang-wei'],
    station: 'kuishan-station',
    publishedAt: '2025-06-03',
  },
  {
    slug: 'gounan-sewer-renewal',
    title: '沟南小区下水管网改造：480米新管道解决堵塞返臭',
    category: 'sewer',
    street: 'qiligou',
    community: '沟南社区',
    summary: '原安置小区雨污混流、化粪池常年满溢，代表翻出老图纸、说通违建户，新管网接入市政管道。',
    request:
      '沟南小区是原村民安置小区，9栋楼216户。小区排水雨污混流，两座化粪池容量不足，几乎每月都要堵一次，夏天楼道里返臭，居民在邻里议事角反映了不止一回。',
    action:
      '薛成林代表找出当年的管网图纸，陪同排水部门现场勘查，确定了接入市政管网的走向；新管线要经过三户居民私搭的棚子，彭程远代表挨家做工作，三户主动拆除。改造方案在邻里议事角讨论了三次，施工时间避开了中高考。',
    result:
      '新铺设排水管道480米，改造化粪池2座，小区污水全部接入市政管网，工期60天。改造完成至今没有再出现堵塞，议事角的登记簿上这一类诉求“清了零”。',
    timeline: [
      { date: '2025-08-19', title: '议事角登记', description: '居民集中反映管道堵塞、返臭问题。' },
      {
        date: '2025-09-15',
        title: '现场勘查',
        description: '代表陪同排水部门勘查，确定接入市政管网的方案。',
      },
      { date: '2025-11-06', title: '拆除私搭棚子', description: '三户居民主动拆除影响管线走向的棚子。' },
      { date: '2026-02-23', title: '开工建设' },
      { date: '2026-04-24', title: '完工通水', description: '480米新管道投入使用，工期60天。' },
    ],
    photosBefore: [
      { key: 'case-sewer-gounan-before', alt: '沟南小区楼前满溢的化粪池井盖', motif: 'pipes', variant: 3 },
    ],
    photosAfter: [
      { key: 'case-sewer-gounan-after', alt: '改造后小区道路下新铺设的排水管道', motif: 'pipes', variant: 4 },
    ],
    deputies: ['xue-chenglin', 'peng-chengyuan'],
    station: 'qiligou-station',
    publishedAt: '2026-05-12',
  },
  {
    slug: 'xinqiao-night-market-noise',
    title: '新桥路夜宵摊噪声扰民：诉源治理工作室促成“夜间经营公约”',
    category: 'noise',
    street: 'yongan',
    community: '新桥社区',
    summary: '一起差点打上法庭的噪声纠纷，在工作室里调成了一份八家商户共同签字的公约，夜间噪声明显下降。',
    request:
      '新桥路上八家烧烤夜宵店营业到凌晨两点，室外摆桌、划拳喧哗，临街三栋楼约90户居民深受其扰。有住户已经准备起诉，商户则担心生意受影响，双方关系很僵。',
    action:
      '永安街道人大代表诉源治理工作室先后组织三次面对面调解。解文军代表对照噪声污染防治法讲清楚经营者的责任；同为餐饮从业者的赵永明代表逐家上门，算清“赶走邻居也赶走回头客”的账；覃丽代表起草了夜间经营公约，让双方逐条修改。',
    result:
      '八家商户签订公约：22:30以后不再室外摆桌，23:30前结束营业，统一加装油烟净化设备。社区定期检测，居民楼前夜间噪声由约68分贝降到52分贝左右，准备起诉的住户也撤回了打算。',
    timeline: [
      { date: '2024-06-03', title: '居民投诉', description: '临街住户到工作室反映夜间噪声和油烟问题。' },
      {
        date: '2024-06-17',
        title: '第一次调解',
        description: '居民与商户第一次坐到一张桌子前，各自说明诉求。',
      },
      { date: '2024-07-09', title: '公约初稿', description: '覃丽代表起草夜间经营公约，双方逐条讨论。' },
      { date: '2024-07-30', title: '签订公约', description: '八家商户和居民代表共同签字。' },
      { date: '2024-10-15', title: '回访检测', description: '夜间噪声检测约52分贝，居民满意。' },
    ],
    photosBefore: [
      {
        key: 'case-noise-xinqiao-before',
        alt: '深夜临街路边摆满桌椅的夜宵摊',
        motif: 'community',
        variant: 3,
      },
    ],
    photosAfter: [
      { key: 'case-noise-xinqiao-after', alt: '夜晚安静下来的临街居民楼', motif: 'quiet', variant: 1 },
    ],
    deputies: ['xie-wenjun', 'qin-li', 'zhao-yongming'],
    station: 'yongan-station',
    publishedAt: '2024-11-02',
  },
  {
    slug: 'wenhua-square-dance-noise',
    title: '文化广场噪声扰民：广场舞队与居民定下“音量公约”',
    category: 'noise',
    street: 'heping',
    community: '文化社区',
    summary:
      '跳舞的要健身，楼上的要休息。代表把双方请到一起，定时段、限音量、装监测屏，投诉从每月二十多件降到一两件。',
    request:
      '文化广场每晚有三支广场舞队活动，音响开得很大，常常跳到晚上十点。广场周边几栋楼里住着不少备考学生和倒班职工，每月投诉二十多件，舞队和居民之间时有口角。',
    action:
      '宋德福代表和几位舞队队长是老熟人，先一对一沟通，让大家认识到问题所在；邵雅琴代表组织舞队、居民和社区三方协商，社区用公共经费购置了分贝仪和一块噪声显示屏，三支舞队错开位置、统一改用定向音箱。',
    result:
      '协商确定：广场舞21:00前结束，音量不超过55分贝，中高考期间暂停晚场。噪声显示屏装在广场入口，数字一目了然。三个月后，相关投诉降到每月一两件。',
    timeline: [
      { date: '2025-04-09', title: '集中反映', description: '居民在实践中心接待日集中反映广场噪声问题。' },
      { date: '2025-04-23', title: '一对一沟通', description: '宋德福代表分别与三支舞队队长沟通。' },
      { date: '2025-05-14', title: '三方协商', description: '舞队、居民、社区共同商定时段和音量标准。' },
      { date: '2025-05-28', title: '噪声显示屏安装', description: '社区购置分贝仪和显示屏，公约开始执行。' },
      { date: '2025-07-30', title: '效果评估', description: '投诉由每月二十多件降至一两件。' },
    ],
    photosBefore: [
      {
        key: 'case-noise-wenhua-before',
        alt: '傍晚广场上几支舞队同时跳广场舞',
        motif: 'community',
        variant: 4,
      },
    ],
    photosAfter: [
      {
        key: 'case-noise-wenhua-after',
        alt: '广场入口处显示实时分贝数的噪声显示屏',
        motif: 'quiet',
        variant: 2,
      },
    ],
    deputies: ['song-defu', 'shao-yaqin'],
    station: 'quanshan-center',
    publishedAt: '2025-08-12',
  },
  {
    slug: 'jinxiu-garden-parking',
    title: '锦绣花园停车难：盘活闲置地块，新增112个车位',
    category: 'parking',
    street: 'jinshan',
    community: '锦绣社区',
    summary: '“民情直通车”把几个部门请到小区现场办公，闲置边角地变成停车场，消防通道终于畅通。',
    request:
      '锦绣花园建于2003年，1100多户居民只有280个车位，而小区里的车已超过600辆。一到晚上，车辆停满消防通道和单元门口，救护车曾因此进不来。',
    action:
      '魏东升代表在业主中发放停车意向问卷，回收860份，82%的业主支持新建停车设施；沈佳代表到现场踏勘后，提出利用小区东侧一块闲置边角地建地面停车场、小区内部分硬化不佳的绿地改为生态停车位的方案。金山街道人大代表之家开出“民情直通车”，请相关部门到小区现场办公，明确了地块使用和建设资金来源。',
    result:
      '东侧地块建成76个车位，小区内新增生态停车位36个，共新增112个车位，消防通道全部施划禁停标线。停车场由物业统一管理，夜间乱停现象基本消失。',
    timeline: [
      { date: '2025-03-11', title: '业主问卷', description: '回收问卷860份，82%的业主支持新建停车设施。' },
      {
        date: '2025-04-16',
        title: '民情直通车现场办公',
        description: '相关部门到小区现场办公，确定东侧地块可用于建设停车场。',
      },
      { date: '2025-06-20', title: '方案公示', description: '停车场设计方案在小区公示十五天。' },
      { date: '2025-08-25', title: '开工建设' },
      { date: '2025-11-10', title: '车位投入使用', description: '新增112个车位，消防通道施划禁停标线。' },
    ],
    photosBefore: [
      { key: 'case-parking-jinxiu-before', alt: '夜间小区消防通道上停满车辆', motif: 'parking', variant: 1 },
    ],
    photosAfter: [
      { key: 'case-parking-jinxiu-after', alt: '新建成的地面停车场划线整齐', motif: 'parking', variant: 2 },
    ],
    deputies: ['shen-jia', 'wei-dongsheng'],
    station: 'jinshan-home',
    publishedAt: '2025-12-02',
    cover: { key: 'case-parking-jinxiu-cover', alt: '锦绣花园新停车场全景', motif: 'parking', variant: 3 },
  },
  {
    slug: 'minfu-shared-parking',
    title: '民富小区停车难：企业场地夜间共享，缓解“一位难求”',
    category: 'parking',
    street: 'duanzhuang',
    community: '民富社区',
    summary:
      '代表把自家企业的停车场在夜间免费开放，又推动周边道路设置夜间限时泊位，老小区多出了210个夜间车位。',
    request:
      '民富小区是没有地下车库的老小区，460户居民有近300辆车，小区内只能停90辆。每天晚上居民绕着周边道路找车位，违停罚单成了不少家庭的“固定开支”。',
    action:
      '刘建军代表的物流企业就在小区附近，他提出将企业停车场在夜间向居民开放；曾秀兰代表组织居民登记车辆、签订安全协议，并与企业商定进出管理办法。两位代表又联名向交警部门建议，在周边两条车流量较小的道路施划夜间限时泊位。',
    result:
      '企业停车场每天18:30至次日7:30免费向登记居民开放，提供150个车位；周边道路新增夜间限时泊位60个。两项合计缓解了210辆车的夜间停放需求，小区内的消防通道得以腾空。',
    timeline: [
      { date: '2024-10-09', title: '居民反映', description: '居民在“五民五道”接待日集中反映停车难。' },
      { date: '2024-10-28', title: '企业表态共享', description: '刘建军代表提出夜间开放企业停车场。' },
      { date: '2024-12-05', title: '车辆登记与协议签订', description: '登记居民车辆168辆，签订安全协议。' },
      { date: '2025-01-06', title: '共享停车启用' },
      {
        date: '2025-03-18',
        title: '夜间限时泊位施划',
        description: '交警部门在周边道路施划夜间限时泊位60个。',
      },
    ],
    photosBefore: [
      {
        key: 'case-parking-minfu-before',
        alt: '老小区楼间道路两侧挤满停放的车辆',
        motif: 'parking',
        variant: 4,
      },
    ],
    photosAfter: [
      { key: 'case-parking-minfu-after', alt: '夜间向居民开放的企业停车场', motif: 'parking', variant: 5 },
    ],
    deputies: ['liu-jianjun', 'zeng-xiulan'],
    station: 'duanzhuang-station',
    publishedAt: '2025-04-08',
  },
  {
    slug: 'guangming-access-control',
    title: '光明苑高层安装梯控：小广告和陌生推销少了',
    category: 'access-control',
    street: 'huohua',
    community: '光明社区',
    summary: '微心愿墙上的一张卡片，变成了8部电梯的梯控系统；代表逐项核价，每部电梯省下8000元。',
    request:
      '光明苑两栋18层住宅共352户，电梯里小广告贴了撕、撕了贴，陌生人挨层敲门推销，夜间还有人乱按电梯按钮造成故障。一位住户在微心愿墙上写下：希望电梯能刷卡乘坐。',
    action:
      '蔡文静代表在“摘心愿”时认领了这张卡片，组织业主通过线上议事群讨论，征得多数业主同意后启动采购。懂行的潘明代表把三家供应商的报价逐项核对，去掉不必要的功能，每部电梯的费用从2.6万元降到1.8万元。针对老人和外卖、快递配送，方案中保留了访客呼叫和临时二维码。',
    result:
      '8部电梯全部安装梯控，总费用14.4万元，经业主表决从小区公共收益中列支，向住户发放门卡1100张。电梯里的小广告基本消失，电梯故障报修次数比上一年同期减少一半以上。',
    timeline: [
      { date: '2025-02-17', title: '心愿卡认领', description: '蔡文静代表在微心愿墙前认领这张心愿卡。' },
      { date: '2025-03-05', title: '业主线上议事', description: '线上议事群讨论梯控方案，收集意见120余条。' },
      {
        date: '2025-03-28',
        title: '报价核减',
        description: '潘明代表逐项核价，每部电梯费用由2.6万元降至1.8万元。',
      },
      { date: '2025-04-20', title: '业主表决通过', description: '同意从公共收益中列支改造费用。' },
      { date: '2025-06-06', title: '梯控启用', description: '8部电梯完成安装调试，发放门卡1100张。' },
    ],
    photosBefore: [
      {
        key: 'case-access-guangming-before',
        alt: '电梯轿厢内贴满小广告的墙面',
        motif: 'elevator',
        variant: 5,
      },
    ],
    photosAfter: [
      {
        key: 'case-access-guangming-after',
        alt: '电梯内安装的刷卡梯控面板',
        motif: 'access-card',
        variant: 1,
      },
    ],
    deputies: ['cai-wenjing', 'pan-ming'],
    station: 'huohua-station',
    publishedAt: '2025-07-03',
  },
  {
    slug: 'jiancai-access-control',
    title: '建材新苑安装梯控：电动车不再上楼，老人外卖员进出也方便',
    category: 'access-control',
    street: 'gongnong',
    community: '建材社区',
    summary: '梯控加电动车识别，再配上楼下充电棚，把“电动车进电梯”这个安全隐患从根上解决了。',
    request:
      '建材新苑三栋11层小高层共264户、6部电梯。不少居民把电动车推进电梯带回家充电，楼道里飞线充电也屡禁不止，居民担心火灾隐患，希望安装梯控并阻止电动车进电梯。',
    action:
      '电力工程师韩宇代表提出“堵疏结合”：电梯加装梯控和电动车识别装置，同时在楼下建设集中充电棚，并核算了电力增容需求。物业企业负责人乐思源代表承担了部分建设费用，组织居民讨论细节，为不便刷卡的高龄老人开通人脸识别，为外卖员、快递员设置临时通行码。',
    result:
      '6部电梯全部完成梯控和电动车识别改造，新建充电棚2处、充电口80个。改造后再没有发现电动车进电梯，楼道飞线充电也全部清理。',
    timeline: [
      {
        date: '2025-10-14',
        title: '物业恳谈会提出',
        description: '居民在“物业连心桥”恳谈会上提出电动车上楼的安全隐患。',
      },
      { date: '2025-11-03', title: '方案讨论', description: '确定梯控、电动车识别与充电棚同步建设的方案。' },
      { date: '2025-12-12', title: '电力增容完成', description: '为充电棚完成配电增容。' },
      { date: '2026-01-20', title: '充电棚建成', description: '两处充电棚、80个充电口投入使用。' },
      { date: '2026-03-16', title: '梯控启用', description: '6部电梯完成梯控和电动车识别装置调试。' },
    ],
    photosBefore: [
      { key: 'case-access-jiancai-before', alt: '居民推着电动车进入电梯', motif: 'elevator', variant: 6 },
    ],
    photosAfter: [
      {
        key: 'case-access-jiancai-after',
        alt: '单元门口的梯控刷卡器和人脸识别屏',
        motif: 'access-card',
        variant: 2,
      },
    ],
    deputies: ['han-yu', 'yue-siyuan'],
    station: 'gongnong-station',
    publishedAt: '2026-04-02',
  },
  {
    slug: 'fangzhi-dormitory-renewal',
    title: '纺织厂老宿舍区改造：屋面防水、楼道照明和扶手一次到位',
    category: 'old-community',
    street: 'gongnong',
    community: '纺织社区',
    summary: '改什么由居民“点菜”，代表挨栋走访列出清单，14栋老宿舍楼一次完成防水、照明和适老化改造。',
    request:
      '纺织厂宿舍区共14栋楼，建于上世纪八十年代，住户多是厂里的老职工。顶层住户年年漏雨，楼道没有照明，上下楼只能摸黑，不少老人盼着楼梯能装上扶手。',
    action:
      '陈志强代表和社区工作人员挨栋走访，列出了一张包含37项问题的清单；改造方案由居民在议事会上“点菜”，按投票结果排定先后顺序。冯桂兰代表从适老化角度提出增设扶手和楼梯休息座椅，并推动该片区纳入2025年老旧小区改造计划。',
    result:
      '完成屋面防水约9800平方米，安装楼道感应灯336盏，为56个单元加装扶手，部分楼层设置了折叠休息座椅。改造期间陈志强代表每天到工地转一圈，居民的意见当天就能转到施工方。',
    timeline: [
      { date: '2024-11-12', title: '挨栋走访', description: '代表走访14栋楼，列出37项问题清单。' },
      { date: '2025-01-08', title: '居民“点菜”', description: '议事会投票确定改造内容和先后顺序。' },
      { date: '2025-03-26', title: '纳入改造计划', description: '片区纳入2025年老旧小区改造计划。' },
      { date: '2025-05-12', title: '开工' },
      { date: '2025-10-20', title: '竣工验收', description: '屋面防水、楼道照明和扶手全部完工。' },
    ],
    photosBefore: [
      {
        key: 'case-old-fangzhi-before',
        alt: '墙皮脱落、没有照明的老宿舍楼道',
        motif: 'building',
        variant: 4,
      },
    ],
    photosAfter: [
      {
        key: 'case-old-fangzhi-after',
        alt: '改造后装有感应灯和扶手的明亮楼道',
        motif: 'community',
        variant: 5,
      },
    ],
    deputies: ['chen-zhiqiang', 'feng-guilan'],
    station: 'gongnong-station',
    publishedAt: '2025-11-06',
  },
  {
    slug: 'hanling-no-property-courtyard',
    title: '汉陵小区无物业楼院：板凳议事会定下“自治+托管”方案',
    category: 'old-community',
    street: 'wangling',
    community: '汉陵社区',
    summary: '没人管的楼院，在楼栋前的小板凳上商量出了管理办法：居民自管会加基础物业托管，每户每月15元。',
    request:
      '汉陵小区有6栋楼148户长期没有物业，垃圾靠居民自己往外运，12盏路灯坏了一大半，车辆乱停、楼道堆物无人过问。居民想请物业，又担心收费高、服务差。',
    action:
      '仇红梅代表在楼栋前连开四次板凳议事会，从“要不要管”“谁来管”一直谈到“收多少钱”。吴德胜代表带头报名楼院自管会，自管会与物业企业签订基础托管协议，服务内容和收费标准全部张贴公示，收支每季度向居民公开。',
    result:
      '楼院实行“自管会+基础托管”，每户每月缴费15元，首年缴费率达到91%。12盏路灯全部修复，垃圾实现日产日清，楼道堆物清理完毕，车辆按划线停放。',
    timeline: [
      { date: '2025-05-16', title: '第一次板凳议事会', description: '居民讨论楼院“要不要管、谁来管”。' },
      { date: '2025-06-13', title: '成立自管会', description: '推选7名居民组成楼院自管会。' },
      {
        date: '2025-07-18',
        title: '确定托管方案',
        description: '议事会表决通过基础托管服务内容和每户每月15元的收费标准。',
      },
      { date: '2025-09-01', title: '托管服务启动' },
      { date: '2025-12-15', title: '季度公示', description: '首次公示收支情况，缴费率91%。' },
    ],
    photosBefore: [
      {
        key: 'case-old-hanling-before',
        alt: '堆满杂物、路灯损坏的无物业楼院',
        motif: 'community',
        variant: 6,
      },
    ],
    photosAfter: [
      { key: 'case-old-hanling-after', alt: '整洁有序、车辆按线停放的楼院', motif: 'community', variant: 7 },
    ],
    deputies: ['qiu-hongmei', 'wu-desheng'],
    station: 'wangling-home',
    publishedAt: '2026-01-09',
  },
  {
    slug: 'yingcai-road-waste-point',
    title: '英才路学校旁垃圾收集点搬迁：上学路不再“捂着鼻子走”',
    category: 'environment',
    street: 'zhaishan',
    community: '英才社区',
    summary: '“三问”调查问出了家长和居民的共同心愿，垃圾收集点搬到120米外，原址变成小绿地。',
    request:
      '英才路上的一处露天垃圾收集点距离中学校门只有40米，夏天异味大、蚊蝇多，学生每天上下学都要经过。家长和周边居民多次反映，希望把收集点搬走。',
    action:
      '翟山街道实践站围绕这件事开展“三问”调查：问需，发放问卷520份；问计，请居民在三个备选位置中投票；问效，搬迁后再回访。朴春花代表从公共卫生角度提出密闭收集的要求，郑国庆代表带学生分析问卷结果，高鹏代表组织学生家长参与选址讨论。',
    result:
      '收集点搬至距校门约120米的位置，建成密闭式垃圾收集站，原址改造成约200平方米的小绿地。回访中，九成以上受访家长和居民表示满意。',
    timeline: [
      {
        date: '2025-05-08',
        title: '家长反映',
        description: '学生家长在实践站接待日反映垃圾收集点异味问题。',
      },
      { date: '2025-05-26', title: '“三问”问卷', description: '发放问卷520份，征集搬迁意见。' },
      { date: '2025-06-18', title: '选址投票', description: '居民在三个备选位置中投票选定新址。' },
      { date: '2025-08-10', title: '新收集站建成', description: '密闭式垃圾收集站投入使用。' },
      { date: '2025-10-09', title: '原址绿化与回访', description: '原址改为小绿地，回访满意度超过九成。' },
    ],
    photosBefore: [
      { key: 'case-env-yingcai-before', alt: '学校附近路边的露天垃圾收集点', motif: 'community', variant: 8 },
    ],
    photosAfter: [
      {
        key: 'case-env-yingcai-after',
        alt: '垃圾收集点原址改造成的小片绿地',
        motif: 'community',
        variant: 9,
      },
    ],
    deputies: ['piao-chunhua', 'zheng-guoqing', 'gao-peng'],
    station: 'zhaishan-station',
    publishedAt: '2025-11-18',
  },
  {
    slug: 'liuan-pocket-park',
    title: '柳岸小区河边荒地变身“口袋公园”',
    category: 'environment',
    street: 'hubin',
    community: '柳岸社区',
    summary: '一块堆满建筑垃圾的河边荒地，在居民投票选出的设计方案下变成了有步道、有座椅的口袋公园。',
    request:
      '柳岸小区北侧河边有一块约1800平方米的荒地，常年堆放建筑垃圾，夏天蚊蝇滋生。居民在“湖畔民情日记”里留言：能不能把这块地整一整，给老人孩子留个散步的地方。',
    action:
      '区永健代表沿河段巡查，联系有关部门清运建筑垃圾，并对河岸边坡提出了生态护坡的建议；林静怡代表组织居民参与设计，三套方案在小区展出，居民投票选出了“步道+休憩”方案。施工期间，两位代表在民情日记中持续记录进度。',
    result:
      '口袋公园于2026年9月建成，铺设环形步道260米，设置座椅18处和一组健身器材，沿河种植了乡土树种。每天傍晚，这里成了附近居民散步、聊天的去处。',
    timeline: [
      { date: '2025-11-20', title: '民情日记留言', description: '居民在民情日记中提出整治河边荒地的心愿。' },
      { date: '2026-01-14', title: '清运建筑垃圾', description: '清运各类建筑垃圾约300吨。' },
      {
        date: '2026-03-22',
        title: '居民投票选方案',
        description: '三套设计方案中，“步道+休憩”方案得票最多。',
      },
      { date: '2026-05-18', title: '开工建设' },
      { date: '2026-09-28', title: '口袋公园开放' },
    ],
    photosBefore: [
      { key: 'case-env-liuan-before', alt: '河边堆放建筑垃圾的荒地', motif: 'community', variant: 10 },
    ],
    photosAfter: [
      {
        key: 'case-env-liuan-after',
        alt: '建成后有步道和座椅的河边口袋公园',
        motif: 'community',
        variant: 11,
      },
    ],
    deputies: ['ou-yongjian', 'lin-jingyi'],
    station: 'hubin-station',
    publishedAt: '2026-10-18',
    cover: {
      key: 'case-env-liuan-cover',
      alt: '傍晚居民在口袋公园步道上散步',
      motif: 'community',
      variant: 12,
    },
  },
  {
    slug: 'duanzhuang-meal-service',
    title: '段庄社区老人吃饭难：助餐点开到家门口',
    category: 'other',
    street: 'duanzhuang',
    community: '段庄社区',
    summary:
      '代表调研摸清需求、盘活社区闲置用房，助餐点开业后日均服务老人约150人次，还为30户行动不便的老人送餐上门。',
    request:
      '段庄社区60岁以上老人有1300多人，其中独居老人200多人。不少老人反映买菜做饭越来越吃力，子女上班顾不上，希望社区能有个吃饭的地方。',
    action:
      '孙国平代表带队入户调研，摸清了老人的用餐时间、口味和可承受价格；曾秀兰代表协调社区一处160平方米的闲置用房，通过公开比选引入一家有资质的餐饮企业运营，并帮助助餐点申请养老助餐补贴。',
    result:
      '助餐点于2026年6月开业，每餐标准价12元，80岁以上老人享受补贴后每餐8元。开业以来日均就餐约150人次，另为30户行动不便的老人送餐上门。',
    timeline: [
      { date: '2025-12-10', title: '入户调研', description: '走访老人家庭320户，收集用餐需求。' },
      { date: '2026-02-26', title: '确定场地', description: '协调社区160平方米闲置用房作为助餐点。' },
      { date: '2026-04-15', title: '公开比选运营方' },
      { date: '2026-06-01', title: '助餐点开业' },
      { date: '2026-08-28', title: '回访评估', description: '日均就餐约150人次，送餐上门30户。' },
    ],
    photosBefore: [
      { key: 'case-other-duanzhuang-before', alt: '社区里闲置多年的空房间', motif: 'building', variant: 5 },
    ],
    photosAfter: [
      {
        key: 'case-other-duanzhuang-after',
        alt: '老人们在社区助餐点围桌用餐',
        motif: 'community',
        variant: 13,
      },
    ],
    deputies: ['sun-guoping', 'zeng-xiulan'],
    station: 'duanzhuang-station',
    publishedAt: '2026-09-10',
  },
]
