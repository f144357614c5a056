// 用数记录: who read whose data, when, through which service, for what purpose. Append-only, hash-chained.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('access_records')
    .addColumn('seq', 'integer', (c) => c.primaryKey()) // position in the chain, assigned under the head lock
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('actor_kind', 'text', (c) => c.notNull()) // resident | staff | client | kiosk | system
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text', (c) => c.notNull()) // shown to the person: 本人 / 梅州市人社局 / 窗口 王警官
    .addColumn('service', 'text', (c) => c.notNull()) // e.g. certificate:survival, check:survival
    .addColumn('sources', 'text', (c) => c.notNull()) // JSON array of source ids
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('ref', 'text') // application id, case reference
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('access_records_subject_idx')
    .on('access_records')
    .columns(['subject_id', 'seq'])
    .execute();
  // One row: the chain head, locked (FOR UPDATE on PostgreSQL) while a record is appended.
  await db.schema
    .createTable('access_chain_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db
    .insertInto('access_chain_head' as never)
    .values({ id: 1, seq: 0, hash: '0'.repeat(64) } as never)
    .execute();
}
