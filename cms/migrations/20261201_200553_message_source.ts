import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`messages\` ADD \`channel\` text DEFAULT 'web';`)
  await db.run(sql`ALTER TABLE \`messages\` ADD \`source\` text;`)
  await db.run(sql`CREATE INDEX \`messages_channel_idx\` ON \`messages\` (\`channel\`);`)
  await db.run(sql`CREATE INDEX \`messages_source_idx\` ON \`messages\` (\`source\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`messages_channel_idx\`;`)
  await db.run(sql`DROP INDEX \`messages_source_idx\`;`)
  await db.run(sql`ALTER TABLE \`messages\` DROP COLUMN \`channel\`;`)
  await db.run(sql`ALTER TABLE \`messages\` DROP COLUMN \`source\`;`)
}
