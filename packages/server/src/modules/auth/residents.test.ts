import { makeResidentId, maskResidentId } from '@certcloud/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '../../db/test-dialects.ts';
import { readDevSms } from '../../notify/dev-sms-outbox.ts';
import { addHousehold, buildTestApp, staffCookie } from './test-kit.ts';

const LIN = makeResidentId('441402', '1990-03-07', 2); // 林小红, registered
const GONE = makeResidentId('441402', '1940-01-01', 1); // deregistered
const NOBODY = makeResidentId('441402', '1988-07-08', 1); // not in the register
const PHONE = '13912345678';
const PASSWORD = 'correct horse battery';

async function codeFor(db: Parameters<typeof readDevSms>[0], phone: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const [sms] = await readDevSms(db, { phone });
    const code = sms && /(\d{6})/.exec(sms.text)?.[1];
    if (code) return code;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('no text message');
}

describe.each(TEST_DIALECTS)('resident accounts (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { captureLogs: true });
    await addHousehold(t.db, [
      { id_number: LIN, name: '林小红' },
      {
        id_number: GONE,
        name: '张老汉',
        status: 'deregistered',
        dereg_reason: 'death',
        dereg_date: '2026-11-30',
      },
    ]);
  });
  afterAll(() => t.close());

  const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url, payload, headers });

  it('answers every registration alike and texts a code only to a matching person', async () => {
    const answers = await Promise.all([
      post('/api/v1/auth/resident/register', { idNumber: LIN, name: '林小红', phone: PHONE }),
      post('/api/v1/auth/resident/register', { idNumber: NOBODY, name: '王五', phone: '13900000001' }),
      post('/api/v1/auth/resident/register', { idNumber: GONE, name: '张老汉', phone: '13900000002' }),
      post('/api/v1/auth/resident/register', { idNumber: LIN, name: '林大红', phone: '13900000003' }),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([202, 202, 202, 202]);
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    const code = await codeFor(t.db, PHONE);
    const outbox = await readDevSms(t.db);
    expect(outbox.map((m) => m.phone)).toEqual([PHONE]);

    const wrong = await post('/api/v1/auth/resident/confirm', {
      idNumber: LIN,
      code: code === '000000' ? '111111' : '000000',
      password: PASSWORD,
    });
    expect(wrong.json().error.code).toBe('INVALID_CODE');
    const ok = await post('/api/v1/auth/resident/confirm', { idNumber: LIN, code, password: PASSWORD });
    expect(ok.statusCode).toBe(201);
  });

  it('logs in with a rotating, HttpOnly, SameSite=Strict cookie; logout and password change end sessions', async () => {
    const bad = await post('/api/v1/auth/resident/login', { idNumber: LIN, password: 'not the password' });
    const unknown = await post('/api/v1/auth/resident/login', {
      idNumber: NOBODY,
      password: 'not the password',
    });
    expect([bad.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(bad.body).toBe(unknown.body);

    const login = await post('/api/v1/auth/resident/login', { idNumber: LIN, password: PASSWORD });
    expect(login.statusCode).toBe(200);
    const setCookie = String(login.headers['set-cookie']);
    expect(setCookie).toMatch(/cc_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).not.toMatch(/Secure/); // http://localhost only; see sessionCookieOptions
    const cookie = setCookie.split(';')[0]!;
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.json()).toEqual({ kind: 'resident', maskedIdNumber: maskResidentId(LIN) });

    // Login again from the same browser: the old session ends (rotation).
    const again = await post(
      '/api/v1/auth/resident/login',
      { idNumber: LIN, password: PASSWORD },
      { cookie },
    );
    const cookie2 = String(again.headers['set-cookie']).split(';')[0]!;
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);

    const changed = await post(
      '/api/v1/auth/password',
      { currentPassword: PASSWORD, newPassword: 'another long passphrase' },
      { cookie: cookie2 },
    );
    expect(changed.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: cookie2 } })).statusCode).toBe(
      401,
    );
    const cookie3 = String(changed.headers['set-cookie']).split(';')[0]!;
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: cookie3 } })).statusCode).toBe(
      200,
    );

    const out = await post('/api/v1/auth/logout', {}, { cookie: cookie3 });
    expect(out.statusCode).toBe(200);
    const after = await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: cookie3 } });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('ends a resident session after 30 idle minutes', async () => {
    const login = await post('/api/v1/auth/resident/login', {
      idNumber: LIN,
      password: 'another long passphrase',
    });
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    await t.db
      .updateTable('auth_sessions')
      .set({ last_seen_at: new Date(Date.now() - 31 * 60_000).toISOString() })
      .where('revoked_at', 'is', null)
      .execute();
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('shows the development SMS outbox to admins, clearly labelled', async () => {
    const admin = await staffCookie(t.db, { username: 'admin1', roles: ['admin'] });
    const res = await t.app.inject({ url: '/api/v1/admin/dev-sms', headers: { cookie: admin } });
    expect(res.statusCode).toBe(200);
    expect(res.json().label).toMatch(/开发环境短信.*DEVELOPMENT SMS OUTBOX/);
    expect(res.json().messages[0].phone).toBe(PHONE);
  });

  it('writes no password, code, token, cookie or full ID number to the logs', async () => {
    const logs = t.logLines.join('\n');
    const codes = (await readDevSms(t.db)).map((m) => /(\d{6})/.exec(m.text)?.[1] ?? 'none');
    for (const code of codes) expect(logs).not.toMatch(new RegExp(`(?<!\\d)${code}(?!\\d)`));
    expect(t.logLines.length).toBeGreaterThan(10);
    for (const secret of [PASSWORD, 'another long passphrase', LIN, NOBODY, GONE, PHONE])
      expect(logs).not.toContain(secret);
    expect(logs).not.toMatch(/cc_session=/);
  });
});
