import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`_deputies_v_version_fields\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_deputies_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE INDEX \`_deputies_v_version_fields_order_idx\` ON \`_deputies_v_version_fields\` (\`order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_deputies_v_version_fields_parent_idx\` ON \`_deputies_v_version_fields\` (\`parent_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`_deputies_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_name\` text,
  	\`version_gender\` text,
  	\`version_display_name\` text,
  	\`version_pinyin\` text,
  	\`version_pinyin_initials\` text,
  	\`version_photo_id\` integer,
  	\`version_level\` text DEFAULT 'district',
  	\`version_term\` text,
  	\`version_constituency\` text,
  	\`version_street\` text,
  	\`version_station_id\` integer,
  	\`version_occupation\` text,
  	\`version_identity\` text,
  	\`version_duties\` text,
  	\`version_commitments\` text,
  	\`version_reception_times\` text,
  	\`version_code\` text,
  	\`version_is_sample\` integer DEFAULT false,
  	\`version_slug\` text,
  	\`version_review_state\` text DEFAULT 'draft',
  	\`version_review_comment\` text,
  	\`version_changed_by_id\` integer,
  	\`version_submitted_by_id\` integer,
  	\`version_submitted_at\` text,
  	\`version_reviewed_by_id\` integer,
  	\`version_reviewed_at\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`deputies\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_photo_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_station_id\`) REFERENCES \`stations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_changed_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_reviewed_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_deputies_v_parent_idx\` ON \`_deputies_v\` (\`parent_id\`);`)
  await db.run(
    sql`CREATE INDEX \`_deputies_v_version_version_name_idx\` ON \`_deputies_v\` (\`version_name\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_deputies_v_version_version_display_name_idx\` ON \`_deputies_v\` (\`version_display_name\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_deputies_v_version_version_pinyin_idx\` ON \`_deputies_v\` (\`version_pinyin\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_deputies_v_version_version_pinyin_initials_idx\` ON \`_deputies_v\` (\`version_pinyin_initials\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_deputies_v_version_version_photo_idx\` ON \`_deputies_v\` (\`version_photo_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_deputies_v_version_version_level_idx\` ON \`_deputies_v\` (\`version_level\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_deputies_v_version_version_street_idx\` ON \`_deputies_v\` (\`version_street\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_deputies_v_version_version_station_idx\` ON \`_deputies_v\` (\`version_station_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_deputies_v_version_version_code_idx\` ON \`_deputies_v\` (\`version_code\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_deputies_v_version_version_slug_idx\` ON \`_deputies_v\` (\`version_slug\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_deputies_v_version_version_review_state_idx\` ON \`_deputies_v\` (\`version_review_state\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_deputies_v_version_version_changed_by_idx\` ON \`_deputies_v\` (\`version_changed_by_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_deputies_v_version_version_submitted_by_idx\` ON \`_deputies_v\` (\`version_submitted_by_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_deputies_v_version_version_reviewed_by_idx\` ON \`_deputies_v\` (\`version_reviewed_by_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_deputies_v_version_version_updated_at_idx\` ON \`_deputies_v\` (\`version_updated_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_deputies_v_version_version_created_at_idx\` ON \`_deputies_v\` (\`version_created_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_deputies_v_version_version__status_idx\` ON \`_deputies_v\` (\`version__status\`);`,
  )
  await db.run(sql`CREATE INDEX \`_deputies_v_created_at_idx\` ON \`_deputies_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_deputies_v_updated_at_idx\` ON \`_deputies_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_deputies_v_latest_idx\` ON \`_deputies_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_deputies_v_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_deputies_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE INDEX \`_deputies_v_texts_order_parent\` ON \`_deputies_v_texts\` (\`order\`,\`parent_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`_stations_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_name\` text,
  	\`version_type\` text DEFAULT 'station',
  	\`version_street\` text,
  	\`version_brand\` text,
  	\`version_address\` text,
  	\`version_hours\` text,
  	\`version_phone\` text,
  	\`version_description\` text,
  	\`version_is_sample\` integer DEFAULT false,
  	\`version_slug\` text,
  	\`version_review_state\` text DEFAULT 'draft',
  	\`version_review_comment\` text,
  	\`version_changed_by_id\` integer,
  	\`version_submitted_by_id\` integer,
  	\`version_submitted_at\` text,
  	\`version_reviewed_by_id\` integer,
  	\`version_reviewed_at\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`stations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_changed_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_reviewed_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_stations_v_parent_idx\` ON \`_stations_v\` (\`parent_id\`);`)
  await db.run(
    sql`CREATE INDEX \`_stations_v_version_version_street_idx\` ON \`_stations_v\` (\`version_street\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_stations_v_version_version_slug_idx\` ON \`_stations_v\` (\`version_slug\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_stations_v_version_version_review_state_idx\` ON \`_stations_v\` (\`version_review_state\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_stations_v_version_version_changed_by_idx\` ON \`_stations_v\` (\`version_changed_by_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_stations_v_version_version_submitted_by_idx\` ON \`_stations_v\` (\`version_submitted_by_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_stations_v_version_version_reviewed_by_idx\` ON \`_stations_v\` (\`version_reviewed_by_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_stations_v_version_version_updated_at_idx\` ON \`_stations_v\` (\`version_updated_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_stations_v_version_version_created_at_idx\` ON \`_stations_v\` (\`version_created_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_stations_v_version_version__status_idx\` ON \`_stations_v\` (\`version__status\`);`,
  )
  await db.run(sql`CREATE INDEX \`_stations_v_created_at_idx\` ON \`_stations_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_stations_v_updated_at_idx\` ON \`_stations_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_stations_v_latest_idx\` ON \`_stations_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_stations_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`media_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_stations_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_stations_v_rels_order_idx\` ON \`_stations_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_stations_v_rels_parent_idx\` ON \`_stations_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_stations_v_rels_path_idx\` ON \`_stations_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_stations_v_rels_media_id_idx\` ON \`_stations_v_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE TABLE \`users_streets\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_streets_order_idx\` ON \`users_streets\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`users_streets_parent_idx\` ON \`users_streets\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`stations_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`stations_id\`) REFERENCES \`stations\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_rels_order_idx\` ON \`users_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`users_rels_parent_idx\` ON \`users_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`users_rels_path_idx\` ON \`users_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`users_rels_stations_id_idx\` ON \`users_rels\` (\`stations_id\`);`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_deputies\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`gender\` text,
  	\`display_name\` text,
  	\`pinyin\` text,
  	\`pinyin_initials\` text,
  	\`photo_id\` integer,
  	\`level\` text DEFAULT 'district',
  	\`term\` text,
  	\`constituency\` text,
  	\`street\` text,
  	\`station_id\` integer,
  	\`occupation\` text,
  	\`identity\` text,
  	\`duties\` text,
  	\`commitments\` text,
  	\`reception_times\` text,
  	\`code\` text,
  	\`is_sample\` integer DEFAULT false,
  	\`slug\` text,
  	\`review_state\` text DEFAULT 'draft',
  	\`review_comment\` text,
  	\`changed_by_id\` integer,
  	\`submitted_by_id\` integer,
  	\`submitted_at\` text,
  	\`reviewed_by_id\` integer,
  	\`reviewed_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`photo_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`station_id\`) REFERENCES \`stations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`changed_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`reviewed_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_deputies\`("id", "name", "gender", "display_name", "pinyin", "pinyin_initials", "photo_id", "level", "term", "constituency", "street", "station_id", "occupation", "identity", "duties", "commitments", "reception_times", "code", "is_sample", "slug", "updated_at", "created_at") SELECT "id", "name", "gender", "display_name", "pinyin", "pinyin_initials", "photo_id", "level", "term", "constituency", "street", "station_id", "occupation", "identity", "duties", "commitments", "reception_times", "code", "is_sample", "slug", "updated_at", "created_at" FROM \`deputies\`;`,
  )
  await db.run(sql`DROP TABLE \`deputies\`;`)
  await db.run(sql`ALTER TABLE \`__new_deputies\` RENAME TO \`deputies\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`deputies_name_idx\` ON \`deputies\` (\`name\`);`)
  await db.run(sql`CREATE INDEX \`deputies_display_name_idx\` ON \`deputies\` (\`display_name\`);`)
  await db.run(sql`CREATE INDEX \`deputies_pinyin_idx\` ON \`deputies\` (\`pinyin\`);`)
  await db.run(sql`CREATE INDEX \`deputies_pinyin_initials_idx\` ON \`deputies\` (\`pinyin_initials\`);`)
  await db.run(sql`CREATE INDEX \`deputies_photo_idx\` ON \`deputies\` (\`photo_id\`);`)
  await db.run(sql`CREATE INDEX \`deputies_level_idx\` ON \`deputies\` (\`level\`);`)
  await db.run(sql`CREATE INDEX \`deputies_street_idx\` ON \`deputies\` (\`street\`);`)
  await db.run(sql`CREATE INDEX \`deputies_station_idx\` ON \`deputies\` (\`station_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`deputies_code_idx\` ON \`deputies\` (\`code\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`deputies_slug_idx\` ON \`deputies\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`deputies_review_state_idx\` ON \`deputies\` (\`review_state\`);`)
  await db.run(sql`CREATE INDEX \`deputies_changed_by_idx\` ON \`deputies\` (\`changed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`deputies_submitted_by_idx\` ON \`deputies\` (\`submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`deputies_reviewed_by_idx\` ON \`deputies\` (\`reviewed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`deputies_updated_at_idx\` ON \`deputies\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`deputies_created_at_idx\` ON \`deputies\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`deputies__status_idx\` ON \`deputies\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new_stations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`type\` text DEFAULT 'station',
  	\`street\` text,
  	\`brand\` text,
  	\`address\` text,
  	\`hours\` text,
  	\`phone\` text,
  	\`description\` text,
  	\`is_sample\` integer DEFAULT false,
  	\`slug\` text,
  	\`review_state\` text DEFAULT 'draft',
  	\`review_comment\` text,
  	\`changed_by_id\` integer,
  	\`submitted_by_id\` integer,
  	\`submitted_at\` text,
  	\`reviewed_by_id\` integer,
  	\`reviewed_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`changed_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`reviewed_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_stations\`("id", "name", "type", "street", "brand", "address", "hours", "phone", "description", "is_sample", "slug", "updated_at", "created_at") SELECT "id", "name", "type", "street", "brand", "address", "hours", "phone", "description", "is_sample", "slug", "updated_at", "created_at" FROM \`stations\`;`,
  )
  await db.run(sql`DROP TABLE \`stations\`;`)
  await db.run(sql`ALTER TABLE \`__new_stations\` RENAME TO \`stations\`;`)
  await db.run(sql`CREATE INDEX \`stations_street_idx\` ON \`stations\` (\`street\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`stations_slug_idx\` ON \`stations\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`stations_review_state_idx\` ON \`stations\` (\`review_state\`);`)
  await db.run(sql`CREATE INDEX \`stations_changed_by_idx\` ON \`stations\` (\`changed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`stations_submitted_by_idx\` ON \`stations\` (\`submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`stations_reviewed_by_idx\` ON \`stations\` (\`reviewed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`stations_updated_at_idx\` ON \`stations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`stations_created_at_idx\` ON \`stations\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`stations__status_idx\` ON \`stations\` (\`_status\`);`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`review_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`review_comment\` text;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`changed_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`submitted_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`submitted_at\` text;`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`reviewed_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`news\` ADD \`reviewed_at\` text;`)
  await db.run(sql`CREATE INDEX \`news_review_state_idx\` ON \`news\` (\`review_state\`);`)
  await db.run(sql`CREATE INDEX \`news_changed_by_idx\` ON \`news\` (\`changed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`news_submitted_by_idx\` ON \`news\` (\`submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`news_reviewed_by_idx\` ON \`news\` (\`reviewed_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_review_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_review_comment\` text;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_changed_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_submitted_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_submitted_at\` text;`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_reviewed_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_news_v\` ADD \`version_reviewed_at\` text;`)
  await db.run(
    sql`CREATE INDEX \`_news_v_version_version_review_state_idx\` ON \`_news_v\` (\`version_review_state\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_news_v_version_version_changed_by_idx\` ON \`_news_v\` (\`version_changed_by_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_news_v_version_version_submitted_by_idx\` ON \`_news_v\` (\`version_submitted_by_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_news_v_version_version_reviewed_by_idx\` ON \`_news_v\` (\`version_reviewed_by_id\`);`,
  )
  await db.run(sql`ALTER TABLE \`lectures\` ADD \`review_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`lectures\` ADD \`review_comment\` text;`)
  await db.run(sql`ALTER TABLE \`lectures\` ADD \`changed_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`lectures\` ADD \`submitted_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`lectures\` ADD \`submitted_at\` text;`)
  await db.run(sql`ALTER TABLE \`lectures\` ADD \`reviewed_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`lectures\` ADD \`reviewed_at\` text;`)
  await db.run(sql`CREATE INDEX \`lectures_review_state_idx\` ON \`lectures\` (\`review_state\`);`)
  await db.run(sql`CREATE INDEX \`lectures_changed_by_idx\` ON \`lectures\` (\`changed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`lectures_submitted_by_idx\` ON \`lectures\` (\`submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`lectures_reviewed_by_idx\` ON \`lectures\` (\`reviewed_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_lectures_v\` ADD \`version_review_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`_lectures_v\` ADD \`version_review_comment\` text;`)
  await db.run(sql`ALTER TABLE \`_lectures_v\` ADD \`version_changed_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_lectures_v\` ADD \`version_submitted_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_lectures_v\` ADD \`version_submitted_at\` text;`)
  await db.run(sql`ALTER TABLE \`_lectures_v\` ADD \`version_reviewed_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_lectures_v\` ADD \`version_reviewed_at\` text;`)
  await db.run(
    sql`CREATE INDEX \`_lectures_v_version_version_review_state_idx\` ON \`_lectures_v\` (\`version_review_state\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_lectures_v_version_version_changed_by_idx\` ON \`_lectures_v\` (\`version_changed_by_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_lectures_v_version_version_submitted_by_idx\` ON \`_lectures_v\` (\`version_submitted_by_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_lectures_v_version_version_reviewed_by_idx\` ON \`_lectures_v\` (\`version_reviewed_by_id\`);`,
  )
  await db.run(sql`ALTER TABLE \`cases\` ADD \`review_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`cases\` ADD \`review_comment\` text;`)
  await db.run(sql`ALTER TABLE \`cases\` ADD \`changed_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`cases\` ADD \`submitted_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`cases\` ADD \`submitted_at\` text;`)
  await db.run(sql`ALTER TABLE \`cases\` ADD \`reviewed_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`cases\` ADD \`reviewed_at\` text;`)
  await db.run(sql`CREATE INDEX \`cases_review_state_idx\` ON \`cases\` (\`review_state\`);`)
  await db.run(sql`CREATE INDEX \`cases_changed_by_idx\` ON \`cases\` (\`changed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`cases_submitted_by_idx\` ON \`cases\` (\`submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`cases_reviewed_by_idx\` ON \`cases\` (\`reviewed_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_cases_v\` ADD \`version_review_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`_cases_v\` ADD \`version_review_comment\` text;`)
  await db.run(sql`ALTER TABLE \`_cases_v\` ADD \`version_changed_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_cases_v\` ADD \`version_submitted_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_cases_v\` ADD \`version_submitted_at\` text;`)
  await db.run(sql`ALTER TABLE \`_cases_v\` ADD \`version_reviewed_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_cases_v\` ADD \`version_reviewed_at\` text;`)
  await db.run(
    sql`CREATE INDEX \`_cases_v_version_version_review_state_idx\` ON \`_cases_v\` (\`version_review_state\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_cases_v_version_version_changed_by_idx\` ON \`_cases_v\` (\`version_changed_by_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_cases_v_version_version_submitted_by_idx\` ON \`_cases_v\` (\`version_submitted_by_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_cases_v_version_version_reviewed_by_idx\` ON \`_cases_v\` (\`version_reviewed_by_id\`);`,
  )
  await db.run(sql`ALTER TABLE \`consultations\` ADD \`review_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`consultations\` ADD \`review_comment\` text;`)
  await db.run(sql`ALTER TABLE \`consultations\` ADD \`changed_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`consultations\` ADD \`submitted_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`consultations\` ADD \`submitted_at\` text;`)
  await db.run(sql`ALTER TABLE \`consultations\` ADD \`reviewed_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`consultations\` ADD \`reviewed_at\` text;`)
  await db.run(sql`CREATE INDEX \`consultations_review_state_idx\` ON \`consultations\` (\`review_state\`);`)
  await db.run(sql`CREATE INDEX \`consultations_changed_by_idx\` ON \`consultations\` (\`changed_by_id\`);`)
  await db.run(
    sql`CREATE INDEX \`consultations_submitted_by_idx\` ON \`consultations\` (\`submitted_by_id\`);`,
  )
  await db.run(sql`CREATE INDEX \`consultations_reviewed_by_idx\` ON \`consultations\` (\`reviewed_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_consultations_v\` ADD \`version_review_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`_consultations_v\` ADD \`version_review_comment\` text;`)
  await db.run(
    sql`ALTER TABLE \`_consultations_v\` ADD \`version_changed_by_id\` integer REFERENCES users(id);`,
  )
  await db.run(
    sql`ALTER TABLE \`_consultations_v\` ADD \`version_submitted_by_id\` integer REFERENCES users(id);`,
  )
  await db.run(sql`ALTER TABLE \`_consultations_v\` ADD \`version_submitted_at\` text;`)
  await db.run(
    sql`ALTER TABLE \`_consultations_v\` ADD \`version_reviewed_by_id\` integer REFERENCES users(id);`,
  )
  await db.run(sql`ALTER TABLE \`_consultations_v\` ADD \`version_reviewed_at\` text;`)
  await db.run(
    sql`CREATE INDEX \`_consultations_v_version_version_review_state_idx\` ON \`_consultations_v\` (\`version_review_state\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_consultations_v_version_version_changed_by_idx\` ON \`_consultations_v\` (\`version_changed_by_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_consultations_v_version_version_submitted_by_idx\` ON \`_consultations_v\` (\`version_submitted_by_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_consultations_v_version_version_reviewed_by_idx\` ON \`_consultations_v\` (\`version_reviewed_by_id\`);`,
  )
  await db.run(sql`ALTER TABLE \`activities\` ADD \`review_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`activities\` ADD \`review_comment\` text;`)
  await db.run(sql`ALTER TABLE \`activities\` ADD \`changed_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`activities\` ADD \`submitted_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`activities\` ADD \`submitted_at\` text;`)
  await db.run(sql`ALTER TABLE \`activities\` ADD \`reviewed_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`activities\` ADD \`reviewed_at\` text;`)
  await db.run(sql`CREATE INDEX \`activities_review_state_idx\` ON \`activities\` (\`review_state\`);`)
  await db.run(sql`CREATE INDEX \`activities_changed_by_idx\` ON \`activities\` (\`changed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`activities_submitted_by_idx\` ON \`activities\` (\`submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`activities_reviewed_by_idx\` ON \`activities\` (\`reviewed_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_activities_v\` ADD \`version_review_state\` text DEFAULT 'draft';`)
  await db.run(sql`ALTER TABLE \`_activities_v\` ADD \`version_review_comment\` text;`)
  await db.run(sql`ALTER TABLE \`_activities_v\` ADD \`version_changed_by_id\` integer REFERENCES users(id);`)
  await db.run(
    sql`ALTER TABLE \`_activities_v\` ADD \`version_submitted_by_id\` integer REFERENCES users(id);`,
  )
  await db.run(sql`ALTER TABLE \`_activities_v\` ADD \`version_submitted_at\` text;`)
  await db.run(
    sql`ALTER TABLE \`_activities_v\` ADD \`version_reviewed_by_id\` integer REFERENCES users(id);`,
  )
  await db.run(sql`ALTER TABLE \`_activities_v\` ADD \`version_reviewed_at\` text;`)
  await db.run(
    sql`CREATE INDEX \`_activities_v_version_version_review_state_idx\` ON \`_activities_v\` (\`version_review_state\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_activities_v_version_version_changed_by_idx\` ON \`_activities_v\` (\`version_changed_by_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_activities_v_version_version_submitted_by_idx\` ON \`_activities_v\` (\`version_submitted_by_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_activities_v_version_version_reviewed_by_idx\` ON \`_activities_v\` (\`version_reviewed_by_id\`);`,
  )
  await db.run(sql`ALTER TABLE \`site\` ADD \`dual_review\` integer DEFAULT true;`)
  // Everything already on the site was published before review existed: it stays published, and its review
  // state says so (new columns default to 草稿). Deputies and stations had no drafts until now.
  for (const table of ['deputies', 'stations']) {
    await db.run(
      sql.raw(`UPDATE \`${table}\` SET \`_status\` = 'published', \`review_state\` = 'published';`),
    )
  }
  for (const table of ['news', 'lectures', 'cases', 'consultations', 'activities']) {
    await db.run(
      sql.raw(`UPDATE \`${table}\` SET \`review_state\` = 'published' WHERE \`_status\` = 'published';`),
    )
    await db.run(
      sql.raw(
        `UPDATE \`_${table}_v\` SET \`version_review_state\` = 'published' WHERE \`version__status\` = 'published';`,
      ),
    )
  }
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`_deputies_v_version_fields\`;`)
  await db.run(sql`DROP TABLE \`_deputies_v\`;`)
  await db.run(sql`DROP TABLE \`_deputies_v_texts\`;`)
  await db.run(sql`DROP TABLE \`_stations_v\`;`)
  await db.run(sql`DROP TABLE \`_stations_v_rels\`;`)
  await db.run(sql`DROP TABLE \`users_streets\`;`)
  await db.run(sql`DROP TABLE \`users_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_news\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`category\` text DEFAULT 'news',
  	\`summary\` text,
  	\`cover_id\` integer,
  	\`body\` text,
  	\`source\` text,
  	\`author\` text,
  	\`published_at\` text,
  	\`slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_news\`("id", "title", "category", "summary", "cover_id", "body", "source", "author", "published_at", "slug", "updated_at", "created_at", "_status") SELECT "id", "title", "category", "summary", "cover_id", "body", "source", "author", "published_at", "slug", "updated_at", "created_at", "_status" FROM \`news\`;`,
  )
  await db.run(sql`DROP TABLE \`news\`;`)
  await db.run(sql`ALTER TABLE \`__new_news\` RENAME TO \`news\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`news_category_idx\` ON \`news\` (\`category\`);`)
  await db.run(sql`CREATE INDEX \`news_cover_idx\` ON \`news\` (\`cover_id\`);`)
  await db.run(sql`CREATE INDEX \`news_published_at_idx\` ON \`news\` (\`published_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`news_slug_idx\` ON \`news\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`news_updated_at_idx\` ON \`news\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`news_created_at_idx\` ON \`news\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`news__status_idx\` ON \`news\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__news_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_category\` text DEFAULT 'news',
  	\`version_summary\` text,
  	\`version_cover_id\` integer,
  	\`version_body\` text,
  	\`version_source\` text,
  	\`version_author\` text,
  	\`version_published_at\` text,
  	\`version_slug\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`news\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new__news_v\`("id", "parent_id", "version_title", "version_category", "version_summary", "version_cover_id", "version_body", "version_source", "version_author", "version_published_at", "version_slug", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_title", "version_category", "version_summary", "version_cover_id", "version_body", "version_source", "version_author", "version_published_at", "version_slug", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_news_v\`;`,
  )
  await db.run(sql`DROP TABLE \`_news_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__news_v\` RENAME TO \`_news_v\`;`)
  await db.run(sql`CREATE INDEX \`_news_v_parent_idx\` ON \`_news_v\` (\`parent_id\`);`)
  await db.run(
    sql`CREATE INDEX \`_news_v_version_version_category_idx\` ON \`_news_v\` (\`version_category\`);`,
  )
  await db.run(sql`CREATE INDEX \`_news_v_version_version_cover_idx\` ON \`_news_v\` (\`version_cover_id\`);`)
  await db.run(
    sql`CREATE INDEX \`_news_v_version_version_published_at_idx\` ON \`_news_v\` (\`version_published_at\`);`,
  )
  await db.run(sql`CREATE INDEX \`_news_v_version_version_slug_idx\` ON \`_news_v\` (\`version_slug\`);`)
  await db.run(
    sql`CREATE INDEX \`_news_v_version_version_updated_at_idx\` ON \`_news_v\` (\`version_updated_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_news_v_version_version_created_at_idx\` ON \`_news_v\` (\`version_created_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_news_v_version_version__status_idx\` ON \`_news_v\` (\`version__status\`);`,
  )
  await db.run(sql`CREATE INDEX \`_news_v_created_at_idx\` ON \`_news_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_updated_at_idx\` ON \`_news_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_news_v_latest_idx\` ON \`_news_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new_lectures\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`speaker\` text,
  	\`topic\` text,
  	\`series\` text DEFAULT '人大微讲堂',
  	\`summary\` text,
  	\`cover_id\` integer,
  	\`video_id\` integer,
  	\`video_url\` text,
  	\`duration_seconds\` numeric,
  	\`transcript\` text,
  	\`published_at\` text,
  	\`slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`video_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_lectures\`("id", "title", "speaker", "topic", "series", "summary", "cover_id", "video_id", "video_url", "duration_seconds", "transcript", "published_at", "slug", "updated_at", "created_at", "_status") SELECT "id", "title", "speaker", "topic", "series", "summary", "cover_id", "video_id", "video_url", "duration_seconds", "transcript", "published_at", "slug", "updated_at", "created_at", "_status" FROM \`lectures\`;`,
  )
  await db.run(sql`DROP TABLE \`lectures\`;`)
  await db.run(sql`ALTER TABLE \`__new_lectures\` RENAME TO \`lectures\`;`)
  await db.run(sql`CREATE INDEX \`lectures_cover_idx\` ON \`lectures\` (\`cover_id\`);`)
  await db.run(sql`CREATE INDEX \`lectures_video_idx\` ON \`lectures\` (\`video_id\`);`)
  await db.run(sql`CREATE INDEX \`lectures_published_at_idx\` ON \`lectures\` (\`published_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`lectures_slug_idx\` ON \`lectures\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`lectures_updated_at_idx\` ON \`lectures\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`lectures_created_at_idx\` ON \`lectures\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`lectures__status_idx\` ON \`lectures\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__lectures_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_speaker\` text,
  	\`version_topic\` text,
  	\`version_series\` text DEFAULT '人大微讲堂',
  	\`version_summary\` text,
  	\`version_cover_id\` integer,
  	\`version_video_id\` integer,
  	\`version_video_url\` text,
  	\`version_duration_seconds\` numeric,
  	\`version_transcript\` text,
  	\`version_published_at\` text,
  	\`version_slug\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`lectures\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_video_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new__lectures_v\`("id", "parent_id", "version_title", "version_speaker", "version_topic", "version_series", "version_summary", "version_cover_id", "version_video_id", "version_video_url", "version_duration_seconds", "version_transcript", "version_published_at", "version_slug", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_title", "version_speaker", "version_topic", "version_series", "version_summary", "version_cover_id", "version_video_id", "version_video_url", "version_duration_seconds", "version_transcript", "version_published_at", "version_slug", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_lectures_v\`;`,
  )
  await db.run(sql`DROP TABLE \`_lectures_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__lectures_v\` RENAME TO \`_lectures_v\`;`)
  await db.run(sql`CREATE INDEX \`_lectures_v_parent_idx\` ON \`_lectures_v\` (\`parent_id\`);`)
  await db.run(
    sql`CREATE INDEX \`_lectures_v_version_version_cover_idx\` ON \`_lectures_v\` (\`version_cover_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_lectures_v_version_version_video_idx\` ON \`_lectures_v\` (\`version_video_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_lectures_v_version_version_published_at_idx\` ON \`_lectures_v\` (\`version_published_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_lectures_v_version_version_slug_idx\` ON \`_lectures_v\` (\`version_slug\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_lectures_v_version_version_updated_at_idx\` ON \`_lectures_v\` (\`version_updated_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_lectures_v_version_version_created_at_idx\` ON \`_lectures_v\` (\`version_created_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_lectures_v_version_version__status_idx\` ON \`_lectures_v\` (\`version__status\`);`,
  )
  await db.run(sql`CREATE INDEX \`_lectures_v_created_at_idx\` ON \`_lectures_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_lectures_v_updated_at_idx\` ON \`_lectures_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_lectures_v_latest_idx\` ON \`_lectures_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new_cases\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`category\` text,
  	\`street\` text,
  	\`community\` text,
  	\`summary\` text,
  	\`cover_id\` integer,
  	\`request\` text,
  	\`action\` text,
  	\`result\` text,
  	\`station_id\` integer,
  	\`published_at\` text,
  	\`slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`station_id\`) REFERENCES \`stations\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_cases\`("id", "title", "category", "street", "community", "summary", "cover_id", "request", "action", "result", "station_id", "published_at", "slug", "updated_at", "created_at", "_status") SELECT "id", "title", "category", "street", "community", "summary", "cover_id", "request", "action", "result", "station_id", "published_at", "slug", "updated_at", "created_at", "_status" FROM \`cases\`;`,
  )
  await db.run(sql`DROP TABLE \`cases\`;`)
  await db.run(sql`ALTER TABLE \`__new_cases\` RENAME TO \`cases\`;`)
  await db.run(sql`CREATE INDEX \`cases_category_idx\` ON \`cases\` (\`category\`);`)
  await db.run(sql`CREATE INDEX \`cases_street_idx\` ON \`cases\` (\`street\`);`)
  await db.run(sql`CREATE INDEX \`cases_cover_idx\` ON \`cases\` (\`cover_id\`);`)
  await db.run(sql`CREATE INDEX \`cases_station_idx\` ON \`cases\` (\`station_id\`);`)
  await db.run(sql`CREATE INDEX \`cases_published_at_idx\` ON \`cases\` (\`published_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`cases_slug_idx\` ON \`cases\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`cases_updated_at_idx\` ON \`cases\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`cases_created_at_idx\` ON \`cases\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`cases__status_idx\` ON \`cases\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__cases_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_category\` text,
  	\`version_street\` text,
  	\`version_community\` text,
  	\`version_summary\` text,
  	\`version_cover_id\` integer,
  	\`version_request\` text,
  	\`version_action\` text,
  	\`version_result\` text,
  	\`version_station_id\` integer,
  	\`version_published_at\` text,
  	\`version_slug\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`cases\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_cover_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_station_id\`) REFERENCES \`stations\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new__cases_v\`("id", "parent_id", "version_title", "version_category", "version_street", "version_community", "version_summary", "version_cover_id", "version_request", "version_action", "version_result", "version_station_id", "version_published_at", "version_slug", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_title", "version_category", "version_street", "version_community", "version_summary", "version_cover_id", "version_request", "version_action", "version_result", "version_station_id", "version_published_at", "version_slug", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_cases_v\`;`,
  )
  await db.run(sql`DROP TABLE \`_cases_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__cases_v\` RENAME TO \`_cases_v\`;`)
  await db.run(sql`CREATE INDEX \`_cases_v_parent_idx\` ON \`_cases_v\` (\`parent_id\`);`)
  await db.run(
    sql`CREATE INDEX \`_cases_v_version_version_category_idx\` ON \`_cases_v\` (\`version_category\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_cases_v_version_version_street_idx\` ON \`_cases_v\` (\`version_street\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_cases_v_version_version_cover_idx\` ON \`_cases_v\` (\`version_cover_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_cases_v_version_version_station_idx\` ON \`_cases_v\` (\`version_station_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_cases_v_version_version_published_at_idx\` ON \`_cases_v\` (\`version_published_at\`);`,
  )
  await db.run(sql`CREATE INDEX \`_cases_v_version_version_slug_idx\` ON \`_cases_v\` (\`version_slug\`);`)
  await db.run(
    sql`CREATE INDEX \`_cases_v_version_version_updated_at_idx\` ON \`_cases_v\` (\`version_updated_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_cases_v_version_version_created_at_idx\` ON \`_cases_v\` (\`version_created_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_cases_v_version_version__status_idx\` ON \`_cases_v\` (\`version__status\`);`,
  )
  await db.run(sql`CREATE INDEX \`_cases_v_created_at_idx\` ON \`_cases_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_updated_at_idx\` ON \`_cases_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_cases_v_latest_idx\` ON \`_cases_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new_deputies\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`gender\` text,
  	\`display_name\` text,
  	\`pinyin\` text,
  	\`pinyin_initials\` text,
  	\`photo_id\` integer,
  	\`level\` text DEFAULT 'district' NOT NULL,
  	\`term\` text,
  	\`constituency\` text,
  	\`street\` text NOT NULL,
  	\`station_id\` integer,
  	\`occupation\` text,
  	\`identity\` text,
  	\`duties\` text,
  	\`commitments\` text,
  	\`reception_times\` text,
  	\`code\` text,
  	\`is_sample\` integer DEFAULT false,
  	\`slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`photo_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`station_id\`) REFERENCES \`stations\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_deputies\`("id", "name", "gender", "display_name", "pinyin", "pinyin_initials", "photo_id", "level", "term", "constituency", "street", "station_id", "occupation", "identity", "duties", "commitments", "reception_times", "code", "is_sample", "slug", "updated_at", "created_at") SELECT "id", "name", "gender", "display_name", "pinyin", "pinyin_initials", "photo_id", "level", "term", "constituency", "street", "station_id", "occupation", "identity", "duties", "commitments", "reception_times", "code", "is_sample", "slug", "updated_at", "created_at" FROM \`deputies\`;`,
  )
  await db.run(sql`DROP TABLE \`deputies\`;`)
  await db.run(sql`ALTER TABLE \`__new_deputies\` RENAME TO \`deputies\`;`)
  await db.run(sql`CREATE INDEX \`deputies_name_idx\` ON \`deputies\` (\`name\`);`)
  await db.run(sql`CREATE INDEX \`deputies_display_name_idx\` ON \`deputies\` (\`display_name\`);`)
  await db.run(sql`CREATE INDEX \`deputies_pinyin_idx\` ON \`deputies\` (\`pinyin\`);`)
  await db.run(sql`CREATE INDEX \`deputies_pinyin_initials_idx\` ON \`deputies\` (\`pinyin_initials\`);`)
  await db.run(sql`CREATE INDEX \`deputies_photo_idx\` ON \`deputies\` (\`photo_id\`);`)
  await db.run(sql`CREATE INDEX \`deputies_level_idx\` ON \`deputies\` (\`level\`);`)
  await db.run(sql`CREATE INDEX \`deputies_street_idx\` ON \`deputies\` (\`street\`);`)
  await db.run(sql`CREATE INDEX \`deputies_station_idx\` ON \`deputies\` (\`station_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`deputies_code_idx\` ON \`deputies\` (\`code\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`deputies_slug_idx\` ON \`deputies\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`deputies_updated_at_idx\` ON \`deputies\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`deputies_created_at_idx\` ON \`deputies\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_stations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`type\` text DEFAULT 'station' NOT NULL,
  	\`street\` text NOT NULL,
  	\`brand\` text,
  	\`address\` text NOT NULL,
  	\`hours\` text NOT NULL,
  	\`phone\` text,
  	\`description\` text,
  	\`is_sample\` integer DEFAULT false,
  	\`slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_stations\`("id", "name", "type", "street", "brand", "address", "hours", "phone", "description", "is_sample", "slug", "updated_at", "created_at") SELECT "id", "name", "type", "street", "brand", "address", "hours", "phone", "description", "is_sample", "slug", "updated_at", "created_at" FROM \`stations\`;`,
  )
  await db.run(sql`DROP TABLE \`stations\`;`)
  await db.run(sql`ALTER TABLE \`__new_stations\` RENAME TO \`stations\`;`)
  await db.run(sql`CREATE INDEX \`stations_street_idx\` ON \`stations\` (\`street\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`stations_slug_idx\` ON \`stations\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`stations_updated_at_idx\` ON \`stations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`stations_created_at_idx\` ON \`stations\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_consultations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`kind\` text DEFAULT 'legislation',
  	\`asked_by\` text,
  	\`summary\` text,
  	\`opens_at\` text,
  	\`closes_at\` text,
  	\`attachment_id\` integer,
  	\`draft_text\` text,
  	\`split_problems\` text,
  	\`offline_note\` text,
  	\`feedback_report\` text,
  	\`feedback_published\` integer DEFAULT false,
  	\`feedback_published_at\` text,
  	\`slug\` text,
  	\`is_sample\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`attachment_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_consultations\`("id", "title", "kind", "asked_by", "summary", "opens_at", "closes_at", "attachment_id", "draft_text", "split_problems", "offline_note", "feedback_report", "feedback_published", "feedback_published_at", "slug", "is_sample", "updated_at", "created_at", "_status") SELECT "id", "title", "kind", "asked_by", "summary", "opens_at", "closes_at", "attachment_id", "draft_text", "split_problems", "offline_note", "feedback_report", "feedback_published", "feedback_published_at", "slug", "is_sample", "updated_at", "created_at", "_status" FROM \`consultations\`;`,
  )
  await db.run(sql`DROP TABLE \`consultations\`;`)
  await db.run(sql`ALTER TABLE \`__new_consultations\` RENAME TO \`consultations\`;`)
  await db.run(sql`CREATE INDEX \`consultations_kind_idx\` ON \`consultations\` (\`kind\`);`)
  await db.run(sql`CREATE INDEX \`consultations_opens_at_idx\` ON \`consultations\` (\`opens_at\`);`)
  await db.run(sql`CREATE INDEX \`consultations_closes_at_idx\` ON \`consultations\` (\`closes_at\`);`)
  await db.run(sql`CREATE INDEX \`consultations_attachment_idx\` ON \`consultations\` (\`attachment_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`consultations_slug_idx\` ON \`consultations\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`consultations_updated_at_idx\` ON \`consultations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`consultations_created_at_idx\` ON \`consultations\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`consultations__status_idx\` ON \`consultations\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__consultations_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_kind\` text DEFAULT 'legislation',
  	\`version_asked_by\` text,
  	\`version_summary\` text,
  	\`version_opens_at\` text,
  	\`version_closes_at\` text,
  	\`version_attachment_id\` integer,
  	\`version_draft_text\` text,
  	\`version_split_problems\` text,
  	\`version_offline_note\` text,
  	\`version_feedback_report\` text,
  	\`version_feedback_published\` integer DEFAULT false,
  	\`version_feedback_published_at\` text,
  	\`version_slug\` text,
  	\`version_is_sample\` integer DEFAULT false,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`consultations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_attachment_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new__consultations_v\`("id", "parent_id", "version_title", "version_kind", "version_asked_by", "version_summary", "version_opens_at", "version_closes_at", "version_attachment_id", "version_draft_text", "version_split_problems", "version_offline_note", "version_feedback_report", "version_feedback_published", "version_feedback_published_at", "version_slug", "version_is_sample", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_title", "version_kind", "version_asked_by", "version_summary", "version_opens_at", "version_closes_at", "version_attachment_id", "version_draft_text", "version_split_problems", "version_offline_note", "version_feedback_report", "version_feedback_published", "version_feedback_published_at", "version_slug", "version_is_sample", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_consultations_v\`;`,
  )
  await db.run(sql`DROP TABLE \`_consultations_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__consultations_v\` RENAME TO \`_consultations_v\`;`)
  await db.run(sql`CREATE INDEX \`_consultations_v_parent_idx\` ON \`_consultations_v\` (\`parent_id\`);`)
  await db.run(
    sql`CREATE INDEX \`_consultations_v_version_version_kind_idx\` ON \`_consultations_v\` (\`version_kind\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_consultations_v_version_version_opens_at_idx\` ON \`_consultations_v\` (\`version_opens_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_consultations_v_version_version_closes_at_idx\` ON \`_consultations_v\` (\`version_closes_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_consultations_v_version_version_attachment_idx\` ON \`_consultations_v\` (\`version_attachment_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_consultations_v_version_version_slug_idx\` ON \`_consultations_v\` (\`version_slug\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_consultations_v_version_version_updated_at_idx\` ON \`_consultations_v\` (\`version_updated_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_consultations_v_version_version_created_at_idx\` ON \`_consultations_v\` (\`version_created_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_consultations_v_version_version__status_idx\` ON \`_consultations_v\` (\`version__status\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_consultations_v_created_at_idx\` ON \`_consultations_v\` (\`created_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_consultations_v_updated_at_idx\` ON \`_consultations_v\` (\`updated_at\`);`,
  )
  await db.run(sql`CREATE INDEX \`_consultations_v_latest_idx\` ON \`_consultations_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`__new_activities\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`kind\` text DEFAULT 'reception',
  	\`topic\` text,
  	\`starts_at\` text,
  	\`ends_at\` text,
  	\`station_id\` integer,
  	\`description\` text,
  	\`short_notice_confirmed\` integer DEFAULT false,
  	\`bookable\` integer DEFAULT false,
  	\`capacity\` numeric,
  	\`booking_closes_at\` text,
  	\`attendance\` numeric,
  	\`issues_raised\` text,
  	\`agreed\` text,
  	\`slug\` text,
  	\`is_sample\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`station_id\`) REFERENCES \`stations\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_activities\`("id", "title", "kind", "topic", "starts_at", "ends_at", "station_id", "description", "short_notice_confirmed", "bookable", "capacity", "booking_closes_at", "attendance", "issues_raised", "agreed", "slug", "is_sample", "updated_at", "created_at", "_status") SELECT "id", "title", "kind", "topic", "starts_at", "ends_at", "station_id", "description", "short_notice_confirmed", "bookable", "capacity", "booking_closes_at", "attendance", "issues_raised", "agreed", "slug", "is_sample", "updated_at", "created_at", "_status" FROM \`activities\`;`,
  )
  await db.run(sql`DROP TABLE \`activities\`;`)
  await db.run(sql`ALTER TABLE \`__new_activities\` RENAME TO \`activities\`;`)
  await db.run(sql`CREATE INDEX \`activities_kind_idx\` ON \`activities\` (\`kind\`);`)
  await db.run(sql`CREATE INDEX \`activities_starts_at_idx\` ON \`activities\` (\`starts_at\`);`)
  await db.run(sql`CREATE INDEX \`activities_station_idx\` ON \`activities\` (\`station_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`activities_slug_idx\` ON \`activities\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`activities_updated_at_idx\` ON \`activities\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`activities_created_at_idx\` ON \`activities\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`activities__status_idx\` ON \`activities\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`__new__activities_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_kind\` text DEFAULT 'reception',
  	\`version_topic\` text,
  	\`version_starts_at\` text,
  	\`version_ends_at\` text,
  	\`version_station_id\` integer,
  	\`version_description\` text,
  	\`version_short_notice_confirmed\` integer DEFAULT false,
  	\`version_bookable\` integer DEFAULT false,
  	\`version_capacity\` numeric,
  	\`version_booking_closes_at\` text,
  	\`version_attendance\` numeric,
  	\`version_issues_raised\` text,
  	\`version_agreed\` text,
  	\`version_slug\` text,
  	\`version_is_sample\` integer DEFAULT false,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`activities\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_station_id\`) REFERENCES \`stations\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new__activities_v\`("id", "parent_id", "version_title", "version_kind", "version_topic", "version_starts_at", "version_ends_at", "version_station_id", "version_description", "version_short_notice_confirmed", "version_bookable", "version_capacity", "version_booking_closes_at", "version_attendance", "version_issues_raised", "version_agreed", "version_slug", "version_is_sample", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest") SELECT "id", "parent_id", "version_title", "version_kind", "version_topic", "version_starts_at", "version_ends_at", "version_station_id", "version_description", "version_short_notice_confirmed", "version_bookable", "version_capacity", "version_booking_closes_at", "version_attendance", "version_issues_raised", "version_agreed", "version_slug", "version_is_sample", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest" FROM \`_activities_v\`;`,
  )
  await db.run(sql`DROP TABLE \`_activities_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__activities_v\` RENAME TO \`_activities_v\`;`)
  await db.run(sql`CREATE INDEX \`_activities_v_parent_idx\` ON \`_activities_v\` (\`parent_id\`);`)
  await db.run(
    sql`CREATE INDEX \`_activities_v_version_version_kind_idx\` ON \`_activities_v\` (\`version_kind\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_activities_v_version_version_starts_at_idx\` ON \`_activities_v\` (\`version_starts_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_activities_v_version_version_station_idx\` ON \`_activities_v\` (\`version_station_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_activities_v_version_version_slug_idx\` ON \`_activities_v\` (\`version_slug\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_activities_v_version_version_updated_at_idx\` ON \`_activities_v\` (\`version_updated_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_activities_v_version_version_created_at_idx\` ON \`_activities_v\` (\`version_created_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`_activities_v_version_version__status_idx\` ON \`_activities_v\` (\`version__status\`);`,
  )
  await db.run(sql`CREATE INDEX \`_activities_v_created_at_idx\` ON \`_activities_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_activities_v_updated_at_idx\` ON \`_activities_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_activities_v_latest_idx\` ON \`_activities_v\` (\`latest\`);`)
  await db.run(sql`ALTER TABLE \`site\` DROP COLUMN \`dual_review\`;`)
}
