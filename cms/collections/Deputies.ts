import type { CollectionBeforeChangeHook, CollectionConfig } from 'payload'

import { isStaff, publishedOrStaff } from '../access/index.ts'
import { imageField, streetField } from '../fields/common.ts'
import { DEPUTY_LEVELS, EXPERTISE_FIELDS, selectOptions } from '../../vocabulary/options.ts'
import { deputyDisplayName } from '../../vocabulary/deputy-name.ts'
import { nameInitials, namePinyin } from '../fields/pinyin.ts'
import { slugField } from '../fields/slug.ts'
import { rejectMobileNumbers } from '../hooks/rejectMobileNumbers.ts'
import { importDeputiesEndpoint, importTemplateEndpoint } from '../import/endpoint.ts'

/** Pinyin is always derived from the name when a deputy is saved, never typed by hand. */
const derivePinyin: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const name = typeof data.name === 'string' ? data.name : originalDoc?.name
  if (typeof name === 'string' && name.trim()) {
    data.pinyin = namePinyin(name)
    data.pinyinInitials = nameInitials(name)
  }
  return data
}

/**
 * The name the admin shows in every picker and list: 姓名（街道 · 层级）, so two deputies with the same
 * name (the seed has two 张伟) are told apart. Stored (Payload's `useAsTitle` needs a field) and kept in
 * step with the name, street and level on every save; rows from before the field were filled in by the
 * migration 20261201_144921_deputy_display_name.
 */
const deriveDisplayName: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const name = data.name ?? originalDoc?.name
  if (typeof name === 'string' && name.trim()) {
    data.displayName = deputyDisplayName({
      name: name.trim(),
      street: data.street ?? originalDoc?.street,
      level: data.level ?? originalDoc?.level,
    })
  }
  return data
}

/** Every text shown on the deputy's public page. */
const TEXTS = [
  'name',
  'term',
  'constituency',
  'communities',
  'occupation',
  'identity',
  'duties',
  'commitments',
  'receptionTimes',
  'code',
]

/** 人大代表 profiles: 亮身份、亮职责、亮承诺. No private contact data: contact goes via the station. */
export const Deputies: CollectionConfig = {
  slug: 'deputies',
  labels: { singular: '人大代表', plural: '人大代表' },
  graphQL: { singularName: 'Deputy', pluralName: 'Deputies' },
  admin: {
    group: '代表与站点',
    useAsTitle: 'displayName',
    defaultColumns: ['displayName', 'level', 'street', 'station', 'isSample'],
    listSearchableFields: ['name', 'displayName', 'pinyin', 'pinyinInitials'],
    description: '代表的公开资料。不要填写个人手机号或住址，群众通过所在实践站联系代表。',
    components: { beforeListTable: ['/components/DeputyImport#DeputyImport'] },
  },
  endpoints: [
    { path: '/import', method: 'post', handler: importDeputiesEndpoint },
    { path: '/import-template', method: 'get', handler: importTemplateEndpoint },
  ],
  trash: true,
  access: {
    read: publishedOrStaff,
    create: isStaff,
    update: isStaff,
    delete: isStaff,
    readVersions: isStaff,
  },
  // Drafts and versions like the articles: changes are reviewed before they reach the site (先审后发).
  versions: { drafts: true, maxPerDoc: 50 },
  defaultSort: 'pinyin',
  hooks: {
    beforeValidate: [rejectMobileNumbers(TEXTS)],
    beforeChange: [derivePinyin, deriveDisplayName],
  },
  fields: [
    {
      type: 'row',
      fields: [
        { name: 'name', type: 'text', label: '姓名', required: true, maxLength: 20, index: true },
        {
          name: 'gender',
          type: 'select',
          label: '性别',
          options: [
            { value: 'male', label: '男' },
            { value: 'female', label: '女' },
          ],
        },
      ],
    },
    {
      name: 'displayName',
      type: 'text',
      label: '显示名称',
      index: true,
      admin: {
        readOnly: true,
        description: '保存时按姓名、街道和层级自动生成，用于后台各处选择代表时区分同名代表。',
      },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'pinyin',
          type: 'text',
          label: '拼音',
          index: true,
          admin: { readOnly: true, description: '保存时按姓名自动生成。' },
        },
        {
          name: 'pinyinInitials',
          type: 'text',
          label: '拼音首字母',
          index: true,
          admin: { readOnly: true },
        },
      ],
    },
    imageField('photo', '照片'),
    {
      type: 'row',
      fields: [
        {
          name: 'level',
          type: 'select',
          label: '代表层级',
          required: true,
          defaultValue: 'district',
          options: selectOptions(DEPUTY_LEVELS),
          index: true,
        },
        {
          name: 'term',
          type: 'text',
          label: '届别',
          maxLength: 60,
          admin: { description: '例如“泉山区第十八届人民代表大会代表”。' },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        { name: 'constituency', type: 'text', label: '选区', maxLength: 40 },
        streetField({ required: true }),
      ],
    },
    {
      name: 'communities',
      type: 'text',
      hasMany: true,
      label: '联系社区',
      admin: { description: '选区内的社区，群众按社区查找自己的代表。' },
    },
    {
      name: 'station',
      type: 'relationship',
      relationTo: 'stations',
      label: '进驻实践站',
      index: true,
    },
    { name: 'occupation', type: 'text', label: '职业/工作单位', maxLength: 80 },
    {
      name: 'fields',
      type: 'select',
      hasMany: true,
      label: '专业领域',
      options: selectOptions(EXPERTISE_FIELDS),
    },
    { name: 'identity', type: 'textarea', label: '亮身份', maxLength: 600 },
    { name: 'duties', type: 'textarea', label: '亮职责', maxLength: 600 },
    { name: 'commitments', type: 'textarea', label: '亮承诺', maxLength: 600 },
    { name: 'receptionTimes', type: 'text', label: '接待时间', maxLength: 120 },
    {
      name: 'code',
      type: 'text',
      label: '代表编号',
      unique: true,
      index: true,
      maxLength: 40,
      admin: {
        position: 'sidebar',
        description:
          '批量导入时识别同一位代表的编号（例如 QS18-001）。再次导入同一编号会更新这位代表，不会重复创建。',
      },
    },
    {
      name: 'isSample',
      type: 'checkbox',
      label: '示例数据',
      defaultValue: false,
      admin: { position: 'sidebar', description: '虚构的演示人物，网站上会标注“示例”。' },
    },
    slugField('name', { asName: true }),
  ],
}
