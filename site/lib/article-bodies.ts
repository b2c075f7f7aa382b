/**
 * Article bodies outside Astro's content store. A news body or a lecture transcript is most of an
 * entry's bytes, and only the article's own page shows it; Astro keeps its whole content store in
 * memory for the whole build and pastes it into the page bundle as one JSON string, so a body kept
 * there exists several times over. The CMS loader (site/loaders/cms.ts) stores entries without their
 * bodies (site/lib/schemas.ts, BODY_FIELDS) and puts each body here; the page reads its own when it
 * renders (`articleBody`).
 *
 * During `astro build` the bodies are appended to one file per collection in the build's own folder
 * (site/build/context.ts, removed when the build ends) and only their place in it is kept in memory.
 * Outside a build (astro sync, astro check) they stay in memory. The store lives on the build context
 * (or `globalThis`) because the loader and the pages are different copies of this module.
 */
import fs from 'node:fs'
import path from 'node:path'

import { buildContext, type ArticleBodies } from '../build/context.ts'
import type { BodyCollection } from './schemas.ts'

export type { ArticleBodies }

/** Bodies appended to `<dir>/bodies-<collection>.html`; in memory only where each one is. */
export function fileBodies(dir: string): ArticleBodies {
  const files = new Map<BodyCollection, { fd: number; size: number; at: Map<string, [number, number]> }>()
  const file = (collection: BodyCollection) => {
    let f = files.get(collection)
    if (!f) {
      f = { fd: fs.openSync(path.join(dir, `bodies-${collection}.html`), 'w+'), size: 0, at: new Map() }
      files.set(collection, f)
    }
    return f
  }
  return {
    put(collection, slug, html) {
      const f = file(collection)
      const bytes = Buffer.from(html, 'utf8')
      fs.writeSync(f.fd, bytes, 0, bytes.length, f.size)
      f.at.set(slug, [f.size, bytes.length])
      f.size += bytes.length
    },
    get(collection, slug) {
      const f = files.get(collection)
      const place = f?.at.get(slug)
      if (!f || !place) return undefined
      const bytes = Buffer.alloc(place[1])
      fs.readSync(f.fd, bytes, 0, place[1], place[0])
      return bytes.toString('utf8')
    },
    close() {
      for (const f of files.values()) fs.closeSync(f.fd)
      files.clear()
    },
  }
}

function memoryBodies(): ArticleBodies {
  const bodies = new Map<string, string>()
  return {
    put: (collection, slug, html) => void bodies.set(`${collection}/${slug}`, html),
    get: (collection, slug) => bodies.get(`${collection}/${slug}`),
    close: () => bodies.clear(),
  }
}

const KEY = Symbol.for('minhu.site.bodies')
type WithBodies = typeof globalThis & { [KEY]?: ArticleBodies }

/** This build's body store (or, outside a build, the process's). */
export function articleBodies(): ArticleBodies {
  const context = buildContext()
  if (context) return (context.bodies ??= fileBodies(context.dir))
  return ((globalThis as WithBodies)[KEY] ??= memoryBodies())
}

/** The body of the article `collection/slug` as HTML, for its own page. */
export function articleBody(collection: BodyCollection, slug: string): string {
  const html = articleBodies().get(collection, slug)
  if (html === undefined)
    throw new Error(`article bodies: no body for ${collection}/${slug} (the CMS loader did not store it)`)
  return html
}
