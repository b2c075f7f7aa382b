import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

import { deputyDisplayName } from '../../vocabulary/deputy-name.ts'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`deputies\` ADD \`display_name\` text;`)
  await db.run(sql`CREATE INDEX \`deputies_display_name_idx\` ON \`deputies\` (\`display_name\`);`)
  await db.run(sql`ALTER TABLE \`messages_timeline\` ADD \`skipped\` integer DEFAULT false;`)
  // Deputies saved before the field existed get their 姓名（街道 · 层级） now, as the hook would write it.
  const rows = await db.all<{ id: number; name: string; street: string | null; level: string | null }>(
    sql`SELECT \`id\`, \`name\`, \`street\`, \`level\` FROM \`deputies\`;`,
  )
  for (const row of rows) {
    await db.run(
      sql`UPDATE \`deputies\` SET \`display_name\` = ${deputyDisplayName(row)} WHERE \`id\` = ${row.id};`,
    )
  }
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`deputies_display_name_idx\`;`)
  await db.run(sql`ALTER TABLE \`deputies\` DROP COLUMN \`display_name\`;`)
  await db.run(sql`ALTER TABLE \`messages_timeline\` DROP COLUMN \`skipped\`;`)
}
