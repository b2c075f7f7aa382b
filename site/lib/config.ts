/**
 * Where the static site sends what only the CMS can do (writing a message, tracking it): the CMS's
 * public address, `PUBLIC_CMS_URL` at build time (default http://127.0.0.1:3000, what `npm start`
 * serves). Everything else on the site works without the CMS.
 */
export const cmsUrl = (): string =>
  (process.env.PUBLIC_CMS_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '')

export const messageEndpoints = () => ({
  submit: `${cmsUrl()}/api/messages/submit`,
  track: `${cmsUrl()}/api/messages/track`,
  rate: `${cmsUrl()}/api/messages/rate`,
})

/** 意见征集's CMS endpoints (issue 17). */
export const opinionEndpoints = () => ({
  submit: `${cmsUrl()}/api/opinions/submit`,
  receipt: `${cmsUrl()}/api/opinions/receipt`,
})

/** 活动预约's CMS endpoints (issue 18). */
export const bookingEndpoints = () => ({
  submit: `${cmsUrl()}/api/bookings/submit`,
  cancel: `${cmsUrl()}/api/bookings/cancel`,
  places: `${cmsUrl()}/api/activities/places`,
})
