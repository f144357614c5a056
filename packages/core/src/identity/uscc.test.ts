import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeUscc, USCC_CHARSET, validateUscc } from './uscc.ts';

const validUscc = fc
  .record({
    prefix: fc.constantFrom('91', '11', '12', '52', '92', '51'),
    area: fc.constantFrom('441402', '441481', '110108', '440300'),
    body: fc.string({
      unit: fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRTUWXY'),
      minLength: 8,
      maxLength: 8,
    }),
  })
  .map(({ prefix, area, body }) => makeUscc(prefix, area, body))
  .filter((code) => validateUscc(code).ok); // the org-code check may yield 'X', which GB 32100 permits

describe('USCC (GB 32100)', () => {
  it('accepts codes published by the national enterprise credit system', () => {
    // Published codes of well-known bodies (Tencent Shenzhen, Huawei, the standard's worked example).
    for (const code of ['91440300708461136T', '914403001922038216', '91350100M000100Y43']) {
      expect(validateUscc(code), code).toEqual({ ok: true, code });
    }
  });

  it('names the reason for each kind of bad code', () => {
    expect(validateUscc('9144030070846113')).toEqual({ ok: false, error: 'USCC_LENGTH' });
    expect(validateUscc('91440300708461136I')).toEqual({ ok: false, error: 'USCC_FORMAT' });
    expect(validateUscc('91440300708461136U')).toEqual({ ok: false, error: 'USCC_CHECKSUM' });
  });

  it('accepts every generated code and rejects every single substitution', () => {
    fc.assert(
      fc.property(
        validUscc,
        fc.integer({ min: 0, max: 17 }),
        fc.integer({ min: 1, max: 30 }),
        (code, pos, shift) => {
          if (!validateUscc(code).ok) return false;
          const replacement = USCC_CHARSET[(USCC_CHARSET.indexOf(code[pos]!) + shift) % 31]!;
          const changed = code.slice(0, pos) + replacement + code.slice(pos + 1);
          return !validateUscc(changed).ok;
        },
      ),
      { numRuns: 2000 },
    );
  });
});
