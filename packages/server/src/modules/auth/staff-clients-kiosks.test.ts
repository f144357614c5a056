import { makeResidentId, makeUscc } from '@certcloud/core';
import { generate } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '../../db/test-dialects.ts';
import { addHousehold, buildTestApp, ensureDepartments, staffCookie } from './test-kit.ts';

const HOLDER = makeResidentId('441402', '1985-02-02', 7);
const STATION = 'MZ-GA-441402-01';

describe.each(TEST_DIALECTS)('staff, API clients and kiosks (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  let admin: string;
  const secrets: string[] = []; // everything that must never reach a log line
  beforeAll(async () => {
    t = await buildTestApp(dialect, { captureLogs: true });
    await ensureDepartments(t.db, ['MZ-GA', STATION, 'MZ-RS']);
    await addHousehold(t.db, [{ id_number: HOLDER, name: '黄志明' }]);
    admin = await staffCookie(t.db, { username: 'root', roles: ['admin'] });
  });
  afterAll(() => t.close());

  const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'POST', url, payload, headers });

  it('adds staff once with password + TOTP; both factors are needed; a role change ends their sessions', async () => {
    const created = await post(
      '/api/v1/admin/staff',
      { username: 'officer.li', departmentCode: 'MZ-GA', roles: ['window-officer'], stationCodes: [STATION] },
      { cookie: admin },
    );
    expect(created.statusCode).toBe(201);
    const { initialPassword, totpSecret, otpauthUrl } = created.json();
    secrets.push(initialPassword, totpSecret);
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    const login = (totp: string) =>
      post('/api/v1/auth/staff/login', { username: 'officer.li', password: initialPassword, totp });
    const code = await generate({ secret: totpSecret });
    expect((await login(code === '000000' ? '111111' : '000000')).statusCode).toBe(401);
    const ok = await login(code);
    expect(ok.statusCode).toBe(200);
    expect((await login(code)).statusCode).toBe(401); // a TOTP code works once
    const cookie = String(ok.headers['set-cookie']).split(';')[0]!;
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } });
    expect(me.json()).toMatchObject({ kind: 'staff', roles: ['window-officer'], stationCodes: [STATION] });

    const patch = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/admin/staff/officer.li',
      payload: { roles: ['responsible-officer'] },
      headers: { cookie: admin },
    });
    expect(patch.json()).toEqual({ sessionsRevoked: 1 });
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('issues short-lived scoped tokens for client credentials (form or JSON); rotation stops the old secret and tokens', async () => {
    const created = await post(
      '/api/v1/admin/clients',
      { kind: 'department', ownerCode: 'MZ-RS', name: '人社局系统', scopes: ['check:survival'] },
      { cookie: admin },
    );
    expect(created.statusCode).toBe(201);
    const { clientId, clientSecret } = created.json();
    secrets.push(clientSecret);
    const form = await t.app.inject({
      method: 'POST',
      url: '/api/v1/oauth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: clientId,
        client_secret: clientSecret,
      }).toString(),
    });
    expect(form.statusCode).toBe(200);
    expect(form.json()).toMatchObject({ token_type: 'Bearer', expires_in: 600, scope: 'check:survival' });
    const bad = await post('/api/v1/oauth/token', {
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: 'nope',
    });
    const unknown = await post('/api/v1/oauth/token', {
      grant_type: 'client_credentials',
      client_id: 'dep_x',
      client_secret: 'nope',
    });
    expect([bad.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(bad.body).toBe(unknown.body);
    const token = form.json().access_token;
    secrets.push(token);
    const listByClient = await t.app.inject({
      url: '/api/v1/admin/clients',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(listByClient.statusCode).toBe(403);

    const rotated = await post(`/api/v1/admin/clients/${clientId}/rotate`, {}, { cookie: admin });
    expect(rotated.statusCode).toBe(200);
    const old = await post('/api/v1/oauth/token', {
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: clientSecret,
    });
    expect(old.statusCode).toBe(401);
    const after = await t.app.inject({
      url: '/api/v1/admin/clients',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(after.statusCode).toBe(401); // the old token no longer names anyone
    const org = await post(
      '/api/v1/admin/clients',
      {
        kind: 'organisation',
        ownerCode: makeUscc('91', '441402', 'MA4U7E50'),
        name: '某公司',
        scopes: ['check:survival'],
      },
      { cookie: admin },
    );
    expect(org.statusCode).toBe(400); // organisations hold org:certificates only
  });

  it('starts a SIMULATED kiosk session from card + face, ends it on card removal and after 60 s idle', async () => {
    const kiosk = await post(
      '/api/v1/admin/kiosks',
      { name: '梅江区政务中心 1号机', location: '一楼大厅' },
      { cookie: admin },
    );
    const device = { authorization: `Bearer ${kiosk.json().deviceCredential}` };
    secrets.push(kiosk.json().deviceCredential);
    const noFace = await post('/api/v1/kiosk/sessions', { idNumber: HOLDER, faceMatch: false }, device);
    expect(noFace.json().error.code).toBe('FACE_NOT_MATCHED');
    const started = await post('/api/v1/kiosk/sessions', { idNumber: HOLDER, faceMatch: true }, device);
    expect(started.statusCode).toBe(201);
    expect(started.json().devices.cardReader).toMatch(/SIMULATED/);
    expect(started.json().holder.maskedName).toBe('黄*明');
    const session = { 'x-kiosk-session': started.json().sessionToken };
    expect((await t.app.inject({ url: '/api/v1/kiosk/sessions/current', headers: session })).statusCode).toBe(
      200,
    );
    await t.app.inject({ method: 'DELETE', url: '/api/v1/kiosk/sessions/current', headers: session });
    expect((await t.app.inject({ url: '/api/v1/kiosk/sessions/current', headers: session })).statusCode).toBe(
      401,
    );

    const again = await post('/api/v1/kiosk/sessions', { idNumber: HOLDER, faceMatch: true }, device);
    const session2 = { 'x-kiosk-session': again.json().sessionToken };
    await t.db
      .updateTable('kiosk_sessions')
      .set({ last_seen_at: new Date(Date.now() - 61_000).toISOString() })
      .where('ended_at', 'is', null)
      .execute();
    expect(
      (await t.app.inject({ url: '/api/v1/kiosk/sessions/current', headers: session2 })).statusCode,
    ).toBe(401);
  });

  it('writes no password, TOTP secret, client secret, token, device credential or full ID number to the logs', () => {
    const logs = t.logLines.join('\n');
    expect(t.logLines.length).toBeGreaterThan(10);
    expect(secrets.length).toBe(5);
    for (const secret of [...secrets, HOLDER]) expect(logs).not.toContain(secret);
    expect(logs).toMatch(/SIMULATED/); // the simulated kiosk devices say so in the logs too
  });
});
