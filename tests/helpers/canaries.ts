/** Strings planted in the test CMS that must never appear in the built site. */
export const CANARIES = {
  draftTitle: 'CANARY草稿标题Q7X',
  draftBody: 'CANARY草稿正文Z9K',
  pendingTitle: 'CANARY待发布修改W3M',
  userEmail: 'canary-user-k2p@example.org',
  userName: 'CANARY用户名R5T',
  mediaAlt: 'CANARY草稿图片说明H8D',
  mediaFile: 'canary-draft-picture-j4n',
}
