import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, TEST_DIALECTS } from '../../db/test-dialects.ts';
import {
  type AccessEntry,
  appendAccessRecords,
  listAccessRecords,
  verifyAccessChain,
} from './access-log.repository.ts';

const A = '441402199001011234';
const B = '441481198803032345';

const entry = (subjectId: string, purpose: string): AccessEntry => ({
  subjectId,
  actorKind: 'client',
  actorId: 'MZ-RS',
  actorName: '梅州市人力资源和社会保障局',
  service: 'check:survival',
  sources: ['household', 'death-certificate'],
  purpose,
  ref: 'case-1',
});

describe.each(TEST_DIALECTS)('access log on %s', (dialect) => {
  let store: Awaited<ReturnType<typeof createTestStore>>;
  beforeAll(async () => {
    store = await createTestStore(dialect);
  });
  afterAll(async () => store.dispose());

  it('shows a person every access to their data, and only theirs', async () => {
    await store.db
      .transaction()
      .execute((trx) => appendAccessRecords(trx, [entry(A, '养老金资格认证'), entry(B, 'x')]));
    await store.db.transaction().execute((trx) => appendAccessRecords(trx, [entry(A, '再次认证')]));
    const mine = await listAccessRecords(store.db, A);
    expect(mine.map((r) => r.purpose)).toEqual(['再次认证', '养老金资格认证']);
    expect(mine[0]).toMatchObject({ actor_name: '梅州市人力资源和社会保障局', service: 'check:survival' });
    expect(await verifyAccessChain(store.db)).toBeNull();
  });

  it('keeps a record only when the work it belongs to commits', async () => {
    const before = (await listAccessRecords(store.db, B)).length;
    await store.db
      .transaction()
      .execute(async (trx) => {
        await appendAccessRecords(trx, [entry(B, 'rolled back')]);
        throw new Error('work failed');
      })
      .catch(() => undefined);
    expect(await listAccessRecords(store.db, B)).toHaveLength(before);
    expect(await verifyAccessChain(store.db)).toBeNull();
  });

  it('keeps the chain whole under concurrent writers', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.db.transaction().execute((trx) => appendAccessRecords(trx, [entry(A, `c${i}`)])),
      ),
    );
    expect(await verifyAccessChain(store.db)).toBeNull();
  });

  it('detects an edited record and a deleted one', async () => {
    await store.db
      .updateTable('access_records')
      .set({ purpose: '改过的用途' })
      .where('seq', '=', 2)
      .execute();
    expect(await verifyAccessChain(store.db)).toEqual({ brokenAt: 2, reason: 'record altered' });
    await store.db.deleteFrom('access_records').where('seq', '=', 2).execute();
    expect(await verifyAccessChain(store.db)).toEqual({ brokenAt: 2, reason: 'record missing' });
  });
});
