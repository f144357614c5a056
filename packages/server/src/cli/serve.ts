// `certcloud serve`: migrate, create the demo city on first start, listen, shut down gracefully on SIGTERM.

import { ensureDemoCity } from '../city/demo-city.ts';
import type { Config } from '../config/config.ts';
import { openStore } from '../db/connection.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { buildApp } from '../http/app.ts';
import { createLogger } from '../http/logger.ts';
import { createPlatform } from '../platform.ts';

/** Runs the platform until SIGTERM/SIGINT. */
export async function serve(config: Config): Promise<void> {
  const logger = createLogger(config.logLevel);
  const store = openStore(config.databaseUrl);
  const applied = await migrateToLatest(store.db);
  if (applied.length > 0) logger.info({ applied }, 'migrations applied');
  await ensureDemoCity(store, config, (line) => logger.info(line));
  const platform = await createPlatform(config, store);
  platform.startOutbox((e) => logger.error({ err: e }, 'outbox delivery failed'));
  const app = await buildApp({ config, store, logger, platform });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    await app.close();
    await platform.close();
    await store.close();
    clearTimeout(force);
    logger.info('stopped');
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  await app.listen({ host: config.host, port: config.port });
  logger.info(`certcloud 证明云共享平台 listening on ${config.publicUrl} (${config.dialect})`);
}
