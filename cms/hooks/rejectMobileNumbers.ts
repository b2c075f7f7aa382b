import type { CollectionBeforeValidateHook } from 'payload'

import { hasMobileNumber } from '../../vocabulary/phone.ts'
import { invalidFields } from './invalidFields.ts'

/** What editors read next to a field with a mobile number in deputies and stations. */
const NO_MOBILE_MESSAGE = '这里不能填写手机号码：代表的联系方式统一通过实践站公开。'

/**
 * Deputies are reached through their station, never privately: refuse any public text field (plain,
 * hasMany or rich text) that shows a mobile number, however it is written (cms/fields/mobileNumbers.ts),
 * so it cannot end up on the public site.
 */
export function rejectMobileNumbers(
  fields: string[],
  message: string = NO_MOBILE_MESSAGE,
): CollectionBeforeValidateHook {
  return ({ data, collection, req }) => {
    const errors = fields
      .filter((name) => data?.[name] !== undefined && hasMobileNumber(data[name]))
      .map((path) => ({ path, message }))
    if (errors.length) throw invalidFields(collection, errors, req)
    return data
  }
}
