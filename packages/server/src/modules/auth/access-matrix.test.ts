// The access matrix: every registered route (including routes other modules add later) × every kind of
// caller, checked against the policy table; then the resource-level helpers for one holder.
import { makeResidentId } from '@certcloud/core';
import Fastify, { type FastifyRequest } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.ts';
import { createTestStore, TEST_DIALECTS } from '../../db/test-dialects.ts';
import { installErrorHandling } from '../../http/errors.ts';
import type { Identity } from '../../http/identity.ts';
import { assertClientScope, assertMayActFor } from './access.ts';
import { authPlugin, registeredRoutes } from './auth.plugin.ts';
import { resolveIdentity } from './identity-resolver.ts';
import { decide } from './policy.ts';
import {
  addHousehold,
  buildTestApp,
  clientAuthorization,
  ensureDepartments,
  kioskHeaders,
  residentCookie,
  staffCookie,
  TEST_PUBLIC_URL,
} from './test-kit.ts';

const A = makeResidentId('441402', '1970-01-01', 11);
const B = makeResidentId('441403', '1971-02-02', 13);
const CHILD_OF_A = makeResidentId('441402', '2000-03-03', 15);
const A_STATION = 'MZ-GA-441402-01';
const OTHER_STATION = 'MZ-GA-441403-01';

describe.each(TEST_DIALECTS)('access matrix (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof buildTestApp>>;
  type Caller = { name: string; headers: () => Promise<Record<string, string>> };
  let callers: Caller[];

  beforeAll(async () => {
    t = await buildTestApp(dialect, { env: { CERTCLOUD_RATE_LIMIT_PER_MINUTE: '100000' } });
    const db = t.db;
    await ensureDepartments(db, ['MZ-GA', A_STATION, OTHER_STATION, 'MZ-MZ']);
    await addHousehold(db, [
      { id_number: A, name: '林建国', household_no: 'HA', police_station: A_STATION },
      {
        id_number: CHILD_OF_A,
        name: '林小华',
        household_no: 'HA',
        relation_to_head: '子',
        police_station: A_STATION,
      },
      { id_number: B, name: '陈无关', household_no: 'HB', police_station: OTHER_STATION },
    ]);
    const cookie = async (c: Promise<string>) => ({ cookie: await c });
    const officer = (username: string, station: string) =>
      cookie(
        staffCookie(db, {
          username,
          roles: ['window-officer', 'responsible-officer'],
          stationCodes: [station],
        }),
      );
    callers = [
      { name: 'anonymous', headers: async () => ({}) },
      { name: 'resident A', headers: () => cookie(residentCookie(db, A)) },
      { name: 'resident B', headers: () => cookie(residentCookie(db, B)) },
      { name: 'relative of A', headers: () => cookie(residentCookie(db, CHILD_OF_A)) },
      { name: 'officer of another station', headers: () => officer('officer.other', OTHER_STATION) },
      { name: "officer of A's station", headers: () => officer('officer.a', A_STATION) },
      {
        name: 'department head',
        headers: () => cookie(staffCookie(db, { username: 'head', roles: ['department-head'] })),
      },
      { name: 'admin', headers: () => cookie(staffCookie(db, { username: 'admin', roles: ['admin'] })) },
      {
        name: 'department client with the grant',
        headers: async () => ({
          authorization: await clientAuthorization(db, { kind: 'department', scopes: ['check:survival'] }),
        }),
      },
      {
        name: 'department client without the grant',
        headers: async () => ({
          authorization: await clientAuthorization(db, { kind: 'department', scopes: ['check:property'] }),
        }),
      },
      {
        name: 'organisation',
        headers: async () => ({
          authorization: await clientAuthorization(db, {
            kind: 'organisation',
            scopes: ['org:certificates'],
          }),
        }),
      },
      { name: 'kiosk session of A', headers: async () => (await kioskHeaders(db, A)).session },
      { name: 'kiosk device', headers: async () => (await kioskHeaders(db, A)).device },
    ];
  });
  afterAll(() => t.close());

  const identityOf = async (headers: Record<string, string>): Promise<Identity> => {
    const cookies = Object.fromEntries(
      (headers['cookie'] ?? '')
        .split(';')
        .filter(Boolean)
        .map((c) => c.trim().split('=') as [string, string]),
    );
    return resolveIdentity(t.db, { headers, cookies } as unknown as FastifyRequest, TEST_PUBLIC_URL);
  };

  it('names a policy on every registered route', () => {
    const routes = registeredRoutes(t.app);
    expect(routes.length).toBeGreaterThan(15);
    expect(routes.filter((r) => !r.policy).map((r) => `${r.method} ${r.url}`)).toEqual([]);
  });

  it('documents every route with tags and a security entry in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ url: '/api/docs/json' })).json();
    expect(Object.keys(doc.components.securitySchemes)).toEqual(
      expect.arrayContaining(['cookieAuth', 'bearerAuth']),
    );
    const undocumented: string[] = [];
    for (const [path, ops] of Object.entries(
      doc.paths as Record<string, Record<string, { tags?: string[]; security?: unknown[] }>>,
    )) {
      for (const [method, op] of Object.entries(ops)) {
        if (!path.startsWith('/api/v1/')) continue;
        if (!op.tags?.length || !Array.isArray(op.security))
          undocumented.push(`${method.toUpperCase()} ${path}`);
      }
    }
    expect(doc.paths['/api/v1/oauth/token']).toBeDefined();
    expect(undocumented).toEqual([]);
  });

  it('lets through exactly the callers the policy table names, refusing the others with the documented code', async () => {
    const unintended: string[] = [];
    let cells = 0;
    const reusable = new Map<string, Record<string, string>>(); // for reads; writes get fresh credentials
    for (const route of registeredRoutes(t.app)) {
      if (route.url.startsWith('/api/docs')) continue; // static documentation pages, policy 'public'
      for (const caller of callers) {
        let headers = route.method === 'GET' ? reusable.get(caller.name) : undefined;
        if (!headers) headers = await caller.headers(); // logout-like routes end the credentials they use
        if (route.method === 'GET') reusable.set(caller.name, headers);
        const expected = decide(route.policy, await identityOf(headers));
        const url = route.url.replace(/:[A-Za-z]+/g, 'x').replace('*', 'x');
        const hasBody = ['POST', 'PUT', 'PATCH'].includes(route.method);
        const res = await t.app.inject({
          method: route.method as 'GET',
          url,
          headers,
          ...(hasBody ? { payload: {} } : {}),
        });
        const body = String(res.headers['content-type'] ?? '').includes('json') ? res.json() : {};
        const policyRefusal = res.statusCode === 403 && body?.error?.details?.policy !== undefined;
        cells++;
        const cell = `${route.method} ${route.url} as ${caller.name}: ${res.statusCode} ${body?.error?.code ?? ''}`;
        if (expected === 'pass') {
          if (res.statusCode === 401 || policyRefusal || res.statusCode >= 500)
            unintended.push(`refused/failed ${cell}`);
        } else if (
          res.statusCode !== (expected === 'UNAUTHENTICATED' ? 401 : 403) ||
          body?.error?.code !== expected
        ) {
          unintended.push(`expected ${expected}: ${cell}`);
        }
      }
    }
    expect(cells).toBeGreaterThan(200);
    expect(unintended).toEqual([]);
  });

  it("decides per holder: self, a proven relative and A's officer may act for A; nobody else", async () => {
    const outcomes: Record<string, string> = {};
    for (const caller of callers) {
      const identity = await identityOf(await caller.headers());
      outcomes[caller.name] = await assertMayActFor(t.db, identity, A).catch((e: { code: string }) => e.code);
    }
    expect(outcomes).toEqual({
      anonymous: 'FORBIDDEN',
      'resident A': 'self',
      'resident B': 'FORBIDDEN',
      'relative of A': 'child',
      'officer of another station': 'FORBIDDEN',
      "officer of A's station": 'officer',
      'department head': 'FORBIDDEN',
      admin: 'FORBIDDEN',
      'department client with the grant': 'FORBIDDEN',
      'department client without the grant': 'FORBIDDEN',
      organisation: 'FORBIDDEN',
      'kiosk session of A': 'self',
      'kiosk device': 'FORBIDDEN',
    });
    const scopeOutcome = async (name: string) => {
      const identity = await identityOf(await callers.find((c) => c.name === name)!.headers());
      try {
        assertClientScope(identity, 'check:survival');
        return 'pass';
      } catch (e) {
        return (e as { code: string }).code;
      }
    };
    expect(await scopeOutcome('department client with the grant')).toBe('pass');
    expect(await scopeOutcome('department client without the grant')).toBe('FORBIDDEN');
  });
});

describe('deny by default', () => {
  it('refuses a route that names no policy, even to an anonymous caller', async () => {
    const store = await createTestStore('sqlite');
    const app = Fastify();
    installErrorHandling(app);
    const config = loadConfig({ PUBLIC_URL: TEST_PUBLIC_URL, DATABASE_URL: ':memory:' });
    await authPlugin(app, { config, store, logger: pino({ level: 'silent' }) });
    app.get('/forgotten', async () => ({ secret: 'data' }));
    const res = await app.inject({ url: '/forgotten' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('FORBIDDEN');
    expect(registeredRoutes(app).find((r) => r.url === '/forgotten')?.policy).toBeUndefined();
    await app.close();
    await store.dispose();
  });
});
