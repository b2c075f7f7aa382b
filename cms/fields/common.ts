import type { DateField, SelectField, UploadField } from 'payload'

import { CASE_CATEGORIES, STREETS, selectOptions } from '../../vocabulary/options.ts'

/** The admin's date picker for calendar days, shown as 2026-11-27. */
export const dayPicker = { pickerAppearance: 'dayOnly', displayFormat: 'yyyy-MM-dd' } as const

/** The date a document is shown as published; defaults to now. */
export const publishedAtField: DateField = {
  name: 'publishedAt',
  type: 'date',
  label: '发布日期',
  required: true,
  index: true,
  defaultValue: () => new Date().toISOString(),
  admin: {
    position: 'sidebar',
    date: dayPicker,
  },
}

export function streetField(overrides: Partial<SelectField> = {}): SelectField {
  return {
    name: 'street',
    type: 'select',
    label: '所属街道',
    options: selectOptions(STREETS),
    index: true,
    ...overrides,
  } as SelectField
}

export function imageField(name: string, label: string, overrides: Partial<UploadField> = {}): UploadField {
  return {
    name,
    type: 'upload',
    relationTo: 'media',
    label,
    filterOptions: { mimeType: { contains: 'image' } },
    ...overrides,
  } as UploadField
}

/** The kind of problem (加装电梯, 停车难, …): shared by case stories and residents' messages. */
export const caseCategoryField: SelectField = {
  name: 'category',
  type: 'select',
  label: '问题类别',
  required: true,
  options: selectOptions(CASE_CATEGORIES),
  index: true,
}
