import type { GlobalConfig } from 'payload'

import { adminFieldOnly, anyone, isStaff } from '../access/index.ts'
import { DEFAULT_DUTY_MINIMUM } from '../../vocabulary/duty.ts'
import { sectionReminderTab } from '../workbench/sections.ts'

const linkFields = [
  { name: 'label', type: 'text', label: '名称', required: true, maxLength: 40 },
  { name: 'url', type: 'text', label: '网址', required: true, maxLength: 300 },
] as const

/** Site-wide settings: name, organiser, footer filings, links, quick navigation, about text. */
export const Site: GlobalConfig = {
  slug: 'site',
  label: '网站设置',
  admin: { group: '系统' },
  access: { read: anyone, update: isStaff },
  fields: [
    {
      type: 'tabs',
      tabs: [
        {
          label: '基本信息',
          fields: [
            { name: 'siteName', type: 'text', label: '网站名称', required: true, maxLength: 80 },
            { name: 'tagline', type: 'text', label: '标语', maxLength: 120 },
            { name: 'organizer', type: 'text', label: '主办单位', required: true, maxLength: 80 },
            { name: 'contactEmail', type: 'email', label: '联系邮箱' },
            {
              name: 'icp',
              type: 'text',
              label: 'ICP 备案号',
              admin: { description: '例如“苏ICP备15060045号-1”，没有可不填。' },
            },
            { name: 'publicSecurityFiling', type: 'text', label: '公安备案号' },
            { name: 'siteCode', type: 'text', label: '网站标识码' },
          ],
        },
        {
          label: '导航与链接',
          fields: [
            { name: 'quickNav', type: 'array', label: '快速导航', fields: [...linkFields] },
            { name: 'links', type: 'array', label: '友情链接', fields: [...linkFields] },
          ],
        },
        {
          label: '关于基地',
          fields: [
            { name: 'about', type: 'richText', label: '基地介绍' },
            {
              name: 'platforms',
              type: 'array',
              label: '五大平台',
              fields: [
                { name: 'name', type: 'text', label: '名称', required: true },
                { name: 'description', type: 'textarea', label: '说明' },
              ],
            },
            {
              name: 'stats',
              type: 'array',
              label: '首页数字',
              fields: [
                { name: 'value', type: 'text', label: '数字', required: true, maxLength: 20 },
                { name: 'label', type: 'text', label: '说明', required: true, maxLength: 40 },
              ],
            },
          ],
        },
        {
          label: '审核',
          fields: [
            {
              // 先审后发 (cms/review/): with this on, nobody publishes a change of their own.
              name: 'dualReview',
              type: 'checkbox',
              label: '双人审核',
              defaultValue: true,
              access: { update: adminFieldOnly },
              admin: {
                description:
                  '开启后，任何人（包括审核人员和管理员）都不能审核通过自己修改的内容，必须由另一位审核人员审核发布。只有管理员可以更改。',
              },
            },
          ],
        },
        {
          label: '统计口径',
          fields: [
            {
              // 代表履职档案 and 履职统计 (vocabulary/duty.ts): below this base a rate is not shown.
              name: 'dutyMinimum',
              type: 'number',
              label: '履职统计最少件数',
              min: 1,
              max: 100,
              defaultValue: DEFAULT_DUTY_MINIMUM,
              admin: {
                description:
                  '代表履职档案和履职统计中，按期办结率、办结用时和满意率的计算基数少于这个件数时不显示，以免一两件来信让比例误导群众。',
              },
            },
          ],
        },
        // The 工作台's 栏目更新提醒 (cms/workbench/).
        sectionReminderTab,
      ],
    },
  ],
}
