// Reads the verification API's answers into the page's verdicts, tolerating the fields each route adds.

import type { QrClaims } from '@certcloud/core';
import type { Lang } from '../app/i18n.tsx';
import type { Contact } from '../app/types.ts';
import type { VerdictFacts, VerdictKind } from './verdict.tsx';

type Json = Record<string, unknown>;

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

function words(v: unknown, lang: Lang): string | undefined {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object') {
    const b = v as { zh?: string; en?: string };
    return lang === 'zh' ? b.zh : b.en;
  }
  return undefined;
}

/** The verdict and facts of a verification answer (GET /verify/{code}, POST /verify/document or /token). */
export function verdictOf(answer: Json, lang: Lang): { kind: VerdictKind; facts: VerdictFacts } {
  const cert = (answer['certificate'] as Json | undefined) ?? answer;
  const holder = (cert['holder'] as Json | undefined) ?? {};
  const issuer = (cert['issuer'] ?? answer['issuer']) as Partial<Contact> | undefined;
  const facts: VerdictFacts = {
    typeName: words(cert['typeName'] ?? cert['title'], lang) ?? str(cert['type']),
    holderName: str(holder['name']) ?? str(cert['holderName']),
    holderId: str(holder['idNumber']) ?? str(cert['holderIdNumber']),
    serial: str(cert['serial']),
    issuedAt: str(cert['issuedAt']),
    validUntil: str(cert['validUntil']),
    revokedAt: str(cert['revokedAt']) ?? str(answer['revokedAt']) ?? null,
    statement: str(cert['statement']),
    ...(issuer?.name && issuer.phone ? { issuer: issuer as Contact } : {}),
  };
  const checks = Array.isArray(answer['checks']) ? (answer['checks'] as Json[]) : [];
  facts.checks = checks.map((c) => ({
    name: String(c['name']),
    result: c['result'] === 'passed' ? 'passed' : c['result'] === 'failed' ? 'failed' : 'unknown',
    message: words(c['message'], lang) ?? '',
  }));
  const category = str(answer['revocationCategory']);
  if (category) facts.revocationCategory = category;
  // Document and token checks answer with a verdict; the code lookup with the status.
  const verdict = str(answer['verdict']);
  if (verdict === 'invalid') return { kind: 'not-genuine', facts };
  if (verdict === 'unknown') return { kind: 'unknown-status', facts };
  const status = verdict ?? str(answer['status']) ?? str(cert['status']);
  if (status === 'revoked') return { kind: 'revoked', facts };
  if (status === 'expired') return { kind: 'expired', facts };
  if (status === 'valid') return { kind: 'valid', facts };
  if (status === 'not-found' || status === 'unknown') return { kind: 'not-found', facts };
  return { kind: 'not-genuine', facts };
}

/** Facts stated by a verified QR token (masked, with the issuer's code only). */
export function factsOfToken(claims: QrClaims): VerdictFacts {
  return {
    typeName: claims.type,
    holderName: claims.name,
    holderId: claims.id,
    serial: claims.serial,
    issuedAt: claims.issued,
    validUntil: claims.validUntil,
    issuerCode: claims.issuer,
  };
}
