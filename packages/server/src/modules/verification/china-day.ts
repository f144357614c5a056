// The calendar day in China and a certificate's status on it, for the verification hot path: both are core's
// and the certificate view's rules, named here for the verification modules.
import { chinaDate } from '@certcloud/core';
import type { CertificateRow } from '../../db/schema.ts';
import { effectiveStatus } from '../certificates/certificate-view.ts';

/** YYYY-MM-DD in China (UTC+8) of an instant. */
export const chinaDay: (d: Date) => string = chinaDate;

/** valid | revoked | expired on `now`. */
export function currentStatus(
  row: Pick<CertificateRow, 'status' | 'valid_until'>,
  now: Date,
): 'valid' | 'revoked' | 'expired' {
  return effectiveStatus(row, now);
}
