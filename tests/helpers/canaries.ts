/** Strings planted in the test CMS that must never appear in the built site. */
export const CANARIES = {
  draftTitle: 'CANARY草稿标题Q7X',
  draftBody: 'CANARY草稿正文Z9K',
  pendingTitle: 'CANARY待发布修改W3M',
  userEmail: 'canary-user-k2p@example.org',
  userName: 'CANARY用户名R5T',
  mediaAlt: 'CANARY草稿图片说明H8D',
  mediaFile: 'canary-draft-picture-j4n',
  messageName: 'CANARY来信人N6V',
  messageBody: 'CANARY来信原文B7Q：楼下路灯坏了很久',
  messageNotes: 'CANARY内部备注T2L',
  messageSummary: 'CANARY未公开摘要S5R',
  messageCode: 'CANRY-CQDE7',
  opinionName: 'CANARY意见人M4J',
  opinionBody: 'CANARY意见原文P3W：建议第三条写明充电桩的维护责任',
  opinionReason: 'CANARY未公开理由U8E',
  opinionSummary: 'CANARY未公开意见摘要G6H',
  opinionCode: 'CANRY-PQNE7',
  bookingName: 'CANARY预约人B7K',
  bookingIssue: 'CANARY预约想反映的问题Q2Z',
  bookingCode: 'CANRY-BKQE7',
  activityDraftTitle: 'CANARY未发布活动D4N',
}

/** Shown on the answered sample consultation's page: an opinion's public summary once its feedback is out. */
export const PUBLIC_OPINION_SUMMARY = '测试：建议停车项目优先利用边角空地'

/** Shown on /results/: the public summary of a closed message editors made publishable. */
export const PUBLIC_MESSAGE_SUMMARY = '测试：居民反映小区路灯不亮，已修复'
