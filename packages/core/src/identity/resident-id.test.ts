import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeResidentId, validateResidentId } from './resident-id.ts';

const TODAY = '20261203';
const DIGITS = '0123456789X';

/** Arbitrary valid IDs built from an area, a real birth date and a sequence. */
const validId = fc
  .record({
    area: fc.constantFrom(
      '441402',
      '441403',
      '441422',
      '441423',
      '441424',
      '441426',
      '441427',
      '441481',
      '110105',
    ),
    date: fc.date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2026-12-01T00:00:00Z'),
      noInvalidDate: true,
    }),
    seq: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ area, date, seq }) => makeResidentId(area, date.toISOString().slice(0, 10), seq));

describe('resident ID (GB 11643)', () => {
  it('accepts the examples published in GB 11643-1999', () => {
    expect(validateResidentId('11010519491231002X', TODAY)).toMatchObject({
      ok: true,
      parts: { gender: 'F' },
    });
    expect(validateResidentId('440524188001010014', TODAY)).toMatchObject({
      ok: true,
      parts: { areaCode: '440524', birthDate: '1880-01-01', gender: 'M' },
    });
    expect(validateResidentId('11010519491231002x', TODAY).ok).toBe(true);
  });

  it('names the reason for each kind of bad number', () => {
    expect(validateResidentId('1101051949123100', TODAY)).toEqual({ ok: false, error: 'ID_LENGTH' });
    expect(validateResidentId('11010519491231002Y', TODAY)).toEqual({ ok: false, error: 'ID_FORMAT' });
    expect(validateResidentId('990105194912310021', TODAY)).toEqual({ ok: false, error: 'ID_AREA' });
    expect(
      validateResidentId(makeResidentId('441402', '1990-02-28', 1).replace('0228', '0230'), TODAY),
    ).toEqual({
      ok: false,
      error: 'ID_BAD_DATE',
    });
    expect(validateResidentId(makeResidentId('441402', '2027-01-01', 1), TODAY)).toEqual({
      ok: false,
      error: 'ID_FUTURE_DATE',
    });
    expect(validateResidentId('110105194912310021', TODAY)).toEqual({ ok: false, error: 'ID_CHECKSUM' });
  });

  it('accepts every generated ID', () => {
    fc.assert(fc.property(validId, (id) => validateResidentId(id, TODAY).ok));
  });

  it('rejects every single-character substitution of a valid ID', () => {
    fc.assert(
      fc.property(
        validId,
        fc.integer({ min: 0, max: 17 }),
        fc.integer({ min: 1, max: 10 }),
        (id, pos, shift) => {
          const alphabet = pos === 17 ? DIGITS : DIGITS.slice(0, 10);
          const current = alphabet.indexOf(id[pos]!);
          const replacement = alphabet[(current + shift) % alphabet.length]!;
          fc.pre(replacement !== id[pos]);
          const changed = id.slice(0, pos) + replacement + id.slice(pos + 1);
          return !validateResidentId(changed, TODAY).ok;
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('rejects every adjacent transposition of a valid ID', () => {
    fc.assert(
      fc.property(validId, fc.integer({ min: 0, max: 16 }), (id, pos) => {
        fc.pre(id[pos] !== id[pos + 1]);
        const swapped = id.slice(0, pos) + id[pos + 1] + id[pos] + id.slice(pos + 2);
        return !validateResidentId(swapped, TODAY).ok;
      }),
      { numRuns: 2000 },
    );
  });
});
