import fs from 'node:fs'
import path from 'node:path'

import sharp from 'sharp'
import { describe, expect, it } from 'vitest'

import { ROOT } from '../../cms/paths.ts'
import { useThrowawayCms } from '../helpers/cms.ts'

/**
 * Issue 11, finding 2a and 7: an editor's upload is decided by its bytes, never by its name or declared
 * type, and stored under a name with the extension of that type; image originals lose their metadata.
 * Local API as an editor, access enforced.
 */

const local = useThrowawayCms()
const { asEditor } = local

/** The attack file: a real WebM header (the seed's sample lecture) with a page appended. */
const PAGE = '<!doctype html><script>fetch("/api/users",{method:"POST"})</script>'
const polyglot = Buffer.concat([
  fs.readFileSync(path.join(ROOT, 'content', 'media', 'lecture-sample.webm')),
  Buffer.from(PAGE),
])

const stored = (filename: string | null | undefined) => path.join(local.cms.dataDir, 'media', filename ?? '')
const mediaFiles = () => fs.readdirSync(path.join(local.cms.dataDir, 'media'))

function upload(data: Buffer, name: string, mimetype: string, alt = '测试文件') {
  return local.payload.create({
    collection: 'media',
    data: { alt },
    file: { data, name, mimetype, size: data.length },
    ...asEditor(),
  })
}

/** The status and message of a refused write. */
async function refusal(promise: Promise<unknown>): Promise<{ status?: number; message: string }> {
  try {
    await promise
  } catch (error) {
    return { status: (error as { status?: number }).status, message: (error as Error).message }
  }
  throw new Error('expected the upload to be refused')
}

describe('the type comes from the content', () => {
  it.each([
    ['declared as HTML', 'text/html'],
    ['declared as WebM', 'video/webm'],
  ])('a WebM with a page appended, named clip.htm and %s, is stored as a .webm video', async (_, type) => {
    const doc = await upload(polyglot, 'clip.htm', type)
    expect(doc.mimeType).toBe('video/webm')
    expect(doc.filename).toMatch(/^clip(-\d+)?\.webm$/)
    expect(fs.existsSync(stored(doc.filename))).toBe(true)
    expect(mediaFiles().filter((f) => /\.html?$/i.test(f))).toEqual([])
  })

  it('an HTML page named photo.jpg and declared as JPEG is refused, nothing stored', async () => {
    const before = mediaFiles().length
    const { status, message } = await refusal(upload(Buffer.from(PAGE), 'photo.jpg', 'image/jpeg'))
    expect(status).toBe(400)
    expect(message).toMatch(/不支持的文件类型.*photo\.jpg/)
    expect(mediaFiles().length).toBe(before)
  })

  it('a PNG named x.html becomes x.png, image/png', async () => {
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#c00' } })
      .png()
      .toBuffer()
    const doc = await upload(png, 'x.html', 'text/html')
    expect(doc.filename).toBe('x.png')
    expect(doc.mimeType).toBe('image/png')
    expect((await sharp(stored(doc.filename)).metadata()).format).toBe('png')
  })

  it('a JPEG declared as PNG and named in Chinese gets an ASCII name with its real extension', async () => {
    const jpg = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#0c0' } })
      .jpeg()
      .toBuffer()
    const doc = await upload(jpg, '加装电梯 现场.png', 'image/png')
    expect(doc.filename).toBe('jia-zhuang-dian-ti-xian-chang.jpg')
    expect(doc.mimeType).toBe('image/jpeg')
  })

  it('replacing the file of an existing document is checked the same way', async () => {
    const png = await sharp({ create: { width: 20, height: 20, channels: 3, background: '#00c' } })
      .png()
      .toBuffer()
    const doc = await upload(png, 'before.png', 'image/png')
    const refused = await refusal(
      local.payload.update({
        collection: 'media',
        id: doc.id,
        data: {},
        file: { data: Buffer.from(PAGE), name: 'after.png', mimetype: 'image/png', size: PAGE.length },
        ...asEditor(),
      }),
    )
    expect(refused.status).toBe(400)
    const updated = await local.payload.update({
      collection: 'media',
      id: doc.id,
      data: {},
      file: { data: polyglot, name: 'after.htm', mimetype: 'text/html', size: polyglot.length },
      ...asEditor(),
    })
    expect(updated.filename).toMatch(/^after(-\d+)?\.webm$/)
    expect(updated.mimeType).toBe('video/webm')
  })

  it('a create that asks Payload to fetch the file from a URL is refused', async () => {
    const { status, message } = await refusal(
      local.payload.create({
        collection: 'media',
        data: { alt: '网址', filename: 'clip.htm', url: 'https://example.org/clip.htm' } as never,
        ...asEditor(),
      }),
    )
    expect(status).toBe(400)
    expect(message).toMatch(/不支持从网址导入/)
  })
})

describe('image originals lose their metadata', () => {
  it('a JPEG with EXIF and GPS is stored upright without them, and the sizes are generated', async () => {
    // 3400 × 1800 stored sideways (orientation 6): upright it is 1800 × 3400.
    const jpg = await sharp({ create: { width: 3400, height: 1800, channels: 3, background: '#369' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExif({
        IFD0: { Make: 'PhoneMaker', Model: 'Phone 9' },
        IFD3: {
          GPSLatitudeRef: 'N',
          GPSLatitude: '34/1 15/1 42/1',
          GPSLongitudeRef: 'E',
          GPSLongitude: '117/1 11/1 3/1',
        },
      })
      .toBuffer()
    const input = await sharp(jpg).metadata()
    expect(input.exif?.toString('latin1')).toContain('PhoneMaker')
    expect(input.orientation).toBe(6)

    const doc = await upload(jpg, 'site-visit.jpg', 'image/jpeg')
    const onDisk = fs.readFileSync(stored(doc.filename))
    const meta = await sharp(onDisk).metadata()
    expect(meta.exif).toBeUndefined()
    expect(meta.xmp).toBeUndefined()
    expect(meta.orientation).toBeUndefined()
    expect(onDisk.includes('PhoneMaker')).toBe(false)
    expect([meta.width, meta.height]).toEqual([1800, 3400])
    expect([doc.width, doc.height]).toEqual([1800, 3400])

    for (const size of ['thumbnail', 'card', 'large'] as const) {
      const file = doc.sizes?.[size]?.filename
      expect(file, size).toBeTruthy()
      expect((await sharp(stored(file)).metadata()).exif, size).toBeUndefined()
    }
    expect(doc.sizes?.card?.width).toBe(800)
    expect(doc.sizes?.large?.width).toBe(1600)
  })

  it('an animated GIF keeps its frames', async () => {
    const frames = await Promise.all(
      ['#c00', '#0c0', '#00c'].map((background) =>
        sharp({ create: { width: 480, height: 360, channels: 4, background } })
          .png()
          .toBuffer(),
      ),
    )
    const gif = await sharp(frames, { join: { animated: true } })
      .gif()
      .toBuffer()
    expect((await sharp(gif).metadata()).pages).toBe(3)
    const doc = await upload(gif, 'wave.gif', 'image/gif')
    expect(doc.mimeType).toBe('image/gif')
    expect(doc.filename).toBe('wave.gif')
    expect([doc.width, doc.height]).toEqual([480, 360])
    expect((await sharp(stored(doc.filename)).metadata()).pages).toBe(3)
    expect(doc.sizes?.thumbnail?.filename).toBeTruthy()
  })

  it('an animated WebP with EXIF keeps its frames and loses the EXIF', async () => {
    const frames = await Promise.all(
      ['#c00', '#0c0'].map((background) =>
        sharp({ create: { width: 200, height: 100, channels: 3, background } })
          .png()
          .toBuffer(),
      ),
    )
    const webp = await sharp(frames, { join: { animated: true } })
      .webp()
      .withExif({ IFD0: { Make: 'PhoneMaker' } })
      .toBuffer()
    expect((await sharp(webp).metadata()).exif).toBeDefined()
    const doc = await upload(webp, 'flag.webp', 'image/webp')
    const meta = await sharp(stored(doc.filename)).metadata()
    expect(meta.pages).toBe(2)
    expect(meta.exif).toBeUndefined()
  })
})
