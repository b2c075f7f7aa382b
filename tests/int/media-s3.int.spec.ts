import fs from 'node:fs'
import path from 'node:path'

import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import { handleEndpoints, type SanitizedConfig } from 'payload'
import S3rver from 's3rver'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { scratchDir } from '../../cms/paths.ts'
import { seed } from '../../cms/seed/index.ts'
import { toLexical } from '../../cms/seed/lexical.ts'
import { MediaStorageError, s3Settings } from '../../cms/uploads/media-storage.ts'
import { buildSite } from '../../scripts/lib/site-build.ts'
import { allowSelfPublishing, makeUser, openThrowawayCms, type ThrowawayCms } from '../helpers/cms.ts'

/**
 * Issue 13, item 2: the media library on S3-compatible object storage through Payload's S3 adapter, with
 * s3rver (an S3 API server in Node) standing in for MinIO or a cloud's store. Uploads go to the bucket and
 * not to the data folder, the CMS serves them from there, the site build copies them into dist/media, and a
 * deleted picture leaves the bucket.
 */
const BUCKET = 'minhu-media'
const scratch = scratchDir('minhu-s3-')
let server: S3rver
let cms: ThrowawayCms
let client: S3Client

beforeAll(async () => {
  server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: path.join(scratch, 'store'),
    configureBuckets: [{ name: BUCKET }],
  })
  const { port } = await server.run()
  // Read once, when the config is built: before the CMS opens.
  Object.assign(process.env, {
    MEDIA_S3_BUCKET: BUCKET,
    MEDIA_S3_ENDPOINT: `http://127.0.0.1:${port}`,
    MEDIA_S3_ACCESS_KEY_ID: 'S3RVER',
    MEDIA_S3_SECRET_ACCESS_KEY: 'S3RVER',
  })
  client = new S3Client(s3Settings()!.config)
  cms = await openThrowawayCms()
  await seed(cms.payload)
}, 300_000)

afterAll(async () => {
  await cms?.close()
  await server?.close()
  fs.rmSync(scratch, { recursive: true, force: true })
})

const objects = async () =>
  ((await client.send(new ListObjectsV2Command({ Bucket: BUCKET }))).Contents ?? []).map((o) => o.Key!)

async function objectBytes(key: string): Promise<Buffer> {
  const object = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))
  return Buffer.from(await object.Body!.transformToByteArray())
}

describe('media on S3-compatible storage', { timeout: 300_000 }, () => {
  let filename = ''
  let newsSlug = ''

  it('an upload by an editor lands in the bucket, not in the data folder, with its resized copies', async () => {
    // Publishes: a reviewer, with 双人审核 off (who may publish is review.int's subject).
    const { user } = await makeUser(cms.payload, 'reviewer')
    await allowSelfPublishing(cms.payload)
    const data = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#3a7a5c' } })
      .png()
      .toBuffer()
    const doc = await cms.payload.create({
      collection: 'media',
      data: { alt: '存放在对象存储里的图片' },
      file: { data, mimetype: 'image/png', name: 'duixiang.png', size: data.length },
      overrideAccess: false,
      user,
    })
    filename = doc.filename!
    const keys = await objects()
    expect(keys).toContain(`media/${filename}`)
    for (const size of Object.values(doc.sizes ?? {}))
      if (size?.filename) expect(keys).toContain(`media/${size.filename}`)
    expect(fs.existsSync(path.join(cms.dataDir, 'media', filename))).toBe(false)
    // The seed's pictures went the same way.
    expect(keys.length).toBeGreaterThan(10)

    const news = await cms.payload.create({
      collection: 'news',
      data: {
        title: '对象存储里的封面图',
        category: 'news',
        body: toLexical(['封面图片存放在对象存储中。']),
        publishedAt: '2026-11-30',
        cover: doc.id,
        _status: 'published',
      } as never,
      overrideAccess: false,
      user,
    })
    newsSlug = news.slug!
  })

  it('the CMS serves the file from the bucket (GET /api/media/file/…)', async () => {
    const config = cms.payload.config as SanitizedConfig
    const res = await handleEndpoints({
      config,
      request: new Request(`http://127.0.0.1:3000/api/media/file/${filename}`),
    })
    expect(res.status).toBe(200)
    expect(Buffer.from(await res.arrayBuffer()).equals(await objectBytes(`media/${filename}`))).toBe(true)
  })

  it('the site build copies the pictures its pages show from the bucket into dist/media', async () => {
    const out = path.join(scratch, 'dist')
    const lines: string[] = []
    await buildSite({
      outDir: out,
      env: {
        DATA_DIR: cms.dataDir,
        DATABASE_URI: cms.databaseUri,
        PAYLOAD_SECRET: process.env.PAYLOAD_SECRET,
      },
      log: (line) => lines.push(line),
    })
    expect(lines.join('\n')).toMatch(new RegExp(`copied \\d+ media files .* from s3://${BUCKET}/media`))
    // The page shows the picture (its resized copies) from dist/media, byte for byte what the bucket holds.
    const page = fs.readFileSync(path.join(out, 'news', newsSlug, 'index.html'), 'utf8')
    const shown = [...new Set([...page.matchAll(/\/media\/(duixiang[^"'\s?,]*)/g)].map((m) => m[1]))]
    expect(shown.length).toBeGreaterThan(0)
    for (const name of shown)
      expect(
        fs.readFileSync(path.join(out, 'media', name)).equals(await objectBytes(`media/${name}`)),
        name,
      ).toBe(true)
    expect(page).toContain('存放在对象存储里的图片')
  })

  it('deleting the picture removes it and its copies from the bucket', async () => {
    const { docs } = await cms.payload.find({
      collection: 'media',
      where: { filename: { equals: filename } },
    })
    await cms.payload.update({
      collection: 'news',
      where: { slug: { equals: newsSlug } },
      data: { cover: null },
      overrideAccess: true,
    })
    await cms.payload.delete({ collection: 'media', id: docs[0].id, overrideAccess: true })
    expect((await objects()).filter((k) => k.includes(path.parse(filename).name))).toEqual([])
  })
})

describe('S3 settings', () => {
  it('a bucket without keys, or an endpoint that is no URL, is one line naming the variable', () => {
    expect(() => s3Settings({ MEDIA_S3_BUCKET: 'b' })).toThrow(MediaStorageError)
    expect(() => s3Settings({ MEDIA_S3_BUCKET: 'b' })).toThrow(/MEDIA_S3_ACCESS_KEY_ID/)
    expect(() =>
      s3Settings({
        MEDIA_S3_BUCKET: 'b',
        MEDIA_S3_ACCESS_KEY_ID: 'k',
        MEDIA_S3_SECRET_ACCESS_KEY: 's',
        MEDIA_S3_ENDPOINT: 'minio:9000',
      }),
    ).toThrow(/MEDIA_S3_ENDPOINT: "minio:9000" is not a URL/)
    expect(s3Settings({})).toBeNull()
  })
})
