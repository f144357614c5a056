import { afterEach, describe, expect, it } from 'vitest';
import { createTestStore, TEST_DIALECTS } from '../../db/test-dialects.ts';
import { createVerificationLog } from './verification-log.ts';

describe.each(TEST_DIALECTS)('verification log (%s)', (dialect) => {
  const disposals: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const d of disposals.splice(0)) await d();
  });

  it('stores every record, in batches, by the time flush() resolves', async () => {
    const store = await createTestStore(dialect);
    disposals.push(() => store.dispose());
    const errors: unknown[] = [];
    const log = createVerificationLog(store, { maxBatch: 1000, onError: (e) => errors.push(e) });
    for (let i = 0; i < 2500; i++) log.record({ channel: 'code', result: 'not-found', certificateId: null });
    await log.flush();
    const count = async () =>
      Number(
        (
          await store.db
            .selectFrom('verification_events')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await count()).toBe(2500);
    log.record({ channel: 'token', result: 'valid', certificateId: null });
    await log.close(); // close flushes what is left
    expect(await count()).toBe(2501);
    const last = await store.db
      .selectFrom('verification_events')
      .select(['channel', 'result', 'at'])
      .where('channel', '=', 'token')
      .executeTakeFirstOrThrow();
    expect(last).toMatchObject({ channel: 'token', result: 'valid' });
    expect(Date.now() - Date.parse(last.at)).toBeLessThan(60_000);
    expect(errors).toEqual([]);
  });
});
