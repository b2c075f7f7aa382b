/**
 * Where Payload's own Chinese says something else than the rest of this admin: one vocabulary for
 * publishing, 发布 / 保存草稿 / 撤下 (the dashboard, the build log and the edit view's status line say the
 * same), and a new document's button is 发布, not 发布修改. (Strings Payload has no translation key for
 * are replaced at install time: cms/i18n/untranslated.json.)
 */
export const adminVocabulary = {
  general: { payloadSettings: '系统设置' },
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
  error: { unPublishingDocument: '撤下时出现了问题，请稍后重试。' },
}
