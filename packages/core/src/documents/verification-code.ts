// 验证码: the code a person types to check a certificate. Pure random (never derived from the serial),
// Crockford base32 so it survives handwriting and phone dictation, grouped in fives for reading aloud.

/** Crockford's base32 alphabet: digits and letters without I, L, O, U. */
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Random bits in a verification code (22 characters × 5 bits). */
export const VERIFICATION_CODE_BITS = 110;

const CODE_CHARS = VERIFICATION_CODE_BITS / 5;

/** Encodes bytes as Crockford base32 (most significant bit first, no padding). */
export function crockfordEncode(bytes: Uint8Array, chars = Math.ceil((bytes.length * 8) / 5)): string {
  let out = '';
  let acc = 0;
  let accBits = 0;
  let i = 0;
  while (out.length < chars) {
    if (accBits < 5) {
      acc = ((acc << 8) | (bytes[i++] ?? 0)) & 0xffff;
      accBits += 8;
    }
    accBits -= 5;
    out += CROCKFORD_ALPHABET[(acc >> accBits) & 31];
  }
  return out;
}

/** `XXXXX-XXXXX-XXXXX-XXXXX-XX`: a normalised code split into groups of five. */
export function groupVerificationCode(normalised: string): string {
  return normalised.match(/.{1,5}/g)?.join('-') ?? '';
}

/**
 * A new verification code with 110 random bits, grouped for reading.
 * `randomBytes` defaults to the platform's CSPRNG (Web Crypto, in Node and browsers alike).
 */
export function newVerificationCode(
  randomBytes: (n: number) => Uint8Array = (n) => globalThis.crypto.getRandomValues(new Uint8Array(n)),
): string {
  return groupVerificationCode(crockfordEncode(randomBytes(14), CODE_CHARS));
}

/**
 * The canonical form used for lookups: upper case, I/L → 1, O → 0, hyphens and spaces removed.
 * Returns undefined when what is left is not 22 Crockford characters (a mistyped code).
 */
export function normaliseVerificationCode(input: string): string | undefined {
  const s = input
    .toUpperCase()
    .replace(/[\s\-‐‑–—_.]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  return s.length === CODE_CHARS && /^[0-9A-HJKMNP-TV-Z]+$/.test(s) ? s : undefined;
}
