// Revocation: only an officer of the issuing unit; status, audit record, access record and notices in one
// transaction; the holder is texted; the code check and the published status list show it at once.
import crypto from 'node:crypto';
import canonicalize from 'canonicalize';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertificateRow } from '../../db/schema.ts';
import { TEST_DIALECTS } from '../../db/test-dialects.ts';
import { residentCookie, staffCookie } from '../auth/test-data.ts';
import { drainOutbox } from '../notices/outbox.dispatcher.ts';
import { isBitSet, MIN_LIST_BITS } from '../verification/status-list.ts';
import { type VerificationWorld, verificationWorld } from '../verification/verification.test-kit.ts';

describe.each(TEST_DIALECTS)('revoking certificates on %s', (dialect) => {
  let w: VerificationWorld;
  let cert: CertificateRow;
  let kept: CertificateRow;
  let officer: string;
  const revoke = (
    id: string,
    headers: Record<string, string>,
    payload: object = { category: 'issued-in-error', reason: '申请材料录入错误' },
  ) => w.app.inject({ method: 'POST', url: `/api/v1/certificates/${id}/revoke`, headers, payload });

  beforeAll(async () => {
    w = await verificationWorld(dialect);
    cert = await w.issue('married', 'household-registration', '入学');
    kept = await w.issue('clean-adult', 'household-registration', '入学');
    await residentCookie(w.db, cert.holder_id); // the holder has an account (with a phone) to be texted
    officer = await staffCookie(w.db, {
      username: 'gao',
      roles: ['window-officer'],
      departmentCode: 'MZ-GA',
      stationCodes: [cert.issuer_code],
    });
  }, 60_000);
  afterAll(() => w.close());

  it('refuses anonymous callers, residents, and officers of another unit', async () => {
    expect((await revoke(cert.id, {})).statusCode).toBe(401);
    expect((await revoke(cert.id, { cookie: await residentCookie(w.db, cert.holder_id) })).statusCode).toBe(
      403,
    );
    const elsewhere = await staffCookie(w.db, {
      username: 'lin',
      roles: ['window-officer'],
      departmentCode: 'MZ-MZ',
      stationCodes: [],
    });
    const res = await revoke(cert.id, { cookie: elsewhere });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({
      error: { code: 'FORBIDDEN', details: { reason: 'NOT_ISSUING_UNIT' } },
    });
    expect((await revoke(crypto.randomUUID(), { cookie: officer })).statusCode).toBe(404);
    expect(
      (await revoke(cert.id, { cookie: officer }, { category: 'because', reason: 'x' })).statusCode,
    ).toBe(400);
  });

  it('revokes once, recording who, when and why; a second attempt is a conflict', async () => {
    const res = await revoke(cert.id, { cookie: officer });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'revoked', revokedAt: expect.any(String) });
    const row = await w.db
      .selectFrom('certificates')
      .selectAll()
      .where('id', '=', cert.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'revoked', revoked_by: 'gao', revoke_reason: 'issued-in-error' });
    const audit = await w.db
      .selectFrom('certificate_revocations')
      .selectAll()
      .where('certificate_id', '=', cert.id)
      .execute();
    expect(audit).toMatchObject([
      { revoked_by: 'gao', category: 'issued-in-error', reason: '申请材料录入错误' },
    ]);
    const access = await w.db
      .selectFrom('access_records')
      .selectAll()
      .where('ref', '=', cert.id)
      .where('service', '=', 'certificate:revoke')
      .execute();
    expect(access).toMatchObject([{ subject_id: cert.holder_id, actor_id: 'gao' }]);
    expect((await revoke(cert.id, { cookie: officer })).statusCode).toBe(409);
  });

  it('tells the unit’s officers (inbox) and texts the holder, after commit', async () => {
    await drainOutbox(w.store, w.platform.eventHandlers);
    const notices = await w.db
      .selectFrom('inbox_notices')
      .selectAll()
      .where('certificate_id', '=', cert.id)
      .where('kind', '=', 'certificate.revoked')
      .execute();
    expect(notices).toMatchObject([
      { department_code: cert.issuer_code, summary: expect.stringContaining('已撤销') },
    ]);
    const sms = await w.db
      .selectFrom('dev_sms_outbox')
      .selectAll()
      .where('purpose', '=', 'certificate-revoked')
      .execute();
    expect(sms).toHaveLength(1);
    expect(sms[0]!.text).toContain(cert.serial);
    expect(sms[0]!.text).toContain('开具有误');
    expect(sms[0]!.text).not.toContain(cert.holder_id);
    const mine = await w.app.inject({
      method: 'GET',
      url: `/api/v1/certificates/${cert.id}`,
      headers: { cookie: await residentCookie(w.db, cert.holder_id) },
    });
    expect(mine.json()).toMatchObject({ status: 'revoked' });
  });

  it('answers the code check with revoked, the date and the category — never the officer’s words', async () => {
    const res = await w.app.inject({ method: 'GET', url: `/api/v1/verify/${cert.verification_code}` });
    expect(res.json()).toMatchObject({
      status: 'revoked',
      revokedAt: expect.any(String),
      revocationCategory: 'issued-in-error',
    });
    expect(res.body).not.toContain('申请材料录入错误');
    expect(res.body).not.toContain('gao');
  });

  it('publishes a signed Bitstring Status List with the revoked bit set and the kept one clear', async () => {
    const year = Number(cert.serial.split('-').at(-2));
    const res = await w.app.inject({
      method: 'GET',
      url: `/api/v1/status-lists/${cert.issuer_code}/${year}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const vc = res.json();
    expect(vc.type).toEqual(['VerifiableCredential', 'BitstringStatusListCredential']);
    expect(vc.credentialSubject).toMatchObject({ type: 'BitstringStatusList', statusPurpose: 'revocation' });
    const list: string = vc.credentialSubject.encodedList;
    expect(isBitSet(list, cert.status_index)).toBe(true);
    expect(isBitSet(list, kept.status_index)).toBe(false);
    expect(isBitSet(list, MIN_LIST_BITS - 1)).toBe(false);
    // The eddsa-jcs-2022 proof verifies with the department's published credential key.
    const { proof, ...unsecured } = vc;
    const { proofValue, ...proofConfig } = proof;
    const kid = proofConfig.verificationMethod.split('#')[1];
    const jwk = (await w.platform.keyStore.jwks()).keys.find((k) => k.kid === kid)!;
    const hash = (o: unknown) => crypto.createHash('sha256').update(canonicalize(o)!).digest();
    const signature = base58Decode(proofValue.slice(1));
    const key = crypto.createPublicKey({ key: jwk as crypto.JsonWebKey, format: 'jwk' });
    expect(crypto.verify(null, Buffer.concat([hash(proofConfig), hash(unsecured)]), key, signature)).toBe(
      true,
    );
    expect((await w.app.inject({ method: 'GET', url: `/api/v1/status-lists/NOPE/${year}` })).statusCode).toBe(
      404,
    );
  });
});

function base58Decode(s: string): Buffer {
  const alphabet = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
  let n = 0n;
  for (const ch of s) n = n * 58n + BigInt(alphabet.indexOf(ch));
  const hex = n.toString(16);
  return Buffer.from(hex.length % 2 ? `0${hex}` : hex, 'hex');
}
