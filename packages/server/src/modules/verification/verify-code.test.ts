// Verification by code: the minimal masked statement; unknown and malformed codes answered alike; a scan
// of 10 000 random and 10 000 sequential codes finds nothing and is throttled, per IP and globally.
import crypto from 'node:crypto';
import { CROCKFORD_ALPHABET, groupVerificationCode } from '@certcloud/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertificateRow } from '../../db/schema.ts';
import { TEST_DIALECTS } from '../../db/test-dialects.ts';
import { residentCookie } from '../auth/test-data.ts';
import { type VerificationWorld, verificationWorld } from './verification.test-kit.ts';

const randomCode = () => Array.from(crypto.randomBytes(22), (b) => CROCKFORD_ALPHABET[b & 31]).join('');
const sequentialCode = (n: number) => {
  let s = '';
  for (let v = n, i = 0; i < 22; i++, v = Math.floor(v / 32)) s = CROCKFORD_ALPHABET[v % 32] + s;
  return s;
};

describe.each(TEST_DIALECTS)('verifying by code on %s', (dialect) => {
  let w: VerificationWorld;
  let cert: CertificateRow;
  const verify = (code: string, ip = '203.0.113.9') =>
    w.app.inject({ method: 'GET', url: `/api/v1/verify/${encodeURIComponent(code)}`, remoteAddress: ip });

  beforeAll(async () => {
    w = await verificationWorld(dialect, {
      CERTCLOUD_VERIFY_RATE_PER_MINUTE: '60',
      CERTCLOUD_VERIFY_GLOBAL_PER_MINUTE: '600',
    });
    cert = await w.issue('clean-adult', 'no-criminal-record', '就业');
  }, 60_000);
  afterAll(() => w.close());

  it('answers valid with the masked statement and the issuer’s phone, typed any way a person types it', async () => {
    const grouped = groupVerificationCode(cert.verification_code);
    for (const typed of [grouped, grouped.toLowerCase(), cert.verification_code.replaceAll('1', 'l')]) {
      const res = await verify(typed, '203.0.113.1');
      expect(res.statusCode, typed).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({
        status: 'valid',
        revokedAt: null,
        certificate: {
          type: 'no-criminal-record',
          typeName: { zh: '无犯罪记录证明' },
          serial: cert.serial,
          validUntil: cert.valid_until,
          issuer: { phone: expect.stringMatching(/^0753-/) },
        },
      });
      expect(body.certificate.holder.name).toContain('*');
      expect(res.body).not.toContain(cert.holder_id);
      expect(res.body).not.toContain(cert.holder_name);
      expect(res.body).not.toContain('statement_text');
    }
  });

  it('answers unknown and malformed codes with the same 404 body', async () => {
    const bodies = await Promise.all(
      [randomCode(), 'not-a-code', '0', 'OOOOO-IIIII', `${cert.verification_code}X`].map(async (c) => {
        const res = await verify(c, '203.0.113.2');
        expect(res.statusCode).toBe(404);
        return res.body;
      }),
    );
    expect(new Set(bodies).size).toBe(1);
  });

  it('shows the holder each verification (time, channel, result) and nobody else', async () => {
    const url = `/api/v1/certificates/${cert.id}/verifications`;
    const holder = await w.app.inject({
      method: 'GET',
      url,
      headers: { cookie: await residentCookie(w.db, cert.holder_id) },
    });
    expect(holder.statusCode).toBe(200);
    const events = holder.json();
    expect(events.length).toBeGreaterThanOrEqual(3);
    expect(events[0]).toEqual({ at: expect.any(String), channel: 'code', result: 'valid' });
    expect(Object.keys(events[0]).sort()).toEqual(['at', 'channel', 'result']);
    const stranger = await w.app.inject({
      method: 'GET',
      url,
      headers: { cookie: await residentCookie(w.db, w.person('never-married').id) },
    });
    expect(stranger.statusCode).toBe(404);
    expect((await w.app.inject({ method: 'GET', url })).statusCode).toBe(401);
  });

  it('finds 0 certificates in 10 000 random and 10 000 sequential codes, throttled with Retry-After', async () => {
    const codes = [
      ...Array.from({ length: 10_000 }, randomCode),
      ...Array.from({ length: 10_000 }, (_, i) => sequentialCode(i)),
    ];
    const statuses = new Map<number, number>();
    let retryAfter: string | undefined;
    for (const code of codes) {
      const res = await verify(code, '198.51.100.7');
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      if (res.statusCode === 429) retryAfter ??= String(res.headers['retry-after']);
    }
    expect(statuses.get(200)).toBeUndefined();
    expect([...statuses.keys()].sort()).toEqual([404, 429]);
    expect(statuses.get(404)).toBeLessThanOrEqual(60);
    expect(Number(retryAfter)).toBeGreaterThan(0);
  }, 120_000);

  it('throttles a scan spread over many addresses at the global ceiling', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 900; i++) {
      const res = await verify(randomCode(), `10.1.${i >> 8}.${i & 255}`); // 1-2 requests per address
      statuses.push(res.statusCode);
    }
    expect(statuses).not.toContain(200);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    const limited = await verify(randomCode(), '10.9.9.9');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect(limited.headers['retry-after']).toBeDefined();
  });
});
