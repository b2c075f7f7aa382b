import { sql } from '@payloadcms/db-sqlite'
import { describe, expect, it } from 'vitest'

import * as migration from '../../cms/migrations/20261201_144921_deputy_display_name.ts'
import { useThrowawayCms } from '../helpers/cms.ts'

/**
 * Two deputies with one name must never look alike in the admin (issue 14: an editor picked the first
 * "张伟" and linked the wrong person). Every picker and list shows the collection's `useAsTitle`.
 */

const cms = useThrowawayCms()

async function twoZhangWei() {
  const as = cms.asEditor()
  const a = await cms.payload.create({
    collection: 'deputies',
    data: { name: '张伟', level: 'district', street: 'kuishan', code: 'ZW-A' },
    ...as,
  })
  const b = await cms.payload.create({
    collection: 'deputies',
    data: { name: '张伟', level: 'district', street: 'jinshan', code: 'ZW-B' },
    ...as,
  })
  return [a, b] as const
}

describe('deputies are told apart wherever one is picked', () => {
  it('pickers show 姓名（街道 · 层级）: the two 张伟 read differently', async () => {
    expect(cms.payload.collections.deputies.config.admin.useAsTitle).toBe('displayName')
    const [a, b] = await twoZhangWei()
    expect(a.displayName).toBe('张伟（奎山街道 · 区人大代表）')
    expect(b.displayName).toBe('张伟（金山街道 · 区人大代表）')
    // A message's 承办代表, as the relationship field hands it to the admin.
    const station = await cms.payload.create({
      collection: 'stations',
      data: {
        name: '站',
        slug: 'zhan',
        type: 'station',
        street: 'kuishan',
        address: '路 1 号',
        hours: '周一',
      },
    })
    const message = await cms.payload.create({
      collection: 'messages',
      data: {
        category: 'elevator',
        street: 'kuishan',
        body: '加装电梯',
        name: '王女士',
        phone: '13912345678',
        deputy: a.id,
        station: station.id,
        grade: 'normal',
        status: 'received',
      },
      depth: 1,
      ...cms.asEditor(),
    })
    const title = cms.payload.collections.deputies.config.admin.useAsTitle as 'displayName'
    expect(typeof message.deputy === 'object' && message.deputy?.[title]).toBe(
      '张伟（奎山街道 · 区人大代表）',
    )
  })

  it('the title follows a change of name, street or level', async () => {
    const { docs } = await cms.payload.find({ collection: 'deputies', where: { code: { equals: 'ZW-A' } } })
    const moved = await cms.payload.update({
      collection: 'deputies',
      id: docs[0].id,
      data: { level: 'city' },
      ...cms.asEditor(),
    })
    expect(moved.displayName).toBe('张伟（奎山街道 · 市人大代表）')
    const renamed = await cms.payload.update({
      collection: 'deputies',
      id: docs[0].id,
      data: { name: '张玮', street: 'heping', displayName: '手写的名字' },
      ...cms.asEditor(),
    })
    expect(renamed.displayName).toBe('张玮（和平街道 · 市人大代表）')
  })

  it('deputies saved before the field existed get their title from the migration', async () => {
    const db = (cms.payload.db as unknown as { drizzle: Parameters<typeof migration.up>[0]['db'] }).drizzle
    const args = { db, payload: cms.payload, req: {} } as unknown as Parameters<typeof migration.up>[0]
    await migration.down(args)
    await migration.up(args)
    const rows = await db.all<{ code: string; display_name: string }>(
      sql`SELECT code, display_name FROM deputies ORDER BY code`,
    )
    expect(rows).toEqual([
      { code: 'ZW-A', display_name: '张玮（和平街道 · 市人大代表）' },
      { code: 'ZW-B', display_name: '张伟（金山街道 · 区人大代表）' },
    ])
  })
})
