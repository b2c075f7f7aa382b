import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`messages\` ADD \`needs_verification\` integer DEFAULT false;`)
  await db.run(
    sql`CREATE INDEX \`messages_needs_verification_idx\` ON \`messages\` (\`needs_verification\`);`,
  )
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`messages_needs_verification_idx\`;`)
  await db.run(sql`ALTER TABLE \`messages\` DROP COLUMN \`needs_verification\`;`)
}
