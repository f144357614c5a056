// GET /api/v1/verify/{code}: the status and the minimal statement of the certificate a code names.
// Unknown and malformed codes get the same answer after the same database work, so neither the body nor
// the timing tells a scanner whether a code was well-formed.
import {
  AppError,
  type CodeVerification,
  chinaDate,
  maskName,
  maskResidentId,
  normaliseVerificationCode,
  type PublicStatement,
  type RevocationCategory,
  revocationCategorySchema,
} from '@certcloud/core';
import type { Store } from '../../db/connection.ts';
import type { KeyStore } from '../../signing/key-store.ts';
import type { Catalogue } from '../catalogue/catalogue.ts';
import { effectiveStatus } from '../certificates/certificate-view.ts';
import type { SourceRegistry } from '../sources/source-registry.ts';
import { findByVerificationCode, type VerifiableCertificate } from './verification.repository.ts';
import type { VerificationLog } from './verification-log.ts';

/** What the verification services need. */
export interface VerificationDeps {
  store: Store;
  catalogue: Catalogue;
  registry: SourceRegistry;
  keyStore: KeyStore;
  log: VerificationLog;
  publicUrl: string;
  now?: () => Date;
}

// A well-formed code that is never issued (issued codes carry 110 random bits): malformed input is looked
// up as this, so it costs the same query as a real miss.
const NEVER_ISSUED = '0'.repeat(22);

/** The masked statement a checker may see. */
export function publicStatement(
  row: VerifiableCertificate,
  deps: Pick<VerificationDeps, 'catalogue' | 'registry'>,
): PublicStatement {
  const type = deps.catalogue.get(row.type);
  const issuer = deps.registry.department(row.issuer_code);
  return {
    type: row.type,
    typeName: type.name,
    serial: row.serial,
    holder: { name: maskName(row.holder_name), idNumber: maskResidentId(row.holder_id) },
    issuedAt: chinaDate(new Date(row.issued_at)),
    validUntil: row.valid_until,
    issuer: { name: issuer.name, phone: issuer.phone, address: issuer.address },
  };
}

/** The revocation category as published (unknown stored values read as 'other'). */
export function revocationCategory(row: VerifiableCertificate): RevocationCategory | null {
  if (row.status !== 'revoked') return null;
  const parsed = revocationCategorySchema.safeParse(row.revoke_reason);
  return parsed.success ? parsed.data : 'other';
}

/** Verifies a typed or scanned code; NOT_FOUND for unknown and malformed codes alike. */
export async function verifyByCode(deps: VerificationDeps, input: string): Promise<CodeVerification> {
  const now = deps.now?.() ?? new Date();
  const code = normaliseVerificationCode(input.slice(0, 64));
  const row = await findByVerificationCode(deps.store, code ?? NEVER_ISSUED);
  if (!row || !code) {
    deps.log.record({ channel: 'code', result: 'not-found', certificateId: null });
    throw new AppError('NOT_FOUND');
  }
  const status = effectiveStatus(row, now);
  deps.log.record({ channel: 'code', result: status, certificateId: row.id });
  return {
    status,
    revokedAt: status === 'revoked' ? row.revoked_at : null,
    revocationCategory: revocationCategory(row),
    certificate: publicStatement(row, deps),
    checkedAt: now.toISOString(),
  };
}
