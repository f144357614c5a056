// The store dialects every store test runs on: SQLite always, PostgreSQL when CERTCLOUD_TEST_PG_URL is set.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openStore, type Store } from './connection.ts';
import { migrateToLatest } from './migrate.ts';

/** The dialect names to loop over in tests. */
export const TEST_DIALECTS: ('sqlite' | 'postgres')[] = process.env['CERTCLOUD_TEST_PG_URL']
  ? ['sqlite', 'postgres']
  : ['sqlite'];

/** A fresh, migrated store of the given dialect; `dispose()` removes it (file or database). */
export async function createTestStore(
  dialect: 'sqlite' | 'postgres',
): Promise<Store & { dispose(): Promise<void> }> {
  const tag = `cc_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  if (dialect === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certcloud-test-'));
    const store = openStore(path.join(dir, 'test.db'));
    await migrateToLatest(store.db);
    return Object.assign(store, {
      async dispose() {
        await store.close();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    });
  }
  const adminUrl = process.env['CERTCLOUD_TEST_PG_URL']!;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${tag}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${tag}`;
  const store = openStore(url.toString(), { poolSize: 4 });
  await migrateToLatest(store.db);
  return Object.assign(store, {
    async dispose() {
      await store.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${tag} WITH (FORCE)`);
      await c.end();
    },
  });
}
