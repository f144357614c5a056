// Verification records (what the holder sees of checks on their certificate), revocation audit records,
// and the indexes verification needs: a stored PDF by its hash, an issuer's revoked certificates.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  // 核验记录: time, channel and result only — nothing about who checked.
  await db.schema
    .createTable('verification_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull()) // code | document | token
    .addColumn('result', 'text', (c) => c.notNull()) // valid | revoked | expired | invalid | unknown | not-found
    .addColumn('certificate_id', 'text') // null when nothing was identified
    .execute();
  await db.schema
    .createIndex('verification_events_cert_idx')
    .on('verification_events')
    .columns(['certificate_id', 'at'])
    .execute();

  // 撤销: the officer's own words and category; the certificate row carries the status and the category.
  await db.schema
    .createTable('certificate_revocations')
    .addColumn('certificate_id', 'text', (c) => c.primaryKey().references('certificates.id'))
    .addColumn('revoked_at', 'text', (c) => c.notNull())
    .addColumn('revoked_by', 'text', (c) => c.notNull())
    .addColumn('department_code', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createIndex('certificate_documents_sha256_idx')
    .on('certificate_documents')
    .column('sha256')
    .execute();
  await db.schema
    .createIndex('certificates_issuer_status_idx')
    .on('certificates')
    .columns(['issuer_code', 'status'])
    .execute();
}
