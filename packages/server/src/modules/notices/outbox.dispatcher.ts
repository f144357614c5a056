// Delivers outbox events after the issuing transaction committed: a slow consumer never slows a resident,
// and nothing is lost if the process dies (undelivered events are picked up on the next pass).
// On PostgreSQL several server processes drain in parallel with FOR UPDATE SKIP LOCKED.
import type { Transaction } from 'kysely';
import type { Store } from '../../db/connection.ts';
import type { Database, OutboxRow } from '../../db/schema.ts';

/** Handles one event inside the delivery transaction (so its effect and "delivered" commit together). */
export type EventHandler = (trx: Transaction<Database>, event: OutboxRow) => Promise<void>;

/** Delivers up to `batch` due events; returns how many were delivered. */
export async function drainOutbox(
  store: Store,
  handlers: Record<string, EventHandler>,
  opts: { batch?: number; now?: Date } = {},
): Promise<number> {
  const now = (opts.now ?? new Date()).toISOString();
  return store.db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('outbox')
      .selectAll()
      .where('delivered_at', 'is', null)
      .where('available_at', '<=', now)
      .orderBy('created_at')
      .limit(opts.batch ?? 100)
      .$if(store.dialect === 'postgres', (q) => q.forUpdate().skipLocked())
      .execute();
    let delivered = 0;
    for (const event of due) {
      const handler = handlers[event.topic];
      try {
        if (handler) await handler(trx, event);
        await trx
          .updateTable('outbox')
          .set({ delivered_at: now, attempts: event.attempts + 1 })
          .where('id', '=', event.id)
          .execute();
        delivered++;
      } catch (e) {
        // Back off: 2^attempts seconds, capped at an hour; the error is kept for operators.
        const delay = Math.min(3600, 2 ** (event.attempts + 1)) * 1000;
        await trx
          .updateTable('outbox')
          .set({
            attempts: event.attempts + 1,
            last_error: String((e as Error).message).slice(0, 500),
            available_at: new Date(Date.parse(now) + delay).toISOString(),
          })
          .where('id', '=', event.id)
          .execute();
      }
    }
    return delivered;
  });
}

/** Drains every `intervalMs` until stopped. */
export function startOutboxWorker(
  store: Store,
  handlers: Record<string, EventHandler>,
  opts: { intervalMs?: number; onError?: (e: unknown) => void } = {},
): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const tick = () => {
    if (stopped) return;
    running = drainOutbox(store, handlers)
      .catch((e) => opts.onError?.(e))
      .finally(() => {
        if (!stopped) timer = setTimeout(tick, opts.intervalMs ?? 250);
      });
  };
  let timer = setTimeout(tick, 0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
