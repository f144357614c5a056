// 统一社会信用代码 (GB 32100-2015): registration authority, organisation type, 6-digit area code,
// the 9-character organisation code (GB 11714, with its own check character), and a MOD 31 check character.

/** Why a USCC is invalid. */
export type UsccError = 'USCC_LENGTH' | 'USCC_FORMAT' | 'USCC_ORG_CHECKSUM' | 'USCC_CHECKSUM';

export type UsccResult = { ok: true; code: string } | { ok: false; error: UsccError };

/** The 31 characters of GB 32100 (no I, O, Z, S, V). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;

/** The GB 32100 check character for the first 17 characters. */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(first17[i]!) * USCC_WEIGHTS[i]!;
  return USCC_CHARSET[(31 - (sum % 31)) % 31]!;
}

/** The GB 11714 check character for the first 8 characters of an organisation code. */
export function orgCodeCheckChar(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number.parseInt(first8[i]!, 36) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** Validates a unified social credit code. */
export function validateUscc(input: string): UsccResult {
  const code = input.trim().toUpperCase();
  if (code.length !== 18) return { ok: false, error: 'USCC_LENGTH' };
  if (!/^[1-9A-HJ-NP-RTUWXY][1-9A-HJ-NP-RTUWXY]\d{6}[0-9A-HJ-NP-RTUWXY]{10}$/.test(code)) {
    return { ok: false, error: 'USCC_FORMAT' };
  }
  if (usccCheckChar(code) !== code[17]) return { ok: false, error: 'USCC_CHECKSUM' };
  if (orgCodeCheckChar(code.slice(8, 16)) !== code[16]) return { ok: false, error: 'USCC_ORG_CHECKSUM' };
  return { ok: true, code };
}

/** Builds a valid USCC from authority+type (2 chars), area code and an 8-character organisation body. */
export function makeUscc(prefix: string, areaCode: string, orgBody: string): string {
  const org = orgBody + orgCodeCheckChar(orgBody);
  const first17 = prefix + areaCode + org;
  if (first17.length !== 17) throw new RangeError('makeUscc: bad parts');
  return first17 + usccCheckChar(first17);
}
