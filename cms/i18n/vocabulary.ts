/**
 * Where Payload's own Chinese says something else than the rest of this admin: one vocabulary for
 * publishing, 发布 / 保存草稿 / 撤下 (the dashboard, the build log and the edit view's status line say the
 * same), and a new document's button is 发布, not 发布修改. (Strings Payload has no translation key for
 * are replaced at install time: cms/i18n/untranslated.json.)
 */
export const adminVocabulary = {
  version: {
    publishChanges: '发布',
    publishing: '正在发布…',
    unpublish: '撤下',
    unpublishing: '正在撤下…',
    unpublishedSuccessfully: '已撤下：内容保留为草稿，网站稍后不再显示。',
    confirmUnpublish: '确认撤下',
    aboutToUnpublish: '撤下后，网站上将不再显示这篇内容；内容保留为草稿，可以修改后再次发布。确定撤下吗？',
    unpublishIn: '在{{locale}}中撤下',
    aboutToUnpublishIn: '即将在{{locale}}中撤下这篇内容，确定吗？',
    aboutToUnpublishSelection: '即将撤下所选的全部{{label}}，确定吗？',
  },
  // 回收站, not Payload's 垃圾箱; restoring and deleting for good read as the rest of the admin.
  general: {
    payloadSettings: '系统设置',
    trash: '回收站',
    emptyTrash: '清空回收站',
    emptyTrashLabel: '清空{{label}}回收站',
    noTrashResults: '回收站中没有{{label}}。',
    aboutToTrash:
      '即将把{{label}}<1>{{title}}</1>移入回收站：网站上随即撤下，原网址跳转到栏目列表，可以从回收站恢复。确定吗？',
    aboutToTrashCount: '即将把 {{count}} 个{{label}}移入回收站',
    aboutToPermanentlyDeleteTrash:
      '即将从回收站永久删除 <0>{{count}}</0> 个<1>{{label}}</1>，删除后无法恢复。确定吗？',
    aboutToRestore: '即将恢复{{label}}<1>{{title}}</1>。确定吗？',
    aboutToRestoreAsDraft:
      '即将把{{label}}<1>{{title}}</1>恢复为草稿（恢复后需审核发布才会重新出现在网站上）。确定吗？',
    aboutToRestoreAsDraftCount: '即将把 {{count}} 个{{label}}恢复为草稿',
    aboutToRestoreCount: '即将恢复 {{count}} 个{{label}}',
    documentIsTrashed: '此{{label}}在回收站中，只能查看；恢复后才能修改。',
    deletePermanently: '不进回收站，直接永久删除（仅管理员）',
    deletedAt: '移入回收站时间',
    restore: '恢复',
    permanentlyDelete: '永久删除',
    permanentlyDeletedCountSuccessfully: '已永久删除 {{count}} 个{{label}}。',
    restoredCountSuccessfully: '已恢复 {{count}} 个{{label}}。',
    titleRestored: '{{label}}《{{title}}》已恢复。',
    titleTrashed: '{{label}}《{{title}}》已移入回收站。',
    trashedCountSuccessfully: '已把 {{count}} 个{{label}}移入回收站。',
  },
  error: { unPublishingDocument: '撤下时出现了问题，请稍后重试。' },
}
