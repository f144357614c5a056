// Idempotency-Key on state-changing POSTs: a row per (caller, key) is inserted BEFORE the handler runs,
// so concurrent duplicates collide on the primary key; they wait for the first answer and get it replayed.
import { AppError } from '@certcloud/core';
import canonicalize from 'canonicalize';
import type {
  FastifyInstance,
  FastifyRequest,
  onSendAsyncHookHandler,
  preHandlerAsyncHookHandler,
} from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { principalOf } from './identity-resolver.ts';
import { sha256 } from './secrets.ts';

const WAIT_MS = 10_000; // how long a duplicate waits for the first request's answer
const STALE_PENDING_MS = 60_000; // a pending row this old belongs to a crashed request
const KEEP_MS = 24 * 3600_000; // answers are replayable for a day

const kIdem = Symbol('idempotency');
type IdemRequest = FastifyRequest & { [kIdem]?: { principalHash: string; key: string; store: boolean } };

/**
 * Installs the Idempotency-Key behaviour on every POST route registered afterwards. The hooks are the
 * routes' own (placed first, where app-wide hooks would run), so GET requests do not pass through them.
 */
export function installIdempotency(app: FastifyInstance, db: Kysely<Database>): void {
  const takeKey: preHandlerAsyncHookHandler = async (request, reply) => {
    const req = request as IdemRequest;
    const key = req.headers['idempotency-key'];
    if (req.method !== 'POST' || key === undefined) return;
    if (typeof key !== 'string' || !/^[\x21-\x7e]{1,255}$/.test(key))
      throw new AppError('VALIDATION_FAILED', {
        details: { problems: [{ path: 'Idempotency-Key', message: '1-255 visible ASCII characters' }] },
      });
    const principalHash = sha256(principalOf(req.identity, req.ip));
    const requestHash = sha256(`${req.method} ${req.url}\n${canonicalize(req.body ?? null) ?? ''}`);
    const store = req.routeOptions.config.idempotency !== 'no-replay';
    const deadline = Date.now() + WAIT_MS;
    for (;;) {
      const inserted = await db
        .insertInto('idempotency_keys')
        .values({
          principal_hash: principalHash,
          idem_key: key,
          request_hash: requestHash,
          state: 'pending',
          response_status: null,
          response_type: null,
          response_body: null,
          created_at: new Date().toISOString(),
        })
        .onConflict((oc) => oc.columns(['principal_hash', 'idem_key']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) > 0) {
        req[kIdem] = { principalHash, key, store };
        return;
      }
      const row = await db
        .selectFrom('idempotency_keys')
        .selectAll()
        .where('principal_hash', '=', principalHash)
        .where('idem_key', '=', key)
        .executeTakeFirst();
      if (!row) continue; // the first attempt failed and released the key: try to take it
      const age = Date.now() - Date.parse(row.created_at);
      if (age > KEEP_MS || (row.state === 'pending' && age > STALE_PENDING_MS)) {
        await releaseKey(db, principalHash, key);
        continue;
      }
      if (row.request_hash !== requestHash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
      if (row.state === 'done') {
        if (row.response_body === null || row.response_status === null)
          throw new AppError('CONFLICT', {
            details: { idempotencyKey: 'already-used', status: row.response_status },
          });
        reply.header('idempotent-replayed', 'true');
        if (row.response_type) reply.header('content-type', row.response_type);
        return reply.status(row.response_status).send(row.response_body);
      }
      if (Date.now() > deadline) throw new AppError('IDEMPOTENCY_IN_PROGRESS');
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  const storeAnswer: onSendAsyncHookHandler = async (request, reply, payload) => {
    const req = request as IdemRequest;
    const ctx = req[kIdem];
    if (!ctx) return payload;
    req[kIdem] = undefined;
    if (reply.statusCode >= 500) {
      await releaseKey(db, ctx.principalHash, ctx.key); // a failure may be retried with the same key
      return payload;
    }
    const body = ctx.store && typeof payload === 'string' ? payload : null;
    const type = reply.getHeader('content-type');
    await db
      .updateTable('idempotency_keys')
      .set({
        state: 'done',
        response_status: reply.statusCode,
        response_type: typeof type === 'string' ? type : null,
        response_body: body,
      })
      .where('principal_hash', '=', ctx.principalHash)
      .where('idem_key', '=', ctx.key)
      .execute();
    return payload;
  };

  app.addHook('onRoute', (route) => {
    if (![route.method].flat().includes('POST')) return;
    route.preHandler = [takeKey, ...[route.preHandler ?? []].flat()];
    route.onSend = [storeAnswer, ...[route.onSend ?? []].flat()];
  });
}

async function releaseKey(db: Kysely<Database>, principalHash: string, key: string): Promise<void> {
  await db
    .deleteFrom('idempotency_keys')
    .where('principal_hash', '=', principalHash)
    .where('idem_key', '=', key)
    .execute();
}

/** Deletes answers older than a day (call from a periodic job). */
export async function purgeIdempotencyKeys(db: Kysely<Database>): Promise<number> {
  const r = await db
    .deleteFrom('idempotency_keys')
    .where('created_at', '<', new Date(Date.now() - KEEP_MS).toISOString())
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
