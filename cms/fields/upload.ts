import type { Field } from 'payload'

/**
 * Payload's own fields of an upload collection, relabelled: some carry English labels that no
 * translation reaches ("MIME Type", "Thumbnail URL", "URL"), and the list shows sizes in bytes. Payload
 * merges fields of the same name into its own (mergeBaseFields), so only labels and cells change.
 */
export const uploadFieldLabels: Field[] = [
  {
    name: 'mimeType',
    type: 'text',
    label: '文件类型',
    admin: { components: { Cell: '/components/FileCells#FileTypeCell' } },
  },
  {
    name: 'filesize',
    type: 'number',
    label: '文件大小',
    admin: { components: { Cell: '/components/FileCells#FileSizeCell' } },
  },
  { name: 'thumbnailURL', type: 'text', label: '缩略图地址' },
  { name: 'url', type: 'text', label: '文件地址' },
]
