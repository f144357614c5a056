// Tamper tests: an uploaded PDF or a scanned token is rejected for each way of forging it, naming the
// check that failed; an authentic but revoked or expired certificate reads as such, not as a forgery.
import crypto from 'node:crypto';
import { PDFDocument, rgb } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertificateRow } from '../../db/schema.ts';
import { TEST_DIALECTS } from '../../db/test-dialects.ts';
import { renderSignedCertificatePdf } from '../../documents/certificate-documents.ts';
import { signQrToken } from '../../documents/qr-token.ts';
import { sampleCertificate } from '../../documents/test-certificate.ts';
import { createTestKeyStore } from '../../signing/test-key-store.ts';
import { type VerificationWorld, verificationWorld } from './verification.test-kit.ts';
import { createVerificationLog } from './verification-log.ts';
import { verifyToken } from './verify-token.ts';

describe.each(TEST_DIALECTS)('verifying documents and tokens on %s', (dialect) => {
  let w: VerificationWorld;
  let cert: CertificateRow;
  let other: CertificateRow;
  let pdf: Buffer;
  let token: string;
  const upload = async (bytes: Uint8Array) => {
    const res = await w.app.inject({
      method: 'POST',
      url: '/api/v1/verify/document',
      headers: { 'content-type': 'application/pdf' },
      payload: Buffer.from(bytes),
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const scan = async (t: string) => {
    const res = await w.app.inject({ method: 'POST', url: '/api/v1/verify/token', payload: { token: t } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const result = (answer: { checks: { name: string; result: string }[] }, name: string) =>
    answer.checks.find((c) => c.name === name)?.result;

  beforeAll(async () => {
    w = await verificationWorld(dialect, { CERTCLOUD_VERIFY_RATE_PER_MINUTE: '100000' });
    cert = await w.issue('clean-adult', 'no-criminal-record', '就业');
    other = await w.issue('never-married', 'no-criminal-record', '就业');
    ({ pdf, token } = await w.documents(cert.id));
  }, 60_000);
  afterAll(() => w.close());

  it('accepts the issued PDF: every check passes and the masked statement names the certificate', async () => {
    const answer = await upload(pdf);
    expect(answer.verdict).toBe('valid');
    expect(answer.failedChecks).toEqual([]);
    expect(answer.checks.map((c: { name: string }) => c.name)).toEqual([
      'integrity',
      'coverage',
      'issuer',
      'record',
      'status',
      'time',
    ]);
    expect(answer.checks.every((c: { result: string }) => c.result === 'passed')).toBe(true);
    expect(answer.certificate).toMatchObject({
      serial: cert.serial,
      holder: { idNumber: expect.stringMatching(/^\d{6}\*{8}\d{3}[\dX]$/) },
    });
    expect(JSON.stringify(answer)).not.toContain(cert.holder_id);
  });

  it('rejects one byte changed inside the signed range (integrity)', async () => {
    const bytes = Buffer.from(pdf);
    const at = bytes.indexOf('BT') + 3;
    bytes[at] = bytes[at]! ^ 0x01;
    const answer = await upload(bytes);
    expect(answer.verdict).toBe('invalid');
    expect(answer.failedChecks).toContain('integrity');
    expect(answer.certificate).toBeNull();
  });

  it('rejects text edited with a PDF editor (pdf-lib load, draw, save)', async () => {
    const doc = await PDFDocument.load(pdf);
    doc.getPages()[0]!.drawText('VALID UNTIL 2099', { x: 60, y: 60, size: 12, color: rgb(0, 0, 0) });
    const answer = await upload(await doc.save());
    expect(answer.verdict).toBe('invalid');
    expect(answer.failedChecks.some((n: string) => n === 'integrity' || n === 'coverage')).toBe(true);
  });

  it('rejects an incremental update appended after signing (coverage), though the old bytes still verify', async () => {
    const appended = Buffer.concat([
      pdf,
      Buffer.from(
        '\n99 0 obj\n<</Type /Annot /Subtype /FreeText /Contents (有效期至2099年)>>\nendobj\n%%EOF\n',
        'utf8',
      ),
    ]);
    const answer = await upload(appended);
    expect(answer.verdict).toBe('invalid');
    expect(result(answer, 'integrity')).toBe('passed');
    expect(answer.failedChecks).toEqual(expect.arrayContaining(['coverage']));
  });

  it('rejects a signature copied from another certificate (integrity)', async () => {
    const donor = (await w.documents(other.id)).pdf.toString('latin1');
    const mine = pdf.toString('latin1');
    const contents = (s: string) =>
      /\/Contents <([0-9A-F]+)>/.exec(s.slice(s.lastIndexOf('/ByteRange')))![1]!;
    const forged = Buffer.from(
      mine.replace(
        contents(mine),
        contents(donor).padEnd(contents(mine).length, '0').slice(0, contents(mine).length),
      ),
      'latin1',
    );
    expect(forged.length).toBe(pdf.length);
    const answer = await upload(forged);
    expect(answer.verdict).toBe('invalid');
    expect(answer.failedChecks).toContain('integrity');
  });

  it('rejects a certificate signed by a key outside the platform (issuer)', async () => {
    const outsider = await createTestKeyStore();
    try {
      const signer = await outsider.keyStore.signerFor('MZ-GA-441402-01');
      const answer = await upload(await renderSignedCertificatePdf(sampleCertificate(), signer));
      expect(answer.verdict).toBe('invalid');
      expect(result(answer, 'integrity')).toBe('passed');
      expect(answer.failedChecks).toContain('issuer');
    } finally {
      await outsider.dispose();
    }
  });

  it('answers "no signature" for a file that is not a signed PDF, and 400 for a JSON body', async () => {
    const answer = await upload(Buffer.from('%PDF-1.7\n%%EOF\n'));
    expect(answer.failedChecks).toEqual(expect.arrayContaining(['integrity', 'coverage']));
    const res = await w.app.inject({ method: 'POST', url: '/api/v1/verify/document', payload: { pdf: 'x' } });
    expect(res.statusCode).toBe(400);
  });

  it('refuses an upload over 2 MB with 413', async () => {
    const res = await w.app.inject({
      method: 'POST',
      url: '/api/v1/verify/document',
      headers: { 'content-type': 'application/pdf' },
      payload: Buffer.alloc(2 * 1024 * 1024 + 1, 0x20),
    });
    expect(res.statusCode).toBe(413);
  });

  it('accepts the QR token and its full URL form', async () => {
    const answer = await scan(token);
    expect(answer.verdict).toBe('valid');
    expect(answer.failedChecks).toEqual([]);
    expect((await scan(`${w.config.publicUrl}/v/ABC#${token}`)).verdict).toBe('valid');
  });

  it('rejects a QR token with one claim changed (integrity)', async () => {
    const [h, p, s] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const changed = Buffer.from(JSON.stringify({ ...claims, validUntil: '2099-12-31' })).toString(
      'base64url',
    );
    const answer = await scan(`${h}.${changed}.${s}`);
    expect(answer.verdict).toBe('invalid');
    expect(answer.failedChecks).toContain('integrity');
  });

  it('rejects a token signed by an unknown key, even under a published kid (integrity)', async () => {
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
    const rogue = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const unknownKid = await scan(signQrToken(claims, { qr: { kid: 'rogue-qr-1', privateKey: rogue } }));
    expect(unknownKid.verdict).toBe('invalid');
    expect(unknownKid.failedChecks).toContain('integrity');
    expect(unknownKid.checks[0].message.en).toMatch(/unknown kid/);
    const realKid = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()).kid;
    const stolenKid = await scan(signQrToken(claims, { qr: { kid: realKid, privateKey: rogue } }));
    expect(stolenKid.failedChecks).toContain('integrity');
  });

  it('rejects a token signed with another department’s key (issuer)', async () => {
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
    const otherDept = await w.platform.keyStore.signerFor('MZ-MZ');
    const answer = await scan(signQrToken(claims, otherDept));
    expect(answer.verdict).toBe('invalid');
    expect(answer.failedChecks).toEqual(['issuer']);
  });

  it('reads revoked with the date and category, and expired after the validity — not as forged', async () => {
    const officer = await import('../auth/test-data.ts').then((m) =>
      m.staffCookie(w.db, {
        username: 'revoker',
        roles: ['window-officer'],
        departmentCode: 'MZ-GA',
        stationCodes: [other.issuer_code],
      }),
    );
    const revoke = await w.app.inject({
      method: 'POST',
      url: `/api/v1/certificates/${other.id}/revoke`,
      headers: { cookie: officer },
      payload: { category: 'facts-changed', reason: '户籍信息已更正' },
    });
    expect(revoke.statusCode, revoke.body).toBe(200);
    const docs = await w.documents(other.id);
    for (const answer of [await upload(docs.pdf), await scan(docs.token)]) {
      expect(answer).toMatchObject({
        verdict: 'revoked',
        failedChecks: ['status'],
        revocationCategory: 'facts-changed',
      });
      expect(answer.revokedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(JSON.stringify(answer)).not.toContain('户籍信息已更正');
    }
    // Past validity: the token (whose claims carry the date) on a clock after it; the PDF after a DB edit.
    const later = new Date(Date.parse(`${cert.valid_until}T12:00:00+08:00`) + 86_400_000);
    const log = createVerificationLog(w.store);
    const services = { ...w.platform, store: w.store, log, publicUrl: w.config.publicUrl };
    expect(await verifyToken({ ...services, now: () => later }, token)).toMatchObject({
      verdict: 'expired',
      failedChecks: ['status'],
    });
    await w.db
      .updateTable('certificates')
      .set({ valid_until: '2020-01-01' })
      .where('id', '=', cert.id)
      .execute();
    expect(await upload(pdf)).toMatchObject({ verdict: 'expired', failedChecks: ['status'] });
    await log.close();
  });
});
