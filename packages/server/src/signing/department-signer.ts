// What a department signs with: decrypted key objects, reused for every document (no per-document
// key parsing), and the identifiers verifiers resolve (did:web issuer, key ids).
import type { KeyObject } from 'node:crypto';
import type { CmsTemplate } from './cms.ts';

/** A department's active keys, ready to sign. */
export interface DepartmentSigner {
  departmentCode: string;
  departmentName: string;
  /** PAdES: X.509 certificate chained to the platform root. */
  pdf: {
    kid: string;
    privateKey: KeyObject;
    certificateDer: Uint8Array;
    /** [root] */
    chainDer: Uint8Array[];
    cms: CmsTemplate;
  };
  /** Verifiable credentials: Ed25519 for eddsa-jcs-2022. */
  credential: {
    kid: string;
    privateKey: KeyObject;
    /** did:web of the department */
    issuer: string;
    /** `<did>#<kid>` */
    verificationMethod: string;
    /** Multikey form of the public key (z6Mk…). */
    publicKeyMultibase: string;
  };
  /** QR tokens: P-256 for ES256 JWS. */
  qr: { kid: string; privateKey: KeyObject };
}

/** `did:web:<host>:departments:<code>` (port colon percent-encoded, as did:web requires). */
export function didForDepartment(publicUrl: string, departmentCode: string): string {
  const url = new URL(publicUrl);
  const path = url.pathname.replace(/\/+$/, '').split('/').filter(Boolean).map(encodeURIComponent);
  return [
    'did:web',
    encodeURIComponent(url.host),
    ...path,
    'departments',
    encodeURIComponent(departmentCode),
  ].join(':');
}

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** Multibase base58btc (`z…`) of bytes. */
export function base58btc(bytes: Uint8Array): string {
  const digits: number[] = []; // little-endian base-58 digits
  for (const byte of bytes) {
    let carry = byte;
    for (let i = 0; i < digits.length; i++) {
      carry += digits[i]! * 256;
      digits[i] = carry % 58;
      carry = Math.floor(carry / 58);
    }
    while (carry > 0) {
      digits.push(carry % 58);
      carry = Math.floor(carry / 58);
    }
  }
  let out = 'z';
  for (let i = 0; i < bytes.length && bytes[i] === 0; i++) out += '1';
  for (let i = digits.length - 1; i >= 0; i--) out += BASE58[digits[i]!];
  return out;
}

/** Multikey public key: base58btc of 0xed01 + the 32-byte Ed25519 key. */
export function ed25519Multibase(publicKey: KeyObject): string {
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
  return base58btc(Buffer.concat([Buffer.from([0xed, 0x01]), raw]));
}

/** The DID document of a department (for a did:web resolver at /departments/<code>/did.json). */
export function departmentDidDocument(
  signer: Pick<DepartmentSigner, 'credential'>,
  retired: { kid: string; publicKeyMultibase: string }[] = [],
) {
  const did = signer.credential.issuer;
  const keys = [
    { kid: signer.credential.kid, publicKeyMultibase: signer.credential.publicKeyMultibase },
    ...retired,
  ];
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: did,
    verificationMethod: keys.map((k) => ({
      id: `${did}#${k.kid}`,
      type: 'Multikey',
      controller: did,
      publicKeyMultibase: k.publicKeyMultibase,
    })),
    assertionMethod: keys.map((k) => `${did}#${k.kid}`),
  };
}
