/**
 * Where the media library's files live: the data folder's `media/` (the default), or an S3-compatible
 * object store (MinIO, Ceph, 阿里云 OSS, 腾讯云 COS, AWS S3) through Payload's storage adapter when
 * `MEDIA_S3_BUCKET` is set. Residents' message photos always stay in the data folder: they are personal
 * data, read only through the CMS (README: Media on object storage).
 *
 * The site build copies the files its pages show into `dist/media/` from here (`mediaStore().copy`), so
 * the site keeps working without the CMS or the store.
 */
import fs from 'node:fs'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'
import type { Readable } from 'node:stream'

import { GetObjectCommand, HeadObjectCommand, S3Client, type S3ClientConfig } from '@aws-sdk/client-s3'
import { getStorageFilePath } from '@payloadcms/plugin-cloud-storage/utilities'
import { s3Storage } from '@payloadcms/storage-s3'
import { createLocalReq, type Payload, type Plugin } from 'payload'

import { mediaDir } from '../paths.ts'

/** The variables read (process.env, or a plain object in tests). */
type Env = Record<string, string | undefined>

export interface S3Settings {
  bucket: string
  /** Folder inside the bucket (default `media`). */
  prefix: string
  config: S3ClientConfig
}

/** One line for developers, naming the variable. */
export class MediaStorageError extends Error {
  override name = 'MediaStorageError'
}

/** The S3 settings from the environment, or null for the data folder. */
export function s3Settings(env: Env = process.env): S3Settings | null {
  const bucket = env.MEDIA_S3_BUCKET?.trim()
  if (!bucket) return null
  const accessKeyId = env.MEDIA_S3_ACCESS_KEY_ID?.trim()
  const secretAccessKey = env.MEDIA_S3_SECRET_ACCESS_KEY?.trim()
  if (!accessKeyId || !secretAccessKey)
    throw new MediaStorageError(
      'MEDIA_S3_BUCKET is set: MEDIA_S3_ACCESS_KEY_ID and MEDIA_S3_SECRET_ACCESS_KEY are needed too',
    )
  const endpoint = env.MEDIA_S3_ENDPOINT?.trim()
  if (endpoint && !/^https?:\/\/[^/\s]+/.test(endpoint))
    throw new MediaStorageError(`MEDIA_S3_ENDPOINT: "${endpoint}" is not a URL like https://s3.example.cn`)
  return {
    bucket,
    prefix: (env.MEDIA_S3_PREFIX ?? 'media').replace(/^\/+|\/+$/g, ''),
    config: {
      region: env.MEDIA_S3_REGION?.trim() || 'us-east-1',
      credentials: { accessKeyId, secretAccessKey },
      ...(endpoint ? { endpoint } : {}),
      // Self-hosted stores (MinIO, Ceph) and most Chinese clouds' S3 APIs want bucket/key paths, not
      // bucket subdomains; AWS accepts both. MEDIA_S3_FORCE_PATH_STYLE=0 for virtual-hosted style.
      forcePathStyle: env.MEDIA_S3_FORCE_PATH_STYLE !== '0',
      // Checksums only where the API requires them: many S3-compatible stores reject or mangle the
      // trailing checksums newer AWS SDKs add to every upload by default.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    },
  }
}

/**
 * Payload's S3 storage adapter on the media collection, switched on when S3 is configured. Its fields
 * (`prefix`, `_objectKey`) are in the schema either way (`alwaysInsertFields`), so one set of committed
 * migrations fits both.
 */
export function mediaStoragePlugins(env: Env = process.env): Plugin[] {
  const settings = s3Settings(env)
  return [
    s3Storage({
      enabled: settings !== null,
      alwaysInsertFields: true,
      // Files are still served through the CMS (`/api/media/file/…`) with its access rules, and the admin's
      // previews work the same; the public site serves its own copies from dist/media.
      collections: { media: { prefix: settings?.prefix ?? 'media' } },
      bucket: settings?.bucket ?? 'unused',
      config: settings?.config ?? {},
    }),
    labelStorageFields,
  ]
}

/** Labels (Chinese) for the adapter's internal fields, kept out of list columns, filters and bulk edits. */
const STORAGE_FIELD_LABELS: Record<string, string> = { prefix: '存储目录', _objectKey: '存储对象键' }

/** Runs after the adapter (plugins apply in order), which adds the fields. */
const labelStorageFields: Plugin = (config) => ({
  ...config,
  collections: (config.collections ?? []).map((collection) =>
    collection.slug !== 'media'
      ? collection
      : {
          ...collection,
          fields: collection.fields.map((field) =>
            'name' in field && STORAGE_FIELD_LABELS[field.name]
              ? ({
                  ...field,
                  label: STORAGE_FIELD_LABELS[field.name],
                  admin: {
                    ...field.admin,
                    hidden: true,
                    disableListColumn: true,
                    disableListFilter: true,
                    disableBulkEdit: true,
                  },
                } as typeof field)
              : field,
          ),
        },
  ),
})

export interface MediaStore {
  kind: 'local' | 's3'
  /** Where files are, for log lines ("data/media", "s3://bucket/media"). */
  where: string
  /**
   * Copies the named files into `target`. A file the previous build `base` has (media names are never
   * reused for other content) is hard-linked from it instead of fetched again. A missing file fails.
   */
  copy(
    files: string[],
    target: string,
    base?: string,
  ): Promise<{ files: number; bytes: number; linked: number }>
}

interface Source {
  /** Size and modification time of a stored file, or null when there is none. */
  stat(name: string): Promise<{ size: number; mtimeMs: number } | null>
  fetch(name: string, to: string): Promise<void>
}

/** The media files' store as this environment configures it. */
export function mediaStore(payload: Payload, env: Env = process.env): MediaStore {
  const settings = s3Settings(env)
  if (!settings) {
    const dir = mediaDir()
    return {
      kind: 'local',
      where: dir,
      copy: (files, target, base) =>
        copyAll(files, target, base, dir, {
          stat: async (name) => fs.statSync(path.join(dir, name), { throwIfNoEntry: false }) ?? null,
          fetch: async (name, to) => fs.copyFileSync(path.join(dir, name), to),
        }),
    }
  }
  const client = new S3Client(settings.config)
  // Where Payload's adapter put a file (its prefix and object key folder): asked of the adapter's own code.
  const collection = payload.collections.media.config
  const localReq = createLocalReq({}, payload)
  const key = async (name: string) =>
    getStorageFilePath({ collection, collectionPrefix: settings.prefix, filename: name, req: await localReq })
  const fail = (name: string, error: unknown) =>
    new Error(`media: could not fetch ${name} from s3://${settings.bucket}: ${String(error)}`, {
      cause: error,
    })
  return {
    kind: 's3',
    where: `s3://${settings.bucket}/${settings.prefix}`,
    copy: (files, target, base) =>
      copyAll(files, target, base, `s3://${settings.bucket}/${settings.prefix}`, {
        stat: async (name) => {
          try {
            const head = await client.send(
              new HeadObjectCommand({ Bucket: settings.bucket, Key: await key(name) }),
            )
            return { size: head.ContentLength ?? -1, mtimeMs: head.LastModified?.getTime() ?? Date.now() }
          } catch (error) {
            const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode
            if (status === 404) return null
            throw fail(name, error)
          }
        },
        fetch: async (name, to) => {
          try {
            const object = await client.send(
              new GetObjectCommand({ Bucket: settings.bucket, Key: await key(name) }),
            )
            await pipeline(object.Body as Readable, fs.createWriteStream(to))
          } catch (error) {
            throw fail(name, error)
          }
        },
      }),
  }
}

/**
 * Copies `files` into `target`, several at a time. A file the previous build `base` holds with the same
 * size and a copy time after the stored file's is hard-linked from it (an unchanged picture is not
 * fetched again; a replaced one is newer than the copy).
 */
async function copyAll(
  files: string[],
  target: string,
  base: string | undefined,
  where: string,
  source: Source,
): Promise<{ files: number; bytes: number; linked: number }> {
  fs.mkdirSync(target, { recursive: true })
  let bytes = 0
  let linked = 0
  const missing: string[] = []
  const queue = files.map((f) => path.basename(f))
  const work = async () => {
    for (let name = queue.shift(); name; name = queue.shift()) {
      const stored = await source.stat(name)
      if (!stored) {
        missing.push(name)
        continue
      }
      const to = path.join(target, name)
      const previous = base
        ? fs.statSync(path.join(base, 'media', name), { throwIfNoEntry: false })
        : undefined
      bytes += stored.size
      if (previous && previous.size === stored.size && previous.mtimeMs >= stored.mtimeMs) {
        try {
          fs.linkSync(path.join(base!, 'media', name), to)
          linked++
          continue
        } catch {
          // another file system: copy it
        }
      }
      await source.fetch(name, to)
    }
  }
  await Promise.all(Array.from({ length: 6 }, work))
  if (missing.length)
    throw new Error(`media: ${missing.length} files missing from ${where}: ${missing.slice(0, 5).join(', ')}`)
  return { files: files.length, bytes, linked }
}
