// Applications, certificates with their signed documents, serial counters, the outbox and officers' inboxes.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const isPg = db.getExecutor().adapter.constructor.name.startsWith('Postgres');
  const bytes = isPg ? sql`bytea` : sql`blob`;

  // 申请: every request, whatever its outcome.
  await db.schema
    .createTable('applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('holder_id', 'text', (c) => c.notNull())
    .addColumn('requester_kind', 'text', (c) => c.notNull())
    .addColumn('requester_id', 'text', (c) => c.notNull())
    .addColumn('requester_name', 'text', (c) => c.notNull())
    .addColumn('relation', 'text', (c) => c.notNull()) // self | parent | child | spouse | officer | organisation
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull()) // web | kiosk | window | api
    .addColumn('outcome', 'text', (c) => c.notNull()) // issued | refused | referred
    .addColumn('reason_zh', 'text')
    .addColumn('reason_en', 'text')
    .addColumn('issuer_code', 'text')
    .addColumn('certificate_id', 'text')
    .execute();
  await db.schema
    .createIndex('applications_holder_idx')
    .on('applications')
    .columns(['holder_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('applications_referred_idx')
    .on('applications')
    .columns(['outcome', 'issuer_code', 'created_at'])
    .execute();

  // 证明: the issued record; it states only the facts its type names.
  await db.schema
    .createTable('certificates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('serial', 'text', (c) => c.notNull().unique())
    .addColumn('verification_code', 'text', (c) => c.notNull().unique()) // normalised Crockford base32
    .addColumn('application_id', 'text', (c) => c.notNull().references('applications.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('issuer_code', 'text', (c) => c.notNull())
    .addColumn('holder_id', 'text', (c) => c.notNull())
    .addColumn('holder_name', 'text', (c) => c.notNull())
    .addColumn('requester_kind', 'text', (c) => c.notNull())
    .addColumn('requester_id', 'text', (c) => c.notNull())
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('statement', 'text', (c) => c.notNull()) // JSON: the stated facts
    .addColumn('statement_text', 'text', (c) => c.notNull()) // the worded statement (zh)
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text', (c) => c.notNull()) // YYYY-MM-DD, inclusive
    .addColumn('status', 'text', (c) => c.notNull()) // valid | revoked  (expired is derived from valid_until)
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text')
    .addColumn('revoke_reason', 'text')
    .addColumn('status_index', 'integer', (c) => c.notNull()) // position in the issuer's status list
    .execute();
  await db.schema
    .createIndex('certificates_holder_idx')
    .on('certificates')
    .columns(['holder_id', 'issued_at'])
    .execute();
  await db.schema
    .createIndex('certificates_requester_idx')
    .on('certificates')
    .columns(['requester_id', 'issued_at'])
    .execute();

  await db.schema
    .createTable('certificate_documents')
    .addColumn('certificate_id', 'text', (c) => c.notNull().references('certificates.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // pdf | credential | qr-token
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('content', bytes, (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('certificate_documents_pk', ['certificate_id', 'kind'])
    .execute();

  // Serial numbers: unique per issuer and year, allocated under a row lock.
  await db.schema
    .createTable('serial_counters')
    .addColumn('issuer_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('serial_counters_pk', ['issuer_code', 'year'])
    .execute();

  // Outbox: events written in the issuing transaction, delivered afterwards (inbox, webhooks).
  await db.schema
    .createTable('outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('available_at', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('delivered_at', 'text')
    .addColumn('last_error', 'text')
    .execute();
  await db.schema
    .createIndex('outbox_pending_idx')
    .on('outbox')
    .columns(['delivered_at', 'available_at'])
    .execute();

  // 工作台通知: issuance notices for the responsible officers of a unit.
  await db.schema
    .createTable('inbox_notices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('event_id', 'text', (c) => c.notNull().unique()) // the outbox event: delivery is idempotent
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('department_code', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // certificate.issued | certificate.revoked
    .addColumn('certificate_id', 'text', (c) => c.notNull())
    .addColumn('serial', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('holder_masked_name', 'text', (c) => c.notNull())
    .addColumn('holder_masked_id', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addColumn('read_by', 'text')
    .execute();
  await db.schema
    .createIndex('inbox_notices_dept_idx')
    .on('inbox_notices')
    .columns(['department_code', 'created_at'])
    .execute();
}
