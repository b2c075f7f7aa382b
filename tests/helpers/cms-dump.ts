import type { CollectionSlug, GlobalSlug, Payload } from 'payload'

export interface CmsDump {
  documents: Record<string, { id: string | number }[]>
  versions: Record<string, unknown[]>
  globals: Record<string, unknown>
}

/**
 * Every document of every collection (hidden fields such as password hashes included) with their
 * versions, and the globals with theirs: what "the same CMS" means when comparing two databases.
 */
export async function dumpCms(payload: Payload): Promise<CmsDump> {
  const documents: CmsDump['documents'] = {}
  const versions: CmsDump['versions'] = {}
  for (const collection of payload.config.collections) {
    const slug = collection.slug as CollectionSlug
    const found = await payload.find({
      collection: slug,
      pagination: false,
      depth: 0,
      sort: 'id',
      draft: true,
      showHiddenFields: true,
      overrideAccess: true,
    })
    documents[slug] = found.docs
    if (collection.versions) {
      const all = await payload.findVersions({
        collection: slug,
        pagination: false,
        depth: 0,
        sort: 'id',
        overrideAccess: true,
      })
      versions[slug] = all.docs
    }
  }
  const globals: CmsDump['globals'] = {}
  for (const global of payload.config.globals) {
    const slug = global.slug as GlobalSlug
    globals[slug] = await payload.findGlobal({ slug, depth: 0, draft: true, overrideAccess: true })
    if (global.versions)
      versions[`global:${slug}`] = (
        await payload.findGlobalVersions({
          slug,
          pagination: false,
          depth: 0,
          sort: 'id',
          overrideAccess: true,
        })
      ).docs
  }
  return { documents, versions, globals }
}
