// Platform metadata: what the store holds (seeded city parameters, digests).
import type { Kysely } from 'kysely';

/** Key/value facts about this store, e.g. the seed of its synthetic city. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('platform_meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
