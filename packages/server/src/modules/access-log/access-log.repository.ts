// 用数记录 store: append-only, each record hashed with the previous one, so deletion or edits are detectable.
import crypto from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { AccessRecordRow, Database } from '../../db/schema.ts';

/** One access to write. */
export interface AccessEntry {
  subjectId: string;
  actorKind: 'resident' | 'staff' | 'client' | 'kiosk' | 'system';
  actorId: string;
  actorName: string;
  service: string;
  sources: string[];
  purpose: string;
  ref?: string | null;
}

const GENESIS = '0'.repeat(64);

function recordHash(prevHash: string, r: Omit<AccessRecordRow, 'hash' | 'prev_hash'>): string {
  // A fixed field order, so the same record always hashes the same on every dialect.
  const canonical = JSON.stringify([
    r.seq,
    r.at,
    r.subject_id,
    r.actor_kind,
    r.actor_id,
    r.actor_name,
    r.service,
    r.sources,
    r.purpose,
    r.ref,
  ]);
  return crypto.createHash('sha256').update(prevHash).update(canonical).digest('hex');
}

/**
 * Appends entries inside the caller's transaction (the same transaction as the work that read the data).
 * The chain head row is locked, so concurrent writers queue instead of forking the chain.
 */
export async function appendAccessRecords(trx: Transaction<Database>, entries: AccessEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const head = await trx
    .selectFrom('access_chain_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .$if(isPostgres(trx), (q) => q.forUpdate())
    .executeTakeFirstOrThrow();
  let { seq, hash } = head;
  const at = new Date().toISOString();
  const rows: AccessRecordRow[] = [];
  for (const e of entries) {
    seq += 1;
    const base = {
      seq,
      at,
      subject_id: e.subjectId,
      actor_kind: e.actorKind,
      actor_id: e.actorId,
      actor_name: e.actorName,
      service: e.service,
      sources: JSON.stringify(e.sources),
      purpose: e.purpose,
      ref: e.ref ?? null,
    };
    const next = recordHash(hash, base);
    rows.push({ ...base, prev_hash: hash, hash: next });
    hash = next;
  }
  await trx.insertInto('access_records').values(rows).execute();
  await trx.updateTable('access_chain_head').set({ seq, hash }).where('id', '=', 1).execute();
}

/** Every access to one person's data, newest first. */
export async function listAccessRecords(
  db: Kysely<Database>,
  subjectId: string,
  opts: { limit?: number; beforeSeq?: number } = {},
): Promise<AccessRecordRow[]> {
  return db
    .selectFrom('access_records')
    .selectAll()
    .where('subject_id', '=', subjectId)
    .$if(opts.beforeSeq !== undefined, (q) => q.where('seq', '<', opts.beforeSeq!))
    .orderBy('seq', 'desc')
    .limit(opts.limit ?? 100)
    .execute();
}

/** Recomputes the whole chain; returns the first broken position, or null when intact. */
export async function verifyAccessChain(
  db: Kysely<Database>,
): Promise<{ brokenAt: number; reason: string } | null> {
  let prev = GENESIS;
  let expectedSeq = 1;
  const batch = 5000;
  for (;;) {
    const rows = await db
      .selectFrom('access_records')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(batch)
      .execute();
    for (const r of rows) {
      if (r.seq !== expectedSeq) return { brokenAt: expectedSeq, reason: 'record missing' };
      if (r.prev_hash !== prev || recordHash(prev, r) !== r.hash)
        return { brokenAt: r.seq, reason: 'record altered' };
      prev = r.hash;
      expectedSeq++;
    }
    if (rows.length < batch) break;
  }
  const head = await db.selectFrom('access_chain_head').select(['seq', 'hash']).executeTakeFirstOrThrow();
  if (head.seq !== expectedSeq - 1 || head.hash !== prev)
    return { brokenAt: expectedSeq, reason: 'tail removed' };
  return null;
}

/** SQLite needs no row lock: its writers are already serialised by the database lock. */
function isPostgres(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter.constructor.name.startsWith('Postgres');
}
