// 公民身份号码 (GB 11643-1999): 6-digit area code, 8-digit birth date, 3-digit sequence
// (odd = male), and an ISO 7064 MOD 11-2 check character.

/** Why a resident ID number is invalid. */
export type ResidentIdError =
  | 'ID_LENGTH'
  | 'ID_FORMAT'
  | 'ID_AREA'
  | 'ID_BAD_DATE'
  | 'ID_FUTURE_DATE'
  | 'ID_CHECKSUM';

/** The parts of a valid resident ID number. */
export interface ResidentIdParts {
  areaCode: string;
  birthDate: string; // YYYY-MM-DD
  sequence: number;
  gender: 'M' | 'F';
}

export type ResidentIdResult =
  | { ok: true; id: string; parts: ResidentIdParts }
  | { ok: false; error: ResidentIdError };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';
/** Province-level codes of GB/T 2260 (first two digits of every area code). */
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61,
  62, 63, 64, 65, 71, 81, 82,
]);

/** The ISO 7064 MOD 11-2 check character for the first 17 digits. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** True when y-m-d is a real calendar date. */
export function isCalendarDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [
    31,
    y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  return d <= days[m - 1]!;
}

/** Validates a resident ID number; `today` (YYYYMMDD) bounds the birth date. Lower-case x is accepted. */
export function validateResidentId(input: string, today: string = compactToday()): ResidentIdResult {
  const id = input.trim().toUpperCase();
  if (id.length !== 18) return { ok: false, error: 'ID_LENGTH' };
  if (!/^\d{17}[\dX]$/.test(id)) return { ok: false, error: 'ID_FORMAT' };
  if (!PROVINCES.has(Number(id.slice(0, 2))) || id.slice(2, 6) === '0000')
    return { ok: false, error: 'ID_AREA' };
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (y < 1850 || !isCalendarDate(y, m, d)) return { ok: false, error: 'ID_BAD_DATE' };
  if (id.slice(6, 14) > today) return { ok: false, error: 'ID_FUTURE_DATE' };
  if (residentIdCheckChar(id) !== id[17]) return { ok: false, error: 'ID_CHECKSUM' };
  const sequence = Number(id.slice(14, 17));
  return {
    ok: true,
    id,
    parts: {
      areaCode: id.slice(0, 6),
      birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
      sequence,
      gender: sequence % 2 === 1 ? 'M' : 'F',
    },
  };
}

/** Builds a valid resident ID from its parts (for generators and tests). */
export function makeResidentId(areaCode: string, birthDate: string, sequence: number): string {
  const first17 = `${areaCode}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  if (!/^\d{17}$/.test(first17)) throw new RangeError('makeResidentId: bad parts');
  return first17 + residentIdCheckChar(first17);
}

function compactToday(): string {
  const now = new Date();
  return `${now.getFullYear()}${String(now.getMonth() + 1).padStart(2, '0')}${String(now.getDate()).padStart(2, '0')}`;
}
