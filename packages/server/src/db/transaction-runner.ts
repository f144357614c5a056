// Runs units of work in transactions. On SQLite, concurrent units are grouped into one transaction (group
// commit): one fsync (synchronous=FULL) serves every unit in the group, each unit in its own SAVEPOINT so a
// failing unit rolls back alone. Every unit is still all-or-nothing; a crash loses whole groups, never halves.
// On PostgreSQL each unit is its own transaction (the pool runs them concurrently).
import { sql, type Transaction } from 'kysely';
import type { Store } from './connection.ts';
import type { Database } from './schema.ts';

/** A unit of work that must commit atomically. */
export type UnitOfWork<T> = (trx: Transaction<Database>) => Promise<T>;

/** Runs units of work, each atomically. */
export interface TransactionRunner {
  run<T>(work: UnitOfWork<T>): Promise<T>;
}

interface Pending {
  work: UnitOfWork<unknown>;
  resolve(v: unknown): void;
  reject(e: unknown): void;
}

/** The runner for a store; `maxGroup` bounds how many units share one commit. */
export function createTransactionRunner(store: Store, opts: { maxGroup?: number } = {}): TransactionRunner {
  if (store.dialect === 'postgres') {
    return { run: (work) => store.db.transaction().execute(work) };
  }
  const maxGroup = opts.maxGroup ?? 64;
  let queue: Pending[] = [];
  let flushing = false;

  async function flush(): Promise<void> {
    flushing = true;
    while (queue.length > 0) {
      const group = queue.slice(0, maxGroup);
      queue = queue.slice(group.length);
      const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
      try {
        await store.db.transaction().execute(async (trx) => {
          for (const unit of group) {
            await sql`savepoint unit`.execute(trx);
            try {
              const value = await unit.work(trx);
              await sql`release savepoint unit`.execute(trx);
              outcomes.push({ ok: true, value });
            } catch (error) {
              await sql`rollback to savepoint unit`.execute(trx);
              await sql`release savepoint unit`.execute(trx);
              outcomes.push({ ok: false, error });
            }
          }
        });
      } catch (error) {
        // The commit itself failed: nothing of the group is stored.
        for (const unit of group) unit.reject(error);
        continue;
      }
      group.forEach((unit, i) => {
        const o = outcomes[i]!;
        if (o.ok) unit.resolve(o.value);
        else unit.reject(o.error);
      });
    }
    flushing = false;
  }

  return {
    run<T>(work: UnitOfWork<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
        // Let the units that arrive in this turn of the event loop join the group.
        if (!flushing) setImmediate(() => void flush());
      });
    },
  };
}
