import { describe, expect, it } from 'vitest';
import {
  crockfordEncode,
  groupVerificationCode,
  newVerificationCode,
  normaliseVerificationCode,
} from './verification-code.ts';

describe('verification codes', () => {
  it('are grouped Crockford base32 with 110 bits', () => {
    const code = newVerificationCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}-[0-9A-HJKMNP-TV-Z]{2}$/);
  });

  it('never repeat in practice and use the whole alphabet', () => {
    const codes = new Set(Array.from({ length: 2000 }, () => newVerificationCode()));
    expect(codes.size).toBe(2000);
    const seen = new Set([...codes].join('').replace(/-/g, ''));
    expect(seen.size).toBe(32);
  });

  it('take their bits from the random source only', () => {
    const zeros = newVerificationCode((n) => new Uint8Array(n));
    expect(zeros).toBe('00000-00000-00000-00000-00');
    const ones = newVerificationCode((n) => new Uint8Array(n).fill(255));
    expect(ones).toBe('ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-ZZ');
  });

  it('encode bytes most significant bit first', () => {
    expect(crockfordEncode(new Uint8Array([0b00001_000, 0b10_00011_0]), 4)).toBe('1230');
  });

  it('accept what a person types: lower case, spaces, I/L for 1, O for 0', () => {
    const code = groupVerificationCode('0123456789ABCDEFGHJKMN');
    expect(normaliseVerificationCode(code)).toBe('0123456789ABCDEFGHJKMN');
    expect(normaliseVerificationCode(' o1234 56789-abcde fghjk mn ')).toBe('0123456789ABCDEFGHJKMN');
    expect(normaliseVerificationCode('OI2345678LABCDEFGHJKMN')).toBe('0123456781ABCDEFGHJKMN');
  });

  it('reject codes of the wrong length or with letters Crockford never uses', () => {
    expect(normaliseVerificationCode('12345')).toBeUndefined();
    expect(normaliseVerificationCode('0123456789ABCDEFGHJKMU')).toBeUndefined();
  });
});
