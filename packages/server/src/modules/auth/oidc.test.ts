// Resident login through a real OpenID Connect provider (oidc-provider) started inside the test.
import net, { type AddressInfo } from 'node:net';
import { makeResidentId, maskResidentId } from '@certcloud/core';
import Fastify from 'fastify';
import Provider from 'oidc-provider';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.ts';
import { createTestStore } from '../../db/test-dialects.ts';
import { installErrorHandling } from '../../http/errors.ts';
import { authPlugin, authRoutes } from './auth.plugin.ts';
import { addHousehold, TEST_PUBLIC_URL } from './test-data.ts';

const RESIDENT = makeResidentId('441402', '1966-06-06', 21);
const STRANGER = makeResidentId('441402', '1967-07-07', 23); // known to the provider, not to the register
const CALLBACK = `${TEST_PUBLIC_URL}/api/v1/auth/oidc/callback`;

describe('OIDC resident login', () => {
  let provider: Provider;
  let server: ReturnType<Provider['listen']>;
  let issuer: string;
  let store: Awaited<ReturnType<typeof createTestStore>>;
  let app: ReturnType<typeof Fastify>;

  beforeAll(async () => {
    const probe = net.createServer().listen(0);
    await new Promise((r) => probe.once('listening', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    issuer = `http://127.0.0.1:${port}`;
    provider = new Provider(issuer, {
      clients: [
        {
          client_id: 'certcloud',
          client_secret: 'province-secret',
          redirect_uris: [CALLBACK],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      claims: { openid: ['sub', 'id_number'] },
      conformIdTokenClaims: false,
      findAccount: async (_ctx, sub) => ({
        accountId: sub,
        claims: async () => ({ sub, id_number: sub === 'a' ? RESIDENT : STRANGER }),
      }),
      cookies: { keys: ['test-cookie-key'] },
    });
    server = await new Promise((resolve) => {
      const s = provider.listen(port, () => resolve(s));
    });

    store = await createTestStore('sqlite');
    await addHousehold(store.db, [{ id_number: RESIDENT, name: '叶文华' }]);
    app = Fastify();
    installErrorHandling(app);
    const config = loadConfig({
      PUBLIC_URL: TEST_PUBLIC_URL,
      DATABASE_URL: ':memory:',
      OIDC_ISSUER: issuer,
      OIDC_CLIENT_ID: 'certcloud',
      OIDC_CLIENT_SECRET: 'province-secret',
    });
    await authPlugin(app, { config, store, logger: pino({ level: 'silent' }) });
    authRoutes(app);
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await store.dispose();
    await new Promise((r) => server.close(r));
  });

  /** Plays the browser at the provider: signs in as `login`, consents, returns the callback URL. */
  async function browseProvider(start: string, login: string): Promise<string> {
    const jar = new Map<string, string>();
    const cookieHeader = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    let url = start;
    let body: URLSearchParams | undefined;
    for (let hop = 0; hop < 12; hop++) {
      const res = await fetch(url, {
        redirect: 'manual',
        method: body ? 'POST' : 'GET',
        body,
        headers: { cookie: cookieHeader() },
      });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const i = pair!.indexOf('=');
        jar.set(pair!.slice(0, i), pair!.slice(i + 1));
      }
      body = undefined;
      const location = res.headers.get('location');
      if (location?.startsWith(CALLBACK)) return location;
      if (location) {
        url = new URL(location, url).href;
        continue;
      }
      const page = await res.text();
      body = new URLSearchParams(
        page.includes('name="login"') ? { prompt: 'login', login, password: 'x' } : { prompt: 'consent' },
      );
    }
    throw new Error('the provider never redirected back');
  }

  it('signs a registered resident in and sets the session cookie', async () => {
    const start = await app.inject({ url: '/api/v1/auth/oidc/login' });
    expect(start.statusCode).toBe(302);
    const stateCookie = String(start.headers['set-cookie']).split(';')[0]!;
    const callback = await browseProvider(String(start.headers.location), 'a');
    const back = await app.inject({
      url: callback.slice(TEST_PUBLIC_URL.length),
      headers: { cookie: stateCookie },
    });
    expect(back.statusCode).toBe(302);
    const session = [String(back.headers['set-cookie'])]
      .flat()
      .join(',')
      .match(/cc_session=[^;]+/)?.[0];
    const me = await app.inject({ url: '/api/v1/auth/me', headers: { cookie: session ?? '' } });
    expect(me.json()).toEqual({ kind: 'resident', maskedIdNumber: maskResidentId(RESIDENT) });
  });

  it('refuses a callback without the state cookie, and a person not in the register', async () => {
    const start = await app.inject({ url: '/api/v1/auth/oidc/login' });
    const callback = await browseProvider(String(start.headers.location), 'a');
    const noState = await app.inject({ url: callback.slice(TEST_PUBLIC_URL.length) });
    expect(noState.statusCode).toBe(401);

    const start2 = await app.inject({ url: '/api/v1/auth/oidc/login' });
    const cookie = String(start2.headers['set-cookie']).split(';')[0]!;
    const callback2 = await browseProvider(String(start2.headers.location), 'stranger');
    const refused = await app.inject({ url: callback2.slice(TEST_PUBLIC_URL.length), headers: { cookie } });
    expect(refused.statusCode).toBe(403);
  });
});
