import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jwksRoutes } from './jwks.routes.ts';
import { createTestKeyStore } from './test-key-store.ts';

describe('GET /.well-known/jwks.json', () => {
  let t: Awaited<ReturnType<typeof createTestKeyStore>>;
  beforeAll(async () => {
    t = await createTestKeyStore();
    await t.keyStore.signerFor('MZ-GA-441402-01');
  });
  afterAll(() => t.dispose());

  it('publishes every department key without private parts, with kid, alg, use and status', async () => {
    const app = Fastify();
    jwksRoutes(app, t.keyStore);
    const res = await app.inject({ method: 'GET', url: '/.well-known/jwks.json' });
    expect(res.statusCode).toBe(200);
    const { keys } = res.json() as { keys: Record<string, unknown>[] };
    expect(keys.map((k) => k['purpose']).sort()).toEqual(['credential', 'pdf', 'qr']);
    for (const k of keys) {
      expect(k).toMatchObject({ use: 'sig', status: 'active', department: 'MZ-GA-441402-01' });
      expect(k['kid']).toEqual(expect.any(String));
      expect(k).not.toHaveProperty('d');
    }
    expect(app.hasRoute({ method: 'GET', url: '/.well-known/jwks.json' })).toBe(true);
    await app.close();
  });
});
