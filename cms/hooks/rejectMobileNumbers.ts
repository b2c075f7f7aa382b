import { ValidationError, type CollectionBeforeValidateHook } from 'payload'

/** Mainland mobile numbers (11 digits starting with 1[3-9]), with or without separators. */
export const MOBILE_NUMBER = /(?<!\d)1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)/

/**
 * Deputies are reached through their station, never privately: refuse any text field that holds a
 * mobile number so it cannot end up on the public site.
 */
export function rejectMobileNumbers(fields: string[]): CollectionBeforeValidateHook {
  return ({ data, collection, req }) => {
    const errors = fields
      .filter((name) => typeof data?.[name] === 'string' && MOBILE_NUMBER.test(data[name] as string))
      .map((path) => ({ path, message: '这里不能填写手机号码：代表的联系方式统一通过实践站公开。' }))
    if (errors.length) throw new ValidationError({ collection: collection.slug, errors, req })
    return data
  }
}
