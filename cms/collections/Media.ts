import { APIError, type CollectionBeforeOperationHook, type CollectionConfig, type ImageSize } from 'payload'

import { anyone, isStaff } from '../access/index.ts'
import { mediaDir } from '../paths.ts'
import {
  checkMediaFile,
  DOCUMENT_TYPES,
  IMAGE_TYPES,
  MediaFileError,
  VIDEO_TYPES,
} from '../uploads/media-file.ts'
import { uploadFieldLabels } from '../fields/upload.ts'

// payload.config.ts sets the request body limit from it.
export { MAX_VIDEO_BYTES } from '../uploads/media-file.ts'

/**
 * Every file that reaches the media library is decided by its content (cms/uploads/media-file.ts):
 * the stored name, extension and MIME type are derived from the detected type, and images are
 * re-encoded without metadata, before Payload writes anything or makes the sizes from `req.file`.
 */
const checkUpload: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return
  const file = req.file
  if (!file) {
    // A create without a file is Payload's "fetch it from `url`" path (or a duplicate of a stored,
    // already checked file): the fetched file would keep the name and type the caller gives.
    if (operation === 'create' && !(args as { duplicateFromID?: unknown }).duplicateFromID)
      throw new APIError('请直接上传图片或视频文件：图片视频库不支持从网址导入。', 400, undefined, true)
    return
  }
  try {
    const checked = await checkMediaFile(file)
    req.file = {
      ...file,
      name: checked.name,
      mimetype: checked.mime,
      data: checked.data,
      size: checked.data.length,
      tempFilePath: undefined,
    }
  } catch (error) {
    if (error instanceof MediaFileError) throw new APIError(error.message, error.status, undefined, true)
    throw error
  }
}

/** Uploaded images and videos. Sizes are generated with sharp on upload. */
export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: '图片视频', plural: '图片视频' },
  admin: { group: '内容', useAsTitle: 'alt', defaultColumns: ['filename', 'alt', 'mimeType', 'filesize'] },
  access: {
    read: anyone,
    create: isStaff,
    update: isStaff,
    delete: isStaff,
  },
  hooks: {
    beforeOperation: [checkUpload],
  },
  upload: {
    // Evaluated when the config is built (after DATA_DIR is set), see cms/paths.ts.
    staticDir: mediaDir(),
    mimeTypes: [...IMAGE_TYPES, ...VIDEO_TYPES, ...DOCUMENT_TYPES],
    focalPoint: true,
    crop: true,
    adminThumbnail: 'thumbnail',
    // The generated sizes are the site's business: kept out of the list's columns and filters, where
    // they showed as "尺寸 > thumbnail > URL" and the like.
    imageSizes: [
      {
        name: 'thumbnail',
        width: 400,
        height: 300,
        position: 'centre',
        formatOptions: { format: 'webp' as const, options: { quality: 78 } },
      },
      { name: 'card', width: 800, formatOptions: { format: 'webp' as const, options: { quality: 78 } } },
      {
        name: 'large',
        width: 1600,
        withoutEnlargement: true,
        formatOptions: { format: 'webp' as const, options: { quality: 80 } },
      },
    ].map((size): ImageSize => ({ ...size, admin: { disableListColumn: true, disableListFilter: true } })),
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      label: '替代文字',
      required: true,
      maxLength: 200,
      admin: {
        description: '用一句话说明图片内容，供看不见图片的读者使用，例如“工人在单元门口安装电梯井道”。',
      },
    },
    { name: 'caption', type: 'text', label: '图片说明', maxLength: 200 },
    ...uploadFieldLabels,
  ],
}
