// Signing keys: the platform root CA and, per department, the PDF signing certificate and the keys for
// credentials and QR tokens. Private keys are stored encrypted (AES-256-GCM under the master key).
import { type Kysely, sql } from 'kysely';

/** Creates signing_keys; at most one active key per department and purpose. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('signing_keys')
    .addColumn('kid', 'text', (c) => c.primaryKey())
    .addColumn('department_code', 'text', (c) => c.notNull()) // '' for the platform root CA
    .addColumn('purpose', 'text', (c) => c.notNull()) // root-ca | pdf | credential | qr
    .addColumn('algorithm', 'text', (c) => c.notNull()) // ES256 | EdDSA
    .addColumn('public_key_pem', 'text', (c) => c.notNull())
    .addColumn('certificate_pem', 'text') // X.509 for root-ca and pdf keys
    .addColumn('private_key_enc', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // active | retired
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .execute();
  await db.schema
    .createIndex('signing_keys_one_active')
    .on('signing_keys')
    .columns(['department_code', 'purpose'])
    .unique()
    .where(sql.ref('status'), '=', 'active')
    .execute();
}
