import { makeResidentId } from '@certcloud/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '../../db/test-dialects.ts';
import { hashPassword } from './secrets.ts';
import { addHousehold, buildTestApp } from './test-kit.ts';

const VICTIM = makeResidentId('441402', '1975-05-05', 3);
const NEWCOMER = makeResidentId('441402', '1999-09-09', 5);

describe.each(TEST_DIALECTS)('hardening (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { env: { CERTCLOUD_RATE_LIMIT_PER_MINUTE: '100000' } });
    await addHousehold(t.db, [
      { id_number: VICTIM, name: '陈受害' },
      { id_number: NEWCOMER, name: '李新人' },
    ]);
    const now = new Date().toISOString();
    await t.db
      .insertInto('resident_accounts')
      .values({
        id: 'victim',
        id_number: VICTIM,
        phone: '13700000000',
        password_hash: await hashPassword('the real password 1'),
        created_at: now,
        password_changed_at: now,
        disabled_at: null,
      })
      .execute();
  });
  afterAll(() => t.close());

  it('throttles 200 wrong passwords on one account with 429 + Retry-After; the right one then gets nothing', async () => {
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof t.app.inject>> | undefined;
    for (let i = 0; i < 200; i++) {
      last = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/resident/login',
        payload: { idNumber: VICTIM, password: `guess-${i}` },
      });
      statuses.push(last.statusCode);
    }
    expect(statuses.filter((s) => s === 401)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(190);
    expect(last?.json().error.code).toBe('RATE_LIMITED');
    expect(Number(last?.headers['retry-after'])).toBeGreaterThan(0);
    const right = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/resident/login',
      payload: { idNumber: VICTIM, password: 'the real password 1' },
    });
    expect(right.statusCode).toBe(429);
    expect(right.headers['set-cookie']).toBeUndefined();
    expect((await t.app.inject({ url: '/api/v1/auth/me' })).statusCode).toBe(401);
  });

  it('turns 50 concurrent registrations with one Idempotency-Key into one effect and one answer', async () => {
    const payload = { idNumber: NEWCOMER, name: '李新人', phone: '13600000000' };
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/resident/register',
          payload,
          headers: { 'idempotency-key': 'reg-1' },
        }),
      ),
    );
    expect(new Set(answers.map((a) => a.statusCode))).toEqual(new Set([202]));
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(49);
    await new Promise((r) => setTimeout(r, 50)); // the text goes out after the answer
    const pending = await t.db
      .selectFrom('resident_pending')
      .selectAll()
      .where('id_number', '=', NEWCOMER)
      .execute();
    const texts = await t.db
      .selectFrom('dev_sms_outbox')
      .selectAll()
      .where('phone', '=', '13600000000')
      .execute();
    expect([pending.length, texts.length]).toEqual([1, 1]);

    const reused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/resident/register',
      payload: { ...payload, phone: '13600000009' },
      headers: { 'idempotency-key': 'reg-1' },
    });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().error.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it('sends security headers and refuses oversized bodies', async () => {
    const res = await t.app.inject({ url: '/healthz' });
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['strict-transport-security']).toBeUndefined(); // http://localhost
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/resident/login',
      payload: { idNumber: VICTIM, password: 'x'.repeat(20_000) },
    });
    expect(big.statusCode).toBe(413);
  });
});
