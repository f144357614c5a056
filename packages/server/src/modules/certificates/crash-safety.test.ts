// A crash between "certificate stored" and "response sent" leaves nothing or a complete certificate, never a half.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chinaDate } from '@certcloud/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listFixtures } from '../../city/fixtures.ts';
import { seedCity } from '../../city/seed-city.ts';
import { openStore, type Store } from '../../db/connection.ts';
import { migrateToLatest } from '../../db/migrate.ts';

const CHILD = fileURLToPath(new URL('./crash-child.test-support.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../../../../node_modules/tsx/dist/cli.mjs', import.meta.url));

describe('issuance killed at each step (SQLite file, a real process killed with SIGKILL)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certcloud-crash-'));
  const dbPath = path.join(dir, 'city.db');
  let holder = '';

  beforeAll(async () => {
    const store = openStore(dbPath);
    await migrateToLatest(store.db);
    await seedCity(store, { residents: 200, seed: 3, today: chinaDate(new Date()) });
    holder = (await listFixtures(store)).find((f) => f.case === 'clean-adult')!.id;
    await store.close();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const runUntil = (step: string) =>
    spawnSync(process.execPath, [TSX, CHILD, dbPath, dir, holder, step], {
      encoding: 'utf8',
      timeout: 120_000,
    });

  // tsx runs the script in a child of its own and reports the SIGKILL as exit status 137 (128 + 9).
  const killed = (r: { signal: NodeJS.Signals | null; status: number | null }) =>
    r.signal === 'SIGKILL' || r.status === 137;

  const certificatesOf = async (store: Store) =>
    store.db.selectFrom('certificates').select(['id', 'serial']).where('holder_id', '=', holder).execute();

  it.each(['serial-allocated', 'documents-signed', 'certificate-written'])(
    'killed at %s: nothing is stored',
    async (step) => {
      const r = runUntil(step);
      expect(killed(r), r.stderr).toBe(true);
      const store = openStore(dbPath);
      expect(await certificatesOf(store)).toEqual([]);
      expect(await store.db.selectFrom('certificate_documents').select('kind').execute()).toEqual([]);
      expect(await store.db.selectFrom('outbox').select('id').execute()).toEqual([]);
      await store.close();
    },
    150_000,
  );

  it('killed right after commit: the certificate is complete and retrievable', async () => {
    const r = runUntil('committed');
    expect(killed(r), r.stderr).toBe(true);
    const store = openStore(dbPath);
    const certs = await certificatesOf(store);
    expect(certs).toHaveLength(1);
    const docs = await store.db
      .selectFrom('certificate_documents')
      .select(['kind', 'sha256'])
      .where('certificate_id', '=', certs[0]!.id)
      .execute();
    expect(docs.map((d) => d.kind).sort()).toEqual(['credential', 'pdf', 'qr-token']);
    const pdf = await store.db
      .selectFrom('certificate_documents')
      .select('content')
      .where('certificate_id', '=', certs[0]!.id)
      .where('kind', '=', 'pdf')
      .executeTakeFirstOrThrow();
    expect(Buffer.from(pdf.content).subarray(0, 5).toString()).toBe('%PDF-');
    expect(await store.db.selectFrom('outbox').select('topic').execute()).toEqual([
      { topic: 'certificate.issued' },
    ]);
    await store.close();
  }, 150_000);
});
