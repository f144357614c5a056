// The calendar day in China and a certificate's status on it, without Intl: building an
// Intl.DateTimeFormat per call was the largest single cost of a verification (~12% of CPU). China has kept
// UTC+8 without daylight saving since 1991, so the day is plain arithmetic; the result equals core's chinaDate.
import type { CertificateRow } from '../../db/schema.ts';

const EIGHT_HOURS = 8 * 3600_000;

// The last answer, per minute: a busy verifier asks for the same day thousands of times a second.
let memo = { minute: Number.NaN, day: '' };

/** YYYY-MM-DD in China (UTC+8) of an instant. */
export function chinaDay(d: Date): string {
  const minute = Math.floor(d.getTime() / 60_000);
  if (minute !== memo.minute)
    memo = { minute, day: new Date(d.getTime() + EIGHT_HOURS).toISOString().slice(0, 10) };
  return memo.day;
}

/** valid | revoked | expired on `now` (the same rule as certificate-view's effectiveStatus). */
export function currentStatus(
  row: Pick<CertificateRow, 'status' | 'valid_until'>,
  now: Date,
): 'valid' | 'revoked' | 'expired' {
  if (row.status === 'revoked') return 'revoked';
  return chinaDay(now) > row.valid_until ? 'expired' : 'valid';
}
