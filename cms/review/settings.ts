import type { PayloadRequest } from 'payload'

/** The site setting 双人审核 (on unless an admin switched it off). */
export async function dualReviewOn(req: PayloadRequest): Promise<boolean> {
  const site = await req.payload.findGlobal({ slug: 'site', depth: 0, overrideAccess: true, req })
  return (site as { dualReview?: boolean | null }).dualReview !== false
}
