import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Store } from '../db/connection.ts';
import { pendingMigrations } from '../db/migrate.ts';

/** `/healthz` (process alive) and `/readyz` (store reachable, migrations current). */
export function healthRoutes(app: FastifyInstance, store: Store): void {
  app.get('/healthz', { schema: { tags: ['operations'], summary: 'Liveness' } }, async () => ({
    status: 'ok',
  }));
  app.get('/readyz', { schema: { tags: ['operations'], summary: 'Readiness' } }, async (_req, reply) => {
    const checks: Record<string, string> = {};
    try {
      await sql`select 1`.execute(store.db);
      checks['store'] = 'ok';
      const pending = await pendingMigrations(store.db);
      checks['migrations'] = pending.length === 0 ? 'ok' : `pending: ${pending.join(', ')}`;
    } catch {
      checks['store'] = 'unreachable';
    }
    const ready = Object.values(checks).every((v) => v === 'ok') && 'migrations' in checks;
    reply.status(ready ? 200 : 503);
    return { status: ready ? 'ready' : 'not-ready', checks };
  });
}
