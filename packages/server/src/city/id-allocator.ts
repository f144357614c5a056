// Unique resident ID numbers without a giant map: one counter per (area, gender, birth year). The n-th
// person of a slot gets day-of-year n mod D (shifted per block) and sequence block n div D, so no two
// people can share area, birth date and sequence. A small reserved sequence range serves exact dates.
import { residentIdCheckChar } from '@certcloud/core';
import type { Calendar } from './calendar.ts';

const FIRST_YEAR = 1880;
const NORMAL_BLOCKS = 450; // sequences 001–900; 901–998 are kept for exact dates (fixtures)
const EXACT_FIRST_BLOCK = 450;
const EXACT_LAST_BLOCK = 498;

/** Allocates resident IDs for a list of area codes. */
export class IdAllocator {
  private readonly counters: Int32Array;
  private readonly years: number;
  private readonly exactUsed = new Map<string, number>();

  constructor(
    private readonly cal: Calendar,
    private readonly areaCodes: readonly string[],
  ) {
    this.years = cal.todayYear - FIRST_YEAR + 1;
    this.counters = new Int32Array(areaCodes.length * 2 * this.years);
  }

  /** Days available in `year`: up to yesterday in the current year, so no ID is "born in the future"
   * for a validator whose clock is a few hours behind China's. */
  private daysIn(year: number): number {
    if (year === this.cal.todayYear) return this.cal.todayDay - this.cal.startOf(year);
    return this.cal.startOf(year + 1) - this.cal.startOf(year);
  }

  /** A fresh ID for someone of `gender` born in `year` in area `areaIdx`; returns the ID and birth day. */
  allocate(areaIdx: number, gender: 'M' | 'F', year: number): { id: string; birthDay: number } {
    let y = Math.min(Math.max(year, FIRST_YEAR), this.cal.todayYear);
    for (;;) {
      const slot = (areaIdx * 2 + (gender === 'M' ? 1 : 0)) * this.years + (y - FIRST_YEAR);
      const n = this.counters[slot]!;
      const days = this.daysIn(y);
      const block = days > 0 ? Math.floor(n / days) : NORMAL_BLOCKS;
      if (block < NORMAL_BLOCKS) {
        this.counters[slot] = n + 1;
        const shift = (block * 137 + areaIdx * 31 + (gender === 'M' ? 17 : 0) + y) % days;
        const birthDay = this.cal.startOf(y) + (((n % days) + shift) % days);
        return { id: this.build(areaIdx, birthDay, block * 2 + (gender === 'M' ? 1 : 2)), birthDay };
      }
      y--; // this year is full for the slot: an earlier birth year keeps IDs unique
    }
  }

  /** An ID for an exact birth day (fixtures); at most 49 per area, gender and day. */
  exact(areaIdx: number, gender: 'M' | 'F', birthDay: number): string {
    const key = `${areaIdx}:${gender}:${birthDay}`;
    const block = EXACT_FIRST_BLOCK + (this.exactUsed.get(key) ?? 0);
    if (block > EXACT_LAST_BLOCK) throw new RangeError('exact ID range exhausted');
    this.exactUsed.set(key, block - EXACT_FIRST_BLOCK + 1);
    return this.build(areaIdx, birthDay, block * 2 + (gender === 'M' ? 1 : 2));
  }

  private build(areaIdx: number, birthDay: number, seq: number): string {
    const first17 = this.areaCodes[areaIdx]! + this.cal.compactOf(birthDay) + SEQ[seq]!;
    return first17 + residentIdCheckChar(first17);
  }
}

const SEQ = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

/** Kinds of running numbers. */
export enum Seq {
  Household,
  Marriage,
  Divorce,
  Birth,
  Death,
  Cremation,
  Crime,
  Wanted,
  Drug,
  Estate,
}

/** Running numbers per (kind, area, year). */
export class Counters {
  private readonly map = new Map<number, number>();

  /** The next number (1, 2, …) of `kind` in area `areaIdx` and `year` (0 when numbers run across years). */
  next(kind: Seq, areaIdx: number, year = 0): number {
    const key = (kind * 64 + areaIdx) * 4096 + year;
    const n = (this.map.get(key) ?? 0) + 1;
    this.map.set(key, n);
    return n;
  }
}
