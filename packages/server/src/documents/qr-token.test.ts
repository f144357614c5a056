import type { QrClaims } from '@certcloud/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestKeyStore } from '../signing/test-key-store.ts';
import { signQrToken, verifyQrToken } from './qr-token.ts';

const claims: QrClaims = {
  name: '林*𪚥',
  id: '441402**********1234',
  type: 'no-criminal-record',
  serial: 'MZ-GA-441402-01-2026-000123',
  issued: '2026-12-03',
  validUntil: '2027-03-02',
  issuer: 'MZ-GA-441402-01',
};

describe('QR token', () => {
  let t: Awaited<ReturnType<typeof createTestKeyStore>>;
  beforeAll(async () => {
    t = await createTestKeyStore();
  });
  afterAll(() => t.dispose());

  it('is a compact ES256 JWS that verifies offline against the published JWKS', async () => {
    const signer = await t.keyStore.signerFor('MZ-GA-441402-01');
    const token = signQrToken({ ...claims, extra: 'leak' } as QrClaims, signer);
    const header = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString());
    expect(header).toEqual({ alg: 'ES256', kid: signer.qr.kid, typ: 'certcloud-qr+jwt' });
    const jwks = JSON.parse(JSON.stringify(await t.keyStore.jwks()));
    const result = await verifyQrToken(token, jwks);
    expect(result.claims).toEqual(claims); // nothing beyond the seven claims
    expect(result.keyStatus).toBe('active');
  });

  it('rejects a token whose claims were changed', async () => {
    const signer = await t.keyStore.signerFor('MZ-GA-441402-01');
    const [h, , s] = signQrToken(claims, signer).split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, validUntil: '2099-01-01' })).toString('base64url');
    await expect(verifyQrToken(`${h}.${forged}.${s}`, await t.keyStore.jwks())).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
  });

  it('still verifies after key rotation, reporting the key as retired', async () => {
    const old = await t.keyStore.signerFor('MZ-GA-441402-01');
    const token = signQrToken(claims, old);
    await t.keyStore.rotate('MZ-GA-441402-01');
    const result = await verifyQrToken(token, await t.keyStore.jwks());
    expect(result.keyStatus).toBe('retired');
  });
});
