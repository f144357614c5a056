import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECTS } from '../db/test-dialects.ts';
import { createKeyStore } from './key-store.ts';
import { loadMasterKey } from './master-key.ts';
import { createTestKeyStore, TEST_STATION } from './test-key-store.ts';

describe.each(TEST_DIALECTS)('key store (%s)', (dialect) => {
  let t: Awaited<ReturnType<typeof createTestKeyStore>>;
  beforeAll(async () => {
    t = await createTestKeyStore(dialect);
  });
  afterAll(() => t.dispose());

  it('creates the root CA and a department certificate chained to it on first use', async () => {
    const signer = await t.keyStore.signerFor(TEST_STATION.code);
    const root = new crypto.X509Certificate(await t.keyStore.rootCertificatePem());
    const cert = new crypto.X509Certificate(signer.pdf.certificateDer);
    expect(root.subject).toContain('CN=certcloud 证明云根CA');
    expect(root.ca).toBe(true);
    expect(cert.subject).toContain(`CN=${TEST_STATION.name}`);
    expect(cert.subject).toContain('O=梅州市');
    expect(cert.checkIssued(root)).toBe(true);
    expect(cert.verify(root.publicKey)).toBe(true);
    expect(cert.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
    expect(signer.credential.privateKey.asymmetricKeyType).toBe('ed25519');
    expect(signer.credential.issuer).toBe(`did:web:zm.example.gov.cn:departments:${TEST_STATION.code}`);
  });

  it('reuses the same key objects for every document', async () => {
    const a = await t.keyStore.signerFor(TEST_STATION.code);
    const b = await t.keyStore.signerFor(TEST_STATION.code);
    expect(a).toBe(b);
  });

  it('stores private keys only encrypted, and a wrong master key cannot open them', async () => {
    const rows = await t.store.db.selectFrom('signing_keys').selectAll().execute();
    expect(rows.map((r) => r.purpose).sort()).toEqual(['credential', 'pdf', 'qr', 'root-ca']);
    for (const r of rows) {
      expect(r.private_key_enc).toMatch(/^v1\./);
      expect(r.private_key_enc).not.toContain('PRIVATE KEY');
    }
    const other = createKeyStore(t.store, { ...t.config, masterKey: crypto.randomBytes(32) });
    await expect(other.signerFor(TEST_STATION.code)).rejects.toThrow(/cannot be decrypted/);
  });

  it('a second process with the same master key loads the same keys', async () => {
    const again = createKeyStore(t.store, t.config);
    const a = await t.keyStore.signerFor(TEST_STATION.code);
    const b = await again.signerFor(TEST_STATION.code);
    expect(b.pdf.kid).toBe(a.pdf.kid);
    expect(Buffer.from(b.pdf.certificateDer)).toEqual(Buffer.from(a.pdf.certificateDer));
  });

  it('rotation gives new keys and keeps the old ones published as retired', async () => {
    const before = await t.keyStore.signerFor(TEST_STATION.code);
    const after = await t.keyStore.rotate(TEST_STATION.code);
    expect(after.pdf.kid).not.toBe(before.pdf.kid);
    expect(after.qr.kid).not.toBe(before.qr.kid);
    expect(await t.keyStore.signerFor(TEST_STATION.code)).toBe(after);
    const { keys } = await t.keyStore.jwks();
    const status = (kid: string) => keys.find((k) => k.kid === kid)?.status;
    expect(status(before.qr.kid)).toBe('retired');
    expect(status(before.credential.kid)).toBe('retired');
    expect(status(after.qr.kid)).toBe('active');
    expect(keys.find((k) => k.kid === after.credential.kid)).toMatchObject({
      kty: 'OKP',
      crv: 'Ed25519',
      alg: 'EdDSA',
    });
    expect(keys.find((k) => k.kid === after.pdf.kid)?.x5c).toHaveLength(2);
    expect(keys.every((k) => !('d' in k))).toBe(true);
  });

  it('refuses a department it does not know', async () => {
    await expect(t.keyStore.signerFor('NO-SUCH-DEPT')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('master key file', () => {
  it('is created once with mode 0600 and reused', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'certcloud-mk-'));
    try {
      const a = loadMasterKey({ masterKey: undefined, dataDir });
      const b = loadMasterKey({ masterKey: undefined, dataDir });
      expect(a.length).toBe(32);
      expect(b.equals(a)).toBe(true);
      expect(fs.statSync(path.join(dataDir, 'master.key')).mode & 0o777).toBe(0o600);
      fs.chmodSync(path.join(dataDir, 'master.key'), 0o644);
      expect(() => loadMasterKey({ masterKey: undefined, dataDir })).toThrow(/owner only/);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
