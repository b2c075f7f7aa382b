/**
 * Message photos left behind by a CMS process that died mid-submission (kill -9, power cut): a photo is
 * stored before its message, so a crash between the two leaves a photo document no message refers to, or
 * a file with no document at all. The CMS server removes them when it starts (`onInit`, only in the
 * server: scripts that open the Local API beside a running server must not), and only what is older than
 * this process, so a submission in flight in another process keeps its photos.
 */
import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

export async function sweepOrphanPhotos(
  payload: Payload,
  before: Date,
): Promise<{ docs: number; files: number }> {
  const referenced = new Set<string | number>()
  const messages = await payload.find({
    collection: 'messages',
    overrideAccess: true,
    depth: 0,
    limit: 0,
    pagination: false,
    select: { photos: true },
  })
  for (const message of messages.docs)
    for (const photo of message.photos ?? []) referenced.add(typeof photo === 'object' ? photo.id : photo)

  const photos = await payload.find({
    collection: 'message-photos',
    overrideAccess: true,
    depth: 0,
    limit: 0,
    pagination: false,
  })
  let docs = 0
  const kept = new Set<string>()
  for (const photo of photos.docs) {
    if (referenced.has(photo.id) || Date.parse(photo.createdAt) >= before.getTime()) {
      if (photo.filename) kept.add(photo.filename)
      continue
    }
    await payload.delete({ collection: 'message-photos', id: photo.id, overrideAccess: true })
    docs++
  }

  const dir = payload.collections['message-photos'].config.upload.staticDir
  let files = 0
  if (dir && fs.existsSync(dir)) {
    for (const name of fs.readdirSync(dir)) {
      const file = path.join(dir, name)
      if (kept.has(name) || fs.statSync(file).mtimeMs >= before.getTime()) continue
      fs.rmSync(file, { force: true })
      files++
    }
  }
  if (docs || files)
    payload.logger.info(
      `messages: removed ${docs} photo records and ${files} files left by an interrupted submission`,
    )
  return { docs, files }
}
