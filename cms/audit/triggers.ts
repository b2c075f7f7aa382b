/**
 * SQLite triggers that make the audit_log table append-only below Payload: any UPDATE or DELETE, also
 * raw SQL through the adapter, aborts. One update stays possible: setting user_id to NULL, which is what
 * the foreign key's ON DELETE SET NULL does when an account is deleted (the entry keeps user_label).
 * Used by the audit_log migration (keep these calls when migrations are regenerated). MongoDB has no
 * triggers: there the log is append-only through access and hooks only (docs/decisions.md).
 */
import { sql } from '@payloadcms/db-sqlite'

type SQL = ReturnType<typeof sql>

export const AUDIT_TRIGGERS_UP: SQL[] = [
  sql`CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE OF id, at, user_label, action, collection, document_id, document_title, changed_fields, detail, ip ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;`,
  sql`CREATE TRIGGER IF NOT EXISTS audit_log_user_only_cleared BEFORE UPDATE OF user_id ON audit_log WHEN NEW.user_id IS NOT NULL BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;`,
  sql`CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;`,
]

export const AUDIT_TRIGGERS_DOWN: SQL[] = [
  sql`DROP TRIGGER IF EXISTS audit_log_no_update;`,
  sql`DROP TRIGGER IF EXISTS audit_log_user_only_cleared;`,
  sql`DROP TRIGGER IF EXISTS audit_log_no_delete;`,
]
