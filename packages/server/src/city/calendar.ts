// Calendar arithmetic on day numbers (days since 1970-01-01, UTC): the generator works in integers and
// turns them into ISO dates through a precomputed table, which is much faster than Date per row.
import { chinaDate } from '@certcloud/core';

const MS_PER_DAY = 86_400_000;
/** Day number of 1880-01-01, the first day the table covers. */
const FIRST = Date.UTC(1880, 0, 1) / MS_PER_DAY;

/** Day number of an ISO date (YYYY-MM-DD). */
export function dayOf(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!) / MS_PER_DAY;
}

/** Day number of 1 January of `year`. */
export function yearStart(year: number): number {
  return Date.UTC(year, 0, 1) / MS_PER_DAY;
}

/** ISO dates and years for every day from 1880 up to a limit; built once per seeding run. */
export class Calendar {
  readonly iso: string[] = [];
  /** YYYYMMDD per day, as resident IDs spell birth dates. */
  readonly compact: string[] = [];
  readonly years: Int16Array;
  private readonly yearStarts = new Map<number, number>();
  readonly todayDay: number;
  readonly todayYear: number;

  constructor(todayIso: string) {
    this.todayDay = dayOf(todayIso);
    const n = this.todayDay - FIRST + 400;
    this.years = new Int16Array(n);
    for (let i = 0; i < n; i++) {
      const iso = new Date((FIRST + i) * MS_PER_DAY).toISOString().slice(0, 10);
      this.iso.push(iso);
      this.compact.push(iso.replaceAll('-', ''));
      this.years[i] = Number(iso.slice(0, 4));
      if (iso.endsWith('-01-01')) this.yearStarts.set(this.years[i]!, FIRST + i);
    }
    this.todayYear = this.yearOf(this.todayDay);
  }

  /** ISO date of a day number. */
  isoOf(day: number): string {
    const s = this.iso[day - FIRST];
    if (s === undefined) throw new RangeError(`day ${day} outside the calendar`);
    return s;
  }

  /** YYYYMMDD of a day number. */
  compactOf(day: number): string {
    const s = this.compact[day - FIRST];
    if (s === undefined) throw new RangeError(`day ${day} outside the calendar`);
    return s;
  }

  /** Day number of 1 January of `year` (table lookup). */
  startOf(year: number): number {
    return this.yearStarts.get(year) ?? yearStart(year);
  }

  /** Calendar year of a day number. */
  yearOf(day: number): number {
    return this.years[day - FIRST]!;
  }

  /** Whole years of age on `day` for someone born on `birthDay`. */
  ageOn(birthDay: number, day: number): number {
    const b = this.isoOf(birthDay);
    const d = this.isoOf(day);
    const years = Number(d.slice(0, 4)) - Number(b.slice(0, 4));
    return d.slice(5) < b.slice(5) ? years - 1 : years;
  }

  /** The day someone born on `birthDay` turns `years` old (29 Feb birthdays fall on 1 March). */
  birthday(birthDay: number, years: number): number {
    const b = this.isoOf(birthDay);
    const y = Number(b.slice(0, 4)) + years;
    return Date.UTC(y, Number(b.slice(5, 7)) - 1, Number(b.slice(8, 10))) / MS_PER_DAY;
  }
}

/** Today's date in China (Asia/Shanghai), YYYY-MM-DD: the city's "now" for real (non-test) seeds. */
export function chinaToday(now: Date = new Date()): string {
  return chinaDate(now);
}
