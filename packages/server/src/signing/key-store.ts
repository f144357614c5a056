// KeyStore (local encrypted keys; an HSM/KMS can replace it behind the same interface): creates the
// root CA and each department's keys on first use, keeps decrypted key objects in memory for speed,
// rotates keys, and publishes every public key (retired ones too, so old documents stay verifiable).
import crypto from 'node:crypto';
import { AppError } from '@certcloud/core';
import type { Config } from '../config/config.ts';
import type { Store } from '../db/connection.ts';
import type { SigningKeyRow } from '../db/schema.ts';
import { cmsTemplate } from './cms.ts';
import { type DepartmentSigner, didForDepartment, ed25519Multibase } from './department-signer.ts';
import { decryptPrivateKey, encryptPrivateKey, loadMasterKey } from './master-key.ts';
import { activeKeys, allKeys, insertKeys } from './signing-keys.repository.ts';
import {
  createDepartmentCertificate,
  createRootCertificate,
  newEcKeyPair,
  pemToDer,
  toCryptoKey,
} from './x509-certificates.ts';

/** A public key as published in /.well-known/jwks.json. */
export type PublishedJwk = crypto.JsonWebKey & {
  kid: string;
  alg: 'ES256' | 'EdDSA';
  use: 'sig';
  status: 'active' | 'retired';
  /** What the key signs: PDF signatures, credentials or QR tokens. */
  purpose: 'pdf' | 'credential' | 'qr';
  department: string;
  x5c?: string[];
};

/** The signing keys of the platform. */
export interface KeyStore {
  /** The department's active signer (created on first use, cached in memory). */
  signerFor(departmentCode: string): Promise<DepartmentSigner>;
  /** Creates keys for every department that has none yet (call at start). Returns how many. */
  ensureAllDepartments(): Promise<number>;
  /** New keys for the department; the old ones are retired but stay published. */
  rotate(departmentCode: string): Promise<DepartmentSigner>;
  /** Every public key for PDFs, credentials and QR tokens, active and retired. */
  jwks(): Promise<{ keys: PublishedJwk[] }>;
  /** The platform root certificate (PEM), created on first use. */
  rootCertificatePem(): Promise<string>;
}

/** Options: the city named in certificate subjects (O=). */
export interface KeyStoreOptions {
  cityName?: string;
}

const ROOT = '';

/** A KeyStore over the `signing_keys` table, private keys sealed with the master key. */
export function createKeyStore(
  store: Store,
  config: Pick<Config, 'masterKey' | 'dataDir' | 'publicUrl'>,
  opts: KeyStoreOptions = {},
): KeyStore {
  const db = store.db;
  const cityName = opts.cityName ?? '梅州市';
  let masterKey: Buffer | undefined;
  const master = () => {
    masterKey ??= loadMasterKey(config);
    return masterKey;
  };
  const signers = new Map<string, Promise<DepartmentSigner>>();
  let rootPromise: Promise<{ pem: string; key: crypto.KeyObject }> | undefined;
  let jwksCache: { at: number; value: { keys: PublishedJwk[] } } | undefined;

  const now = () => new Date().toISOString();
  const newKid = (code: string, purpose: string) =>
    `${code || 'root'}-${purpose}-${now().slice(0, 10).replace(/-/g, '')}-${crypto.randomBytes(3).toString('hex')}`;

  const sealRow = (
    code: string,
    purpose: SigningKeyRow['purpose'],
    algorithm: SigningKeyRow['algorithm'],
    privateKey: crypto.KeyObject,
    certificatePem: string | null,
  ): SigningKeyRow => {
    const kid = newKid(code, purpose);
    const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' });
    return {
      kid,
      department_code: code,
      purpose,
      algorithm,
      public_key_pem: crypto.createPublicKey(privateKey).export({ format: 'pem', type: 'spki' }).toString(),
      certificate_pem: certificatePem,
      private_key_enc: encryptPrivateKey(master(), pkcs8, kid),
      status: 'active',
      created_at: now(),
      retired_at: null,
    };
  };

  async function loadRoot(): Promise<{ pem: string; key: crypto.KeyObject }> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const row = (await activeKeys(db, ROOT)).find((r) => r.purpose === 'root-ca');
      if (row)
        return { pem: row.certificate_pem!, key: decryptPrivateKey(master(), row.private_key_enc, row.kid) };
      const keys = await newEcKeyPair();
      const pem = await createRootCertificate(keys, cityName);
      const key = crypto.KeyObject.from(keys.privateKey);
      if (await insertKeys(db, [sealRow(ROOT, 'root-ca', 'ES256', key, pem)])) return { pem, key };
    }
    throw new AppError('INTERNAL', { message: 'root CA could not be created' });
  }
  const root = () => {
    rootPromise ??= loadRoot().catch((e) => {
      rootPromise = undefined;
      throw e;
    });
    return rootPromise;
  };

  async function departmentName(code: string): Promise<string> {
    const dep = await db.selectFrom('departments').select('name').where('code', '=', code).executeTakeFirst();
    if (!dep) throw new AppError('NOT_FOUND', { details: { department: code } });
    return dep.name;
  }

  async function newDepartmentRows(code: string): Promise<SigningKeyRow[]> {
    const name = await departmentName(code);
    const r = await root();
    const pdfKeys = await newEcKeyPair();
    const certPem = await createDepartmentCertificate({
      publicKey: pdfKeys.publicKey,
      departmentName: name,
      cityName,
      rootPem: r.pem,
      rootKey: await toCryptoKey(r.key),
    });
    return [
      sealRow(code, 'pdf', 'ES256', crypto.KeyObject.from(pdfKeys.privateKey), certPem),
      sealRow(code, 'credential', 'EdDSA', crypto.generateKeyPairSync('ed25519').privateKey, null),
      sealRow(
        code,
        'qr',
        'ES256',
        crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey,
        null,
      ),
    ];
  }

  async function buildSigner(code: string, rows: SigningKeyRow[]): Promise<DepartmentSigner> {
    const by = (p: SigningKeyRow['purpose']) => {
      const row = rows.find((r) => r.purpose === p);
      if (!row) throw new AppError('INTERNAL', { message: `department ${code} has no active ${p} key` });
      return row;
    };
    const pdf = by('pdf');
    const credential = by('credential');
    const qr = by('qr');
    const r = await root();
    const certificateDer = pemToDer(pdf.certificate_pem!);
    const chainDer = [pemToDer(r.pem)];
    const did = didForDepartment(config.publicUrl, code);
    const credentialKey = decryptPrivateKey(master(), credential.private_key_enc, credential.kid);
    return {
      departmentCode: code,
      departmentName: await departmentName(code),
      pdf: {
        kid: pdf.kid,
        privateKey: decryptPrivateKey(master(), pdf.private_key_enc, pdf.kid),
        certificateDer,
        chainDer,
        cms: cmsTemplate(certificateDer, chainDer),
      },
      credential: {
        kid: credential.kid,
        privateKey: credentialKey,
        issuer: did,
        verificationMethod: `${did}#${credential.kid}`,
        publicKeyMultibase: ed25519Multibase(crypto.createPublicKey(credentialKey)),
      },
      qr: { kid: qr.kid, privateKey: decryptPrivateKey(master(), qr.private_key_enc, qr.kid) },
    };
  }

  async function loadSigner(code: string): Promise<DepartmentSigner> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const rows = await activeKeys(db, code);
      if (rows.length > 0) return buildSigner(code, rows);
      const fresh = await newDepartmentRows(code);
      if (await insertKeys(db, fresh)) {
        jwksCache = undefined;
        return buildSigner(code, fresh);
      }
    }
    throw new AppError('INTERNAL', { message: `keys for ${code} could not be created` });
  }

  const keyStore: KeyStore = {
    signerFor(code) {
      let s = signers.get(code);
      if (!s) {
        s = loadSigner(code);
        signers.set(code, s);
        s.catch(() => signers.delete(code));
      }
      return s;
    },
    async ensureAllDepartments() {
      const deps = await db.selectFrom('departments').select('code').execute();
      const have = new Set(
        (await allKeys(db)).filter((k) => k.status === 'active').map((k) => k.department_code),
      );
      let created = 0;
      for (const { code } of deps) {
        if (have.has(code)) continue;
        await keyStore.signerFor(code);
        created++;
      }
      return created;
    },
    async rotate(code) {
      const fresh = await newDepartmentRows(code);
      await insertKeys(db, fresh, { departmentCode: code, at: now() });
      jwksCache = undefined;
      const signer = buildSigner(code, fresh);
      signers.set(code, signer);
      return signer;
    },
    async jwks() {
      if (jwksCache && Date.now() - jwksCache.at < 60_000) return jwksCache.value;
      const rows = (await allKeys(db)).filter((r) => r.purpose !== 'root-ca');
      const rootRow = (await allKeys(db)).find((r) => r.purpose === 'root-ca' && r.status === 'active');
      const keys = rows.map((r): PublishedJwk => {
        const jwk = crypto.createPublicKey(r.public_key_pem).export({ format: 'jwk' });
        const x5c = r.certificate_pem
          ? [r.certificate_pem, rootRow?.certificate_pem].filter((p): p is string => !!p).map(pemBody)
          : undefined;
        return {
          ...jwk,
          kid: r.kid,
          alg: r.algorithm,
          use: 'sig',
          status: r.status,
          purpose: r.purpose as PublishedJwk['purpose'],
          department: r.department_code,
          ...(x5c ? { x5c } : {}),
        };
      });
      jwksCache = { at: Date.now(), value: { keys } };
      return jwksCache.value;
    },
    async rootCertificatePem() {
      return (await root()).pem;
    },
  };
  return keyStore;
}

function pemBody(pem: string): string {
  return pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
}
