// 开发环境短信 DEVELOPMENT SMS OUTBOX: where the default notifier "sends" text messages.
import type { Kysely } from 'kysely';

/** Creates the development SMS outbox read by admins and tests instead of a real SMS gateway. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('dev_sms_outbox')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dev_sms_outbox_phone_idx').on('dev_sms_outbox').column('phone').execute();
}
