import { APIError, type CollectionBeforeOperationHook, type CollectionConfig } from 'payload'

import { anyone, isStaff } from '../access/index.ts'
import { mediaDir } from '../paths.ts'

const MB = 1024 * 1024

/** Images and videos only: no SVG (it can carry scripts), no documents. */
const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif', 'image/gif']
const VIDEO_TYPES = ['video/mp4', 'video/webm']
const MAX_IMAGE_BYTES = 15 * MB
export const MAX_VIDEO_BYTES = 300 * MB

/** Refuses wrong types and oversized files before anything is written, with a message editors understand. */
const checkUpload: CollectionBeforeOperationHook = ({ operation, req }) => {
  const file = req.file
  if (!file || (operation !== 'create' && operation !== 'update')) return
  const type = file.mimetype ?? ''
  if (IMAGE_TYPES.includes(type)) {
    if (file.size > MAX_IMAGE_BYTES) {
      throw new APIError(
        `图片不能超过 ${MAX_IMAGE_BYTES / MB} MB（当前 ${(file.size / MB).toFixed(1)} MB），请压缩后再上传。`,
        413,
        undefined,
        true,
      )
    }
    return
  }
  if (VIDEO_TYPES.includes(type)) {
    if (file.size > MAX_VIDEO_BYTES) {
      throw new APIError(
        `视频不能超过 ${MAX_VIDEO_BYTES / MB} MB（当前 ${(file.size / MB).toFixed(1)} MB）。`,
        413,
        undefined,
        true,
      )
    }
    return
  }
  throw new APIError(
    `不支持的文件类型“${type || '未知'}”：只能上传 JPG、PNG、WebP、AVIF、GIF 图片或 MP4、WebM 视频。`,
    400,
    undefined,
    true,
  )
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
    mimeTypes: [...IMAGE_TYPES, ...VIDEO_TYPES],
    focalPoint: true,
    crop: true,
    adminThumbnail: 'thumbnail',
    imageSizes: [
      {
        name: 'thumbnail',
        width: 400,
        height: 300,
        position: 'centre',
        formatOptions: { format: 'webp', options: { quality: 78 } },
      },
      { name: 'card', width: 800, formatOptions: { format: 'webp', options: { quality: 78 } } },
      {
        name: 'large',
        width: 1600,
        withoutEnlargement: true,
        formatOptions: { format: 'webp', options: { quality: 80 } },
      },
    ],
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
  ],
}
