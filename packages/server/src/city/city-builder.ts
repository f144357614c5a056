// The building blocks of the synthetic city: households, people and the department records about them.
// Both the random population (population.ts) and the deliberate fixtures (fixtures.ts) use these, so a
// fixture is recorded in every source exactly as an ordinary resident would be.
import type { HouseholdRow } from '../db/schema.ts';
import { AREAS, type AreaDef, stationCode } from './areas.data.ts';
import { Calendar } from './calendar.ts';
import { Counters, IdAllocator, Seq } from './id-allocator.ts';
import {
  buildEmployers,
  type Employer,
  ETHNICITIES,
  FEMALE_CHARS,
  MALE_CHARS,
  OUTSIDE_AREAS,
  RARE_CHARS,
  ROADS,
  SURNAMES,
  VILLAGES,
} from './names.data.ts';
import { cumulate, Rng } from './prng.ts';
import { type CityBatch, emptyBatch } from './source-tables.ts';

/** A person of the city (or, with `outsider`, someone from elsewhere who appears in a record). */
export interface Person {
  id: string;
  name: string;
  gender: 'M' | 'F';
  birthDay: number;
  relation: string;
  ethnicity: string;
  deathDay?: number;
  dereg?: { reason: HouseholdRow['dereg_reason']; day: number };
}

/** A household (户): one address, one household number, its members. */
export interface Household {
  area: AreaDef;
  areaIdx: number;
  town: string;
  station: string;
  address: string;
  no: string;
  members: Person[];
}

const AREA_CUM = cumulate(AREAS.map((a) => a.weight));
const SURNAME_LIST = SURNAMES.map((s) => s[0]);
const SURNAME_CUM = cumulate(SURNAMES.map((s) => s[1]));
const ETHNICITY_LIST = ETHNICITIES.map((e) => e[0]);
const ETHNICITY_CUM = cumulate(ETHNICITIES.map((e) => e[1]));
/** Towns per area with their station; 街道 (urban streets) weigh four times a rural town. */
const TOWNS = AREAS.map((a) => {
  const towns = a.stations.flatMap((st) =>
    st.towns.map((t) => ({ town: t, station: stationCode(a.code, st.nn) })),
  );
  return { towns, cum: cumulate(towns.map((t) => (t.town.endsWith('街道') ? 4 : 1))) };
});

/** Generates rows into a batch; the caller drains `batch` now and then. */
export class CityBuilder {
  readonly cal: Calendar;
  readonly rng = new Rng();
  readonly ids: IdAllocator;
  readonly counters = new Counters();
  readonly employers: Employer[];
  batch: CityBatch = emptyBatch();
  residents = 0;
  households = 0;

  constructor(
    readonly seed: number,
    todayIso: string,
  ) {
    this.cal = new Calendar(todayIso);
    this.ids = new IdAllocator(this.cal, [...AREAS.map((a) => a.code), ...OUTSIDE_AREAS]);
    this.employers = buildEmployers(AREAS.map((a) => a.code));
  }

  /** Today's day number. */
  get today(): number {
    return this.cal.todayDay;
  }

  /** Approximate whole years between two days (good enough for rates and ranges). */
  years(fromDay: number, toDay: number): number {
    return Math.floor((toDay - fromDay) / 365.2425);
  }

  /** A random area index, weighted by population. */
  pickArea(): number {
    return this.rng.weighted(AREA_CUM);
  }

  /** A random address in area `areaIdx` (in `town` when given), with the town's police station. */
  address(areaIdx: number, town?: string): { town: string; station: string; address: string } {
    const area = AREAS[areaIdx]!;
    const towns = TOWNS[areaIdx]!;
    const t = town ? towns.towns.find((x) => x.town === town)! : towns.towns[this.rng.weighted(towns.cum)]!;
    const r = this.rng;
    const address = t.town.endsWith('街道')
      ? `${area.addressPrefix}${t.town}${r.pick(ROADS)}${r.int(1, 260)}号${r.int(1, 12)}栋${r.int(1, 28)}0${r.int(1, 4)}房`
      : `${area.addressPrefix}${t.town}${r.pick(VILLAGES)}村${r.int(1, 12)}组${r.int(1, 80)}号`;
    return { town: t.town, station: t.station, address };
  }

  /** A new household in area `areaIdx` (town picked at random unless given). */
  newHousehold(areaIdx: number, town?: string): Household {
    const area = AREAS[areaIdx]!;
    const a = this.address(areaIdx, town);
    const no = `${area.code}${String(this.counters.next(Seq.Household, areaIdx)).padStart(7, '0')}`;
    this.households++;
    return { area, areaIdx, town: a.town, station: a.station, address: a.address, no, members: [] };
  }

  /** A surname drawn by frequency. */
  surname(): string {
    return SURNAME_LIST[this.rng.weighted(SURNAME_CUM)]!;
  }

  /** A full name: surname plus one or two characters (a rare one about once in 20 000). */
  name(gender: 'M' | 'F', surname: string): string {
    const chars = gender === 'M' ? MALE_CHARS : FEMALE_CHARS;
    const r = this.rng;
    const first = r.chance(0.00005) ? r.pick(RARE_CHARS) : r.pick(chars);
    return r.chance(0.72) ? surname + first + r.pick(chars) : surname + first;
  }

  /** A member of `hh`, born in `birthYear` (or on exactly `birthDay`), added to its members. */
  person(
    hh: Household,
    gender: 'M' | 'F',
    birthYear: number,
    relation: string,
    opts: { surname?: string; name?: string; birthDay?: number } = {},
  ): Person {
    const p = this.makePerson(hh.areaIdx, gender, birthYear, relation, opts);
    hh.members.push(p);
    return p;
  }

  /** Someone from outside the city (an ex-spouse, a mother registered elsewhere); no household row. */
  outsider(gender: 'M' | 'F', birthYear: number, opts: { surname?: string; name?: string } = {}): Person {
    return this.makePerson(
      AREAS.length + this.rng.int(0, OUTSIDE_AREAS.length - 1),
      gender,
      birthYear,
      '',
      opts,
    );
  }

  private makePerson(
    idArea: number,
    gender: 'M' | 'F',
    birthYear: number,
    relation: string,
    opts: { surname?: string; name?: string; birthDay?: number },
  ): Person {
    let id: string;
    let birthDay: number;
    if (opts.birthDay !== undefined) {
      birthDay = opts.birthDay;
      id = this.ids.exact(idArea, gender, birthDay);
    } else {
      ({ id, birthDay } = this.ids.allocate(idArea, gender, birthYear));
    }
    const name = opts.name ?? this.name(gender, opts.surname ?? this.surname());
    const ethnicity = ETHNICITY_LIST[this.rng.weighted(ETHNICITY_CUM)]!;
    return { id, name, gender, birthDay, relation, ethnicity };
  }

  /** Writes the household register rows of `hh`; `moved` deregisters the whole household (迁出). */
  emitHousehold(hh: Household, moved?: { reason: HouseholdRow['dereg_reason']; day: number }): void {
    for (const p of hh.members) {
      const dereg = p.dereg ?? moved;
      this.batch.src_household.push({
        id_number: p.id,
        name: p.name,
        gender: p.gender,
        birth_date: this.cal.isoOf(p.birthDay),
        ethnicity: p.ethnicity,
        area_code: hh.area.code,
        address: hh.address,
        household_no: hh.no,
        relation_to_head: p.relation,
        police_station: hh.station,
        status: dereg ? 'deregistered' : 'registered',
        dereg_reason: dereg ? dereg.reason : null,
        dereg_date: dereg ? this.cal.isoOf(dereg.day) : null,
      });
    }
    this.residents += hh.members.length;
  }

  /** A record number: prefix, area code, year of `day` and a running number of `width` digits. */
  recordNo(kind: Seq, prefix: string, area: AreaDef, day: number, width = 5): string {
    const year = this.cal.yearOf(day);
    const n = this.counters.next(kind, AREAS.indexOf(area), year);
    return `${prefix}${area.code}${year}${String(n).padStart(width, '0')}`;
  }

  /** Takes the rows generated so far, leaving an empty batch. */
  drain(): CityBatch {
    const b = this.batch;
    this.batch = emptyBatch();
    return b;
  }
}
