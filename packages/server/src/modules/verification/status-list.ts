// W3C Bitstring Status List v1.0: one revocation list per issuer and year (a certificate's bit is its
// `status_index`, the running number of its serial), GZIP-compressed, multibase base64url, published as a
// BitstringStatusListCredential signed like every credential (eddsa-jcs-2022, the department's key).
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { AppError } from '@certcloud/core';
import canonicalize from 'canonicalize';
import type { Store } from '../../db/connection.ts';
import { VC_CONTEXT } from '../../documents/credential.ts';
import { base58btc } from '../../signing/department-signer.ts';
import type { KeyStore } from '../../signing/key-store.ts';
import { lastStatusIndex, revokedIndexes } from './verification.repository.ts';

/** The spec's minimum length (16 KB of bits), so one list never narrows a holder down. */
export const MIN_LIST_BITS = 131_072;
const TTL_MS = 60_000;

/** Where an issuer's list of a year is published. */
export function statusListUrl(publicUrl: string, issuerCode: string, year: number): string {
  return `${publicUrl}/api/v1/status-lists/${encodeURIComponent(issuerCode)}/${year}`;
}

/** The `credentialStatus` entry of a credential whose bit is `index` in its issuer's list of `year`. */
export function statusListEntry(publicUrl: string, issuerCode: string, year: number, index: number) {
  const list = statusListUrl(publicUrl, issuerCode, year);
  return {
    id: `${list}#${index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: 'revocation',
    statusListIndex: String(index),
    statusListCredential: list,
  };
}

/** `u` + base64url(gzip(bits)), bit 0 being the most significant bit of the first byte. */
export function encodeBitstring(setBits: number[], lengthBits: number): string {
  const bytes = Buffer.alloc(Math.ceil(lengthBits / 8));
  for (const i of setBits) bytes[i >> 3] = bytes[i >> 3]! | (0x80 >> (i & 7));
  return `u${zlib.gzipSync(bytes).toString('base64url')}`;
}

/** Decodes an encoded list and tells whether bit `index` is set (for verifiers and tests). */
export function isBitSet(encodedList: string, index: number): boolean {
  const bytes = zlib.gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'));
  return ((bytes[index >> 3] ?? 0) & (0x80 >> (index & 7))) !== 0;
}

/** Signed status lists, cached briefly and dropped at once when a certificate of the list is revoked. */
export function createStatusLists(deps: { store: Store; keyStore: KeyStore; publicUrl: string }) {
  const cache = new Map<string, { at: number; credential: Record<string, unknown> }>();
  return {
    async credential(issuerCode: string, year: number, now = new Date()): Promise<Record<string, unknown>> {
      const key = `${issuerCode}/${year}`;
      const hit = cache.get(key);
      if (hit && now.getTime() - hit.at < TTL_MS) return hit.credential;
      const known = await deps.store.db
        .selectFrom('departments')
        .select('code')
        .where('code', '=', issuerCode)
        .executeTakeFirst();
      if (!known) throw new AppError('NOT_FOUND');
      const [revoked, last] = await Promise.all([
        revokedIndexes(deps.store.db, issuerCode, year),
        lastStatusIndex(deps.store.db, issuerCode, year),
      ]);
      const length = Math.max(MIN_LIST_BITS, Math.ceil((last + 1) / 8) * 8);
      const signer = await deps.keyStore.signerFor(issuerCode);
      const id = statusListUrl(deps.publicUrl, issuerCode, year);
      const unsecured = {
        '@context': [VC_CONTEXT],
        id,
        type: ['VerifiableCredential', 'BitstringStatusListCredential'],
        issuer: { id: signer.credential.issuer, name: signer.departmentName },
        validFrom: now.toISOString(),
        // Checkers refetch after a day at most; the server answers from a cache of one minute.
        validUntil: new Date(now.getTime() + 86_400_000).toISOString(),
        credentialSubject: {
          id: `${id}#list`,
          type: 'BitstringStatusList',
          statusPurpose: 'revocation',
          encodedList: encodeBitstring(revoked, length),
        },
      };
      // eddsa-jcs-2022, as documents/credential.ts signs certificates.
      const proofConfig = {
        '@context': unsecured['@context'],
        type: 'DataIntegrityProof',
        cryptosuite: 'eddsa-jcs-2022',
        created: `${now.toISOString().slice(0, 19)}Z`,
        verificationMethod: signer.credential.verificationMethod,
        proofPurpose: 'assertionMethod',
      };
      const hashData = Buffer.concat([sha256(canonicalize(proofConfig)!), sha256(canonicalize(unsecured)!)]);
      const proofValue = base58btc(crypto.sign(null, hashData, signer.credential.privateKey));
      const credential = { ...unsecured, proof: { ...proofConfig, proofValue } };
      cache.set(key, { at: now.getTime(), credential });
      return credential;
    },
    /** Drops the cached list (after a revocation). */
    invalidate(issuerCode: string, year: number): void {
      cache.delete(`${issuerCode}/${year}`);
    },
  };
}

/** The status lists of the platform. */
export type StatusLists = ReturnType<typeof createStatusLists>;

function sha256(s: string): Buffer {
  return crypto.createHash('sha256').update(s, 'utf8').digest();
}
