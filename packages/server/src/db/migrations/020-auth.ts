// Accounts, sessions, API clients, kiosks and idempotency records (issue 6). Timestamps are ISO text.
import type { Kysely } from 'kysely';

/** Creates the identity and access-control tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('auth_keys') // server secrets (JWT signing, code HMAC), created on first use
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('resident_accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('id_number', 'text', (c) => c.notNull().unique())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('password_changed_at', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .execute();
  // A registration waiting for its one-time code; `matched` = 0 for unknown persons (answered alike).
  await db.schema
    .createTable('resident_pending')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('id_number', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull())
    .addColumn('matched', 'integer', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('resident_pending_id_number_idx')
    .on('resident_pending')
    .column('id_number')
    .execute();
  await db.schema
    .createTable('staff_accounts')
    .addColumn('username', 'text', (c) => c.primaryKey())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('totp_secret', 'text', (c) => c.notNull())
    .addColumn('last_totp_step', 'integer')
    .addColumn('department_code', 'text', (c) => c.notNull())
    .addColumn('roles', 'text', (c) => c.notNull()) // JSON array of StaffRole
    .addColumn('station_codes', 'text', (c) => c.notNull()) // JSON array (辖区)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .execute();
  // Browser sessions of residents and staff; only a SHA-256 of the cookie token is kept.
  await db.schema
    .createTable('auth_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('subject_kind', 'text', (c) => c.notNull()) // resident | staff
    .addColumn('subject_id', 'text', (c) => c.notNull()) // resident account id | staff username
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull()) // absolute limit
    .addColumn('revoked_at', 'text')
    .addColumn('revoke_reason', 'text')
    .execute();
  await db.schema
    .createIndex('auth_sessions_subject_idx')
    .on('auth_sessions')
    .columns(['subject_kind', 'subject_id'])
    .execute();
  await db.schema
    .createTable('oauth_clients')
    .addColumn('client_id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull()) // department | organisation
    .addColumn('owner_code', 'text', (c) => c.notNull()) // department code | USCC
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('scopes', 'text', (c) => c.notNull()) // JSON array
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('tokens_valid_after', 'text', (c) => c.notNull()) // moved on rotation/disable
    .addColumn('disabled_at', 'text')
    .execute();
  await db.schema
    .createTable('kiosks')
    .addColumn('kiosk_id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .execute();
  await db.schema
    .createTable('kiosk_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('kiosk_id', 'text', (c) => c.notNull().references('kiosks.kiosk_id'))
    .addColumn('id_number', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .addColumn('end_reason', 'text') // card-removed | idle | printed | replaced
    .execute();
  await db.schema.createIndex('kiosk_sessions_kiosk_idx').on('kiosk_sessions').column('kiosk_id').execute();
  // One row per (caller, Idempotency-Key), inserted before the handler runs so duplicates collide.
  await db.schema
    .createTable('idempotency_keys')
    .addColumn('principal_hash', 'text', (c) => c.notNull())
    .addColumn('idem_key', 'text', (c) => c.notNull())
    .addColumn('request_hash', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull()) // pending | done
    .addColumn('response_status', 'integer')
    .addColumn('response_type', 'text')
    .addColumn('response_body', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('idempotency_keys_pk', ['principal_hash', 'idem_key'])
    .execute();
}
