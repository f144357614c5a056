// The answer of a document or token verification: each check separately, and a verdict that keeps
// "could not be checked" apart from "failed", so an unknown status never reads as a forgery.
import type {
  CheckedVerification,
  CheckName,
  PublicStatement,
  RevocationCategory,
  VerificationCheck,
} from '@certcloud/core';
import { effectiveStatus } from '../certificates/certificate-view.ts';
import type { VerifiableCertificate } from './verification.repository.ts';

/** A check with its message in Chinese and English. */
export function check(
  name: CheckName,
  result: VerificationCheck['result'],
  zh: string,
  en: string,
): VerificationCheck {
  return { name, result, message: { zh, en } };
}

/** The status check from the stored record (absent: unknown, with why). */
export function statusCheck(
  row: VerifiableCertificate | undefined,
  now: Date,
  why: { zh: string; en: string },
): VerificationCheck {
  if (!row) return check('status', 'unknown', why.zh, why.en);
  const status = effectiveStatus(row, now);
  if (status === 'valid')
    return check('status', 'passed', `有效，有效期至${row.valid_until}`, `valid until ${row.valid_until}`);
  if (status === 'revoked') {
    const day = row.revoked_at?.slice(0, 10) ?? '';
    return check('status', 'failed', `已于${day}撤销`, `revoked on ${day}`);
  }
  return check(
    'status',
    'failed',
    `已过期（有效期至${row.valid_until}）`,
    `expired (valid until ${row.valid_until})`,
  );
}

/** Combines the checks into the answer. */
export function verdictOf(
  checks: VerificationCheck[],
  row: VerifiableCertificate | undefined,
  extra: { now: Date; statement: PublicStatement | null; category: RevocationCategory | null },
): CheckedVerification {
  const failed = checks.filter((c) => c.result === 'failed').map((c) => c.name);
  const forged = failed.some((n) => n !== 'status');
  const status = row ? effectiveStatus(row, extra.now) : undefined;
  return {
    verdict: forged ? 'invalid' : (status ?? 'unknown'),
    failedChecks: failed,
    checks,
    revokedAt: !forged && status === 'revoked' ? (row?.revoked_at ?? null) : null,
    revocationCategory: !forged && status === 'revoked' ? extra.category : null,
    // A forged document learns nothing about the record it imitates.
    certificate: forged ? null : extra.statement,
    checkedAt: extra.now.toISOString(),
  };
}
