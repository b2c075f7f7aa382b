import path from 'node:path'

import type { CollectionConfig } from 'payload'

import { isAdmin, isStaff } from '../access/index.ts'
import { uploadFieldLabels } from '../fields/upload.ts'
import { dataDir } from '../paths.ts'

/**
 * Photos residents attach to a message. Unlike `media`, these files are private: only staff may read
 * them (Payload checks `read` before serving /api/message-photos/file/…), and they live in their own
 * folder, never copied into the site. They arrive re-encoded by sharp (no EXIF, no GPS).
 */
export const MessagePhotos: CollectionConfig = {
  slug: 'message-photos',
  labels: { singular: '来信照片', plural: '来信照片' },
  admin: { group: '民呼我应', useAsTitle: 'filename', hidden: true },
  access: {
    read: isStaff,
    create: isStaff,
    update: isStaff,
    delete: isAdmin,
  },
  upload: {
    // Evaluated when the config is built (after DATA_DIR is set), see cms/paths.ts.
    staticDir: path.join(dataDir(), 'message-photos'),
    mimeTypes: ['image/jpeg'],
    adminThumbnail: ({ doc }) => `/api/message-photos/file/${String(doc.filename)}`,
  },
  fields: [...uploadFieldLabels],
}
