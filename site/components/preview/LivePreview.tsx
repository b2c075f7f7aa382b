/**
 * The live preview pane's page (site/pages/preview/): the editor's unsaved form, rendered with the same
 * article components as the published pages. The admin window (the CMS's origin, checked by
 * @payloadcms/live-preview on every message) sends the form data by postMessage as the editor types; the
 * CMS populates related documents (a case's deputies and station, pictures) for a logged-in editor only
 * (`POST /api/live-preview/<collection>/<id>`, with the editor's cookie). Rendered at build time it is
 * an empty shell saying 仅供编辑预览: nothing here ever holds content until the admin sends it.
 */
import './LivePreview.css'

import { useLivePreview } from '@payloadcms/live-preview-react'
import { convertLexicalToHTML, LinkHTMLConverter } from '@payloadcms/richtext-lexical/html'
import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'
import { Component, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'

import { documentMappers, isDoc, type CmsDocuments } from '../../loaders/documents.ts'
import { CaseStory } from '../article/CaseStory.tsx'
import { DeputyProfile } from '../article/DeputyProfile.tsx'
import { LectureArticle } from '../article/LectureArticle.tsx'
import { NewsArticle } from '../article/NewsArticle.tsx'
import { StationProfile } from '../article/StationProfile.tsx'

export const PREVIEW_COLLECTIONS = ['news', 'lectures', 'cases', 'deputies', 'stations'] as const
export type PreviewCollection = (typeof PREVIEW_COLLECTIONS)[number]

interface Target {
  collection: PreviewCollection
  id: string
}

/** The document the pane shows, from the page's query (`?collection=news&id=12`, set by the CMS). */
function targetOf(search: string): Target | null {
  const query = new URLSearchParams(search)
  const collection = query.get('collection') as PreviewCollection | null
  if (!collection || !PREVIEW_COLLECTIONS.includes(collection)) return null
  return { collection, id: query.get('id') ?? '' }
}

/** What the page says before (and instead of) any content. */
function Shell({ children }: { children?: ReactNode }) {
  return (
    <section className="preview-shell" aria-labelledby="preview-shell">
      <h1 id="preview-shell">仅供编辑预览</h1>
      <p>这个页面只在内容管理系统的“实时预览”窗格中显示正在编辑、尚未保存的内容。</p>
      {children ?? <p>直接打开时这里没有任何内容。已发布的内容请在网站的各栏目中查看。</p>}
    </section>
  )
}

export function LivePreview({ cmsUrl }: { cmsUrl: string }) {
  const [target, setTarget] = useState<Target | null>(null)
  // The query is read after hydration: the build renders the shell, and so does the first client render.
  // Opened on its own (not in the admin's pane or its pop-up window) the page stays the shell.
  useEffect(() => {
    if (window.parent !== window || window.opener) setTarget(targetOf(window.location.search))
  }, [])
  if (!target) return <Shell />
  return <Live cmsUrl={cmsUrl} target={target} />
}

/** Populated data, or what went wrong when the CMS would not populate it. */
type Merged = Record<string, unknown> & { previewError?: number }

function Live({ cmsUrl, target }: { cmsUrl: string; target: Target }) {
  const serverURL = new URL(cmsUrl).origin
  const initialData = useMemo<Merged>(() => ({ id: target.id }), [target.id])
  // Every keystroke sends the form and asks the CMS to populate it; answers can arrive out of order on a
  // busy server. Each request resolves to the newest answer, so the pane never steps back to older text.
  const latest = useRef<Promise<Merged> | null>(null)
  const { data, isLoading } = useLivePreview<Merged>({
    serverURL,
    initialData,
    depth: 1,
    // Our own endpoint instead of Payload's REST route: it answers only a logged-in editor, and only to
    // the site's origin (cms/endpoints/livePreview.ts). A refusal becomes `previewError`.
    requestHandler: async ({ data: body, endpoint }) => {
      const request: Promise<Merged> = fetch(`${serverURL}/api/live-preview/${endpoint}`, {
        method: 'POST',
        credentials: 'include',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      })
        .then((response) => (response.ok ? response.json() : { previewError: response.status }))
        .catch(() => ({ previewError: 0 }))
      latest.current = request
      let answer = await request
      while (latest.current !== null) {
        const newest: Promise<Merged> = latest.current
        answer = await newest
        if (latest.current === newest) break
      }
      return Response.json(answer)
    },
  })
  const map = useMemo(
    () =>
      documentMappers({
        lexical: { convertLexicalToHTML, LinkHTMLConverter, convertLexicalToPlaintext },
        mediaUrl: (filename) => `${serverURL}/api/media/file/${encodeURIComponent(filename)}`,
      }),
    [serverURL],
  )

  const revision = useRef(0)
  const seen = useRef<unknown>(null)
  if (seen.current !== data) {
    seen.current = data
    revision.current += 1
  }

  if (isLoading) return <Shell>{<p className="preview-wait">正在等待编辑窗口发送内容……</p>}</Shell>
  if (data.previewError !== undefined)
    return (
      <Shell>
        <p className="preview-error" role="alert">
          {data.previewError === 401 || data.previewError === 403
            ? '请先在内容管理系统中以编辑身份登录，再打开实时预览。'
            : '暂时无法连接内容管理系统，请稍后再试。'}
        </p>
      </Shell>
    )
  return (
    // A new boundary for every change, so a half-typed date breaks one keystroke's preview, not the pane.
    <Incomplete key={revision.current}>{render(target.collection, withDefaults(data), map)}</Incomplete>
  )
}

/** Shows what cannot be rendered yet (a required field still empty) instead of a blank pane. */
class Incomplete extends Component<{ children: ReactNode }, { error: string | null }> {
  override state = { error: null as string | null }
  static getDerivedStateFromError(error: unknown) {
    return { error: error instanceof Error ? error.message : String(error) }
  }
  override render() {
    if (this.state.error === null) return this.props.children
    return (
      <Shell>
        <p className="preview-error" role="alert">
          这部分内容还不完整，暂时无法预览（{this.state.error}）。
        </p>
      </Shell>
    )
  }
}

/** A form not yet filled in has no slug or dates: the page still renders, with today's date. */
function withDefaults(data: Merged): Merged {
  const now = new Date().toISOString()
  return {
    ...data,
    slug: data.slug || 'preview',
    title: data.title ?? '',
    publishedAt: data.publishedAt || now,
    updatedAt: data.updatedAt || now,
  }
}

function render(collection: PreviewCollection, doc: Merged, map: ReturnType<typeof documentMappers>) {
  return <Rendered collection={collection} doc={doc} map={map} />
}

/** The mapping runs while rendering, so the boundary above also catches a document it cannot map yet. */
function Rendered({
  collection,
  doc,
  map,
}: {
  collection: PreviewCollection
  doc: Merged
  map: ReturnType<typeof documentMappers>
}) {
  switch (collection) {
    case 'news':
      return <NewsArticle item={map.newsItem(doc as unknown as CmsDocuments['news'])} />
    case 'lectures':
      return <LectureArticle item={map.lectureItem(doc as unknown as CmsDocuments['lectures'])} />
    case 'cases':
      return <CaseStory item={map.caseItem(doc as unknown as CmsDocuments['cases'])} />
    case 'deputies': {
      const deputy = doc as unknown as CmsDocuments['deputies']
      const station = isDoc(deputy.station) ? map.stationItem(deputy.station) : null
      return <DeputyProfile deputy={map.deputyItem(deputy)} station={station} cases={[]} lectures={[]} />
    }
    case 'stations':
      return (
        <StationProfile
          station={map.stationItem(doc as unknown as CmsDocuments['stations'])}
          deputies={[]}
          cases={[]}
        />
      )
  }
}
