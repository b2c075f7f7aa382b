import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`site\` ADD \`section_reminders_news\` numeric DEFAULT 14;`)
  await db.run(sql`ALTER TABLE \`site\` ADD \`section_reminders_notice\` numeric DEFAULT 30;`)
  await db.run(sql`ALTER TABLE \`site\` ADD \`section_reminders_lectures\` numeric DEFAULT 60;`)
  await db.run(sql`ALTER TABLE \`site\` ADD \`section_reminders_cases\` numeric DEFAULT 60;`)
  await db.run(sql`ALTER TABLE \`site\` ADD \`section_reminders_consultations\` numeric DEFAULT 180;`)
  await db.run(sql`ALTER TABLE \`site\` ADD \`section_reminders_activities\` numeric DEFAULT 30;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`site\` DROP COLUMN \`section_reminders_news\`;`)
  await db.run(sql`ALTER TABLE \`site\` DROP COLUMN \`section_reminders_notice\`;`)
  await db.run(sql`ALTER TABLE \`site\` DROP COLUMN \`section_reminders_lectures\`;`)
  await db.run(sql`ALTER TABLE \`site\` DROP COLUMN \`section_reminders_cases\`;`)
  await db.run(sql`ALTER TABLE \`site\` DROP COLUMN \`section_reminders_consultations\`;`)
  await db.run(sql`ALTER TABLE \`site\` DROP COLUMN \`section_reminders_activities\`;`)
}
