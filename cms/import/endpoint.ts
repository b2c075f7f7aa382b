import type { PayloadHandler } from 'payload'

import { isStaffRequest } from '../access/index.ts'
import type { User } from '../payload-types.ts'
import { formatReport, ImportFileError, importDeputies, readSheet } from './deputies.ts'

const MAX_BYTES = 5 * 1024 * 1024

/**
 * POST /api/deputies/import (multipart: file, dryRun=true|false), for the admin's import panel.
 * Staff only; the import runs with the editor's own access rights. Answers 200 with the report, 422
 * when rows have problems (nothing written), 400 for an unreadable file.
 */
export const importDeputiesEndpoint: PayloadHandler = async (req) => {
  if (!isStaffRequest(req)) return Response.json({ message: '请先用编辑或管理员账号登录。' }, { status: 403 })
  const form = await req.formData?.()
  const file = form?.get('file')
  if (!(file instanceof File))
    return Response.json({ message: '请选择要导入的 CSV 或 Excel 文件。' }, { status: 400 })
  if (file.size > MAX_BYTES) return Response.json({ message: '文件太大（最多 5 MB）。' }, { status: 413 })
  try {
    const rows = await readSheet(Buffer.from(await file.arrayBuffer()), file.name)
    const report = await importDeputies(req.payload, rows, {
      dryRun: form?.get('dryRun') === 'true',
      user: req.user as User,
    })
    req.payload.logger.info(
      `import: ${req.user?.email} ${report.dryRun ? 'checked' : 'imported'} ${file.name}: ${report.rows} rows, ${report.created} new, ${report.updated} updated, ${report.problems.length} problems`,
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
