import fs from 'node:fs'
import path from 'node:path'

import type { PayloadHandler } from 'payload'

import { isStaffRequest } from '../access/index.ts'
import { ROOT } from '../paths.ts'
import type { User } from '../payload-types.ts'
import { formatReport, ImportFileError, importDeputies, readSheet } from './deputies.ts'

const MAX_BYTES = 5 * 1024 * 1024
/** Photos sent with the sheet: up to 15 MB each (the media library's image limit), 50 MB together. */
const MAX_PHOTO_BYTES = 15 * 1024 * 1024
const MAX_PHOTOS_BYTES = 50 * 1024 * 1024

/** The template the README and the admin name; the file editors download from the import panel. */
export const TEMPLATE_FILE = path.join(ROOT, 'content', 'deputies-template.csv')
/** What the downloaded file is called on the editor's computer. */
export const TEMPLATE_NAME = '代表导入模板.csv'

/**
 * POST /api/deputies/import (multipart: file, photos (any number of image files, optional),
 * dryRun=true|false), for the admin's import panel. Staff only; the import runs with the editor's own
 * access rights. Answers 200 with the report (warnings included, e.g. photos that were not found), 422
 * when rows have problems (nothing written), 400 for an unreadable file.
 */
export const importDeputiesEndpoint: PayloadHandler = async (req) => {
  if (!isStaffRequest(req)) return Response.json({ message: '请先用编辑或管理员账号登录。' }, { status: 403 })
  const form = await req.formData?.()
  const file = form?.get('file')
  if (!(file instanceof File))
    return Response.json({ message: '请选择要导入的 CSV 或 Excel 文件。' }, { status: 400 })
  if (file.size > MAX_BYTES) return Response.json({ message: '文件太大（最多 5 MB）。' }, { status: 413 })
  const photos = (form?.getAll('photos') ?? []).filter((p): p is File => p instanceof File && p.size > 0)
  const tooBig = photos.find((p) => p.size > MAX_PHOTO_BYTES)
  if (tooBig)
    return Response.json({ message: `照片“${tooBig.name}”太大（每张最多 15 MB）。` }, { status: 413 })
  if (photos.reduce((sum, p) => sum + p.size, 0) > MAX_PHOTOS_BYTES)
    return Response.json({ message: '照片合计太大（最多 50 MB），请分几次导入。' }, { status: 413 })
  try {
    const rows = await readSheet(Buffer.from(await file.arrayBuffer()), file.name)
    const photoFiles = new Map<string, Buffer>()
    for (const photo of photos)
      photoFiles.set(path.basename(photo.name), Buffer.from(await photo.arrayBuffer()))
    const report = await importDeputies(req.payload, rows, {
      dryRun: form?.get('dryRun') === 'true',
      user: req.user as User,
      photoFiles,
    })
    req.payload.logger.info(
      `import: ${req.user?.email} ${report.dryRun ? 'checked' : 'imported'} ${file.name} with ${photos.length} photos: ${report.rows} rows, ${report.created} new, ${report.updated} updated, ${report.problems.length} problems, ${report.warnings.length} warnings`,
    )
    return Response.json(
      { ...report, lines: formatReport(report) },
      { status: report.problems.length ? 422 : 200 },
    )
  } catch (error) {
    if (error instanceof ImportFileError) return Response.json({ message: error.message }, { status: 400 })
    throw error
  }
}

/**
 * GET /api/deputies/import-template: the template (UTF-8 with BOM, so Excel shows the Chinese header)
 * as a download, linked from the import panel and named in the importer's header errors. Staff only,
 * like the import itself.
 */
export const importTemplateEndpoint: PayloadHandler = async (req) => {
  if (!isStaffRequest(req)) return Response.json({ message: '请先用编辑或管理员账号登录。' }, { status: 403 })
  return new Response(new Uint8Array(fs.readFileSync(TEMPLATE_FILE)), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="deputies-template.csv"; filename*=UTF-8''${encodeURIComponent(TEMPLATE_NAME)}`,
      'Cache-Control': 'no-store',
    },
  })
}
