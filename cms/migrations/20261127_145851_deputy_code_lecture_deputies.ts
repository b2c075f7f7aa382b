import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`lectures_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`deputies_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`lectures\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`deputies_id\`) REFERENCES \`deputies\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`lectures_rels_order_idx\` ON \`lectures_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`lectures_rels_parent_idx\` ON \`lectures_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`lectures_rels_path_idx\` ON \`lectures_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`lectures_rels_deputies_id_idx\` ON \`lectures_rels\` (\`deputies_id\`);`)
  await db.run(sql`CREATE TABLE \`_lectures_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`deputies_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_lectures_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`deputies_id\`) REFERENCES \`deputies\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_lectures_v_rels_order_idx\` ON \`_lectures_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_lectures_v_rels_parent_idx\` ON \`_lectures_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_lectures_v_rels_path_idx\` ON \`_lectures_v_rels\` (\`path\`);`)
  await db.run(
    sql`CREATE INDEX \`_lectures_v_rels_deputies_id_idx\` ON \`_lectures_v_rels\` (\`deputies_id\`);`,
  )
  await db.run(sql`ALTER TABLE \`deputies\` ADD \`code\` text;`)
  await db.run(sql`CREATE UNIQUE INDEX \`deputies_code_idx\` ON \`deputies\` (\`code\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`lectures_rels\`;`)
  await db.run(sql`DROP TABLE \`_lectures_v_rels\`;`)
  await db.run(sql`DROP INDEX \`deputies_code_idx\`;`)
  await db.run(sql`ALTER TABLE \`deputies\` DROP COLUMN \`code\`;`)
}
