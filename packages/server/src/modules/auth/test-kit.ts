// Helpers for tests across modules: an app on a test store, plus the data helpers of test-data.ts.
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import pino from 'pino';
import { loadConfig } from '../../config/config.ts';
import type { Database } from '../../db/schema.ts';
import { createTestStore } from '../../db/test-dialects.ts';
import { buildApp } from '../../http/app.ts';
import { createLogger } from '../../http/logger.ts';
import { TEST_PUBLIC_URL } from './test-data.ts';

export * from './test-data.ts';

/** A test app on a fresh store; `logLines` collects every log line when `captureLogs` is set. */
export async function buildTestApp(
  dialect: 'sqlite' | 'postgres',
  opts: { env?: Record<string, string>; captureLogs?: boolean } = {},
): Promise<{ app: FastifyInstance; db: Kysely<Database>; logLines: string[]; close(): Promise<void> }> {
  const store = await createTestStore(dialect);
  const logLines: string[] = [];
  const logger = opts.captureLogs
    ? createLogger('debug', { write: (line: string) => void logLines.push(line) })
    : pino({ level: 'silent' });
  const config = loadConfig({
    PUBLIC_URL: TEST_PUBLIC_URL,
    DATABASE_URL: ':memory:',
    LOG_LEVEL: 'silent',
    ...opts.env,
  });
  const app = await buildApp({ config, store, logger });
  await app.ready();
  return {
    app,
    db: store.db,
    logLines,
    async close() {
      await app.close();
      await store.dispose();
    },
  };
}
