// The ordinary residents: one household per index, drawn from a PRNG reseeded per household, with life
// events (deaths, marriages, divorces, births, work, pensions, property, records) at realistic rates.
import { yearStart } from './calendar.ts';
import type { CityBuilder, Household, Person } from './city-builder.ts';
import {
  birthCertificate,
  crime,
  death,
  drug,
  insure,
  pension,
  property,
  registerMarriage,
  wanted,
} from './department-records.ts';
import { cumulate, mix32 } from './prng.ts';

// single, couple without children at home, nuclear family, three generations, single parent
const TYPE_CUM = cumulate([12, 15, 48, 20, 5]);
const KIDS_CUM = cumulate([35, 45, 20]);
const YEAR = 365.2425;
const BIRTH_CERTS_FROM = yearStart(1996); // 出生医学证明 exist since 1996
const INSURANCE_FROM = yearStart(1995);
const REGISTRY_FROM = yearStart(1998);

/** Generates household number `index` with at most `room` members (≥ 1). */
export function generateHousehold(b: CityBuilder, index: number, room: number): void {
  const r = b.rng;
  r.reseed(mix32(b.seed, index));
  const Y = b.cal.todayYear;
  const hh = b.newHousehold(b.pickArea());
  const fits = () => hh.members.length < room;
  const type = r.weighted(TYPE_CUM);

  if (type === 0) {
    const age = r.chance(0.6) ? r.int(20, 45) : r.int(46, 92);
    const g = r.chance(0.5) ? 'M' : 'F';
    const head = b.person(hh, g, Y - age, '户主');
    if (age >= 32 && r.chance(0.3)) divorcedFrom(b, hh, head, r.int(2, 10));
  } else if (type === 1) {
    const hAge = r.chance(0.25) ? r.int(23, 32) : r.int(48, 88);
    couple(b, hh, hAge, r.chance(0.88), fits, true);
  } else if (type === 2) {
    const { husband, wife } = couple(b, hh, r.int(26, 60), r.chance(0.88), fits, false);
    if (husband && wife) {
      const kids = children(b, hh, husband, wife, r.weighted(KIDS_CUM) + 1, '子', '女', fits);
      marry(b, hh, husband, wife, kids[0]?.birthDay ?? null);
    }
  } else if (type === 3) {
    const { husband: gpa, wife: gma } = couple(b, hh, r.int(52, 88), true, fits, true);
    const elder = (gma ?? gpa)!;
    const sonYear = b.cal.yearOf(elder.birthDay) + r.int(22, 32);
    if (fits() && sonYear <= Y - 22) {
      const son = b.person(hh, 'M', sonYear, '子', { surname: surnameOf(gpa ?? elder) });
      if (son.birthDay >= BIRTH_CERTS_FROM && gma) birthCertificate(b, son, gma, gpa ?? null, hh.area);
      if (fits() && r.chance(0.8)) {
        const dil = b.person(hh, 'F', sonYear + r.int(-2, 4), '儿媳');
        marry(b, hh, son, dil, null);
        children(b, hh, son, dil, r.chance(0.6) ? 1 : 2, '孙子', '孙女', fits);
      }
    }
  } else {
    const g = r.chance(0.7) ? 'F' : 'M';
    const head = b.person(hh, g, Y - r.int(28, 52), '户主');
    const ex = b.outsider(g === 'F' ? 'M' : 'F', b.cal.yearOf(head.birthDay) + r.int(-3, 3));
    const [father, mother] = g === 'M' ? [head, ex] : [ex, head];
    const kids = children(b, hh, father, mother, r.chance(0.6) ? 1 : 2, '子', '女', fits, g === 'F');
    const legal = Math.floor(Math.max(father.birthDay + 22 * YEAR, mother.birthDay + 20 * YEAR));
    const first = kids[0]?.birthDay ?? b.today - 3 * 365;
    const last = kids[kids.length - 1]?.birthDay ?? first;
    const married = Math.max(legal, Math.min(first - r.int(200, 900), b.today - 800));
    const divorced = Math.max(married + 200, Math.min(b.today - 30, last + r.int(100, 1500)));
    registerMarriage(b, 'marriage', father, mother, married, hh.area);
    registerMarriage(b, 'divorce', father, mother, Math.min(divorced, b.today - 1), hh.area);
  }

  lifeEvents(b, hh);
  if (r.chance(0.004)) {
    b.emitHousehold(hh, { reason: 'emigration', day: b.today - r.int(30, 3650) }); // 迁出: moved away
    return;
  }
  ownProperty(b, hh);
  b.emitHousehold(hh);
}

function surnameOf(p: Person): string {
  return p.name.startsWith('欧阳') || p.name.startsWith('司徒') ? p.name.slice(0, 2) : p.name[0]!;
}

/** A husband and wife (the wife only when there is room); the head is the husband when `husbandHeads`. */
function couple(
  b: CityBuilder,
  hh: Household,
  hAge: number,
  husbandHeads: boolean,
  fits: () => boolean,
  registerNow: boolean,
): { husband?: Person; wife?: Person } {
  const Y = b.cal.todayYear;
  const wAge = Math.max(20, hAge - b.rng.int(-2, 5));
  const [g1, a1, g2, a2] = husbandHeads
    ? (['M', hAge, 'F', wAge] as const)
    : (['F', wAge, 'M', hAge] as const);
  const head = b.person(hh, g1, Y - a1, '户主');
  const spouse = fits() ? b.person(hh, g2, Y - a2, '配偶') : undefined;
  const husband = husbandHeads ? head : spouse;
  const wife = husbandHeads ? spouse : head;
  if (husband && wife && registerNow) marry(b, hh, husband, wife, null);
  return { husband, wife };
}

/** Registers a marriage once both are of legal age (22 and 20), before `firstChild` if given. */
function marry(
  b: CityBuilder,
  hh: Household,
  husband: Person,
  wife: Person,
  firstChild: number | null,
): void {
  const r = b.rng;
  const legal = Math.max(husband.birthDay + 22 * YEAR, wife.birthDay + 20 * YEAR);
  const latest = Math.min(firstChild === null ? b.today - 30 : firstChild - 200, b.today - 30);
  const day = Math.floor(latest <= legal ? legal : legal + r.next() * Math.min(latest - legal, 8 * YEAR));
  // About 4 % of husbands married and divorced someone else first (离婚再婚).
  if (r.chance(0.04) && day - legal > 5 * YEAR) {
    const ex = b.outsider('F', b.cal.yearOf(wife.birthDay) + r.int(-3, 3));
    const first = Math.floor(legal + r.next() * YEAR);
    registerMarriage(b, 'marriage', husband, ex, first, hh.area);
    registerMarriage(
      b,
      'divorce',
      husband,
      ex,
      Math.floor(first + YEAR + r.next() * (day - first - 2 * YEAR)),
      hh.area,
    );
  }
  registerMarriage(b, 'marriage', husband, wife, Math.min(day, b.today - 1), hh.area);
}

/** A past marriage to someone from elsewhere that ended in divorce `yearsAgo` years ago (or earlier). */
function divorcedFrom(b: CityBuilder, hh: Household, p: Person, yearsAgo: number): void {
  const r = b.rng;
  const ex = b.outsider(p.gender === 'M' ? 'F' : 'M', b.cal.yearOf(p.birthDay) + r.int(-3, 3));
  const [husband, wife] = p.gender === 'M' ? [p, ex] : [ex, p];
  const married = Math.floor(
    Math.max(husband.birthDay + 22 * YEAR, wife.birthDay + 20 * YEAR) + r.next() * 3 * YEAR,
  );
  const divorced = Math.max(married + 200, b.today - Math.floor(yearsAgo * YEAR));
  registerMarriage(b, 'marriage', husband, wife, married, hh.area);
  registerMarriage(b, 'divorce', husband, wife, Math.min(divorced, b.today - 1), hh.area);
}

/** Up to `n` children of `mother` and `father` (born when she was 22–40), while the household has room. */
function children(
  b: CityBuilder,
  hh: Household,
  father: Person,
  mother: Person,
  n: number,
  sonWord: string,
  daughterWord: string,
  fits: () => boolean,
  motherSurname = false,
): Person[] {
  const r = b.rng;
  const kids: Person[] = [];
  let year = b.cal.yearOf(mother.birthDay) + r.int(22, 32);
  for (let i = 0; i < n && fits() && year <= b.cal.todayYear; i++) {
    const g = r.chance(0.52) ? 'M' : 'F';
    const surname = motherSurname ? surnameOf(mother) : surnameOf(father);
    const kid = b.person(hh, g, year, g === 'M' ? sonWord : daughterWord, { surname });
    kids.push(kid);
    year += r.int(1, 6);
  }
  for (const kid of kids) {
    if (kid.birthDay >= BIRTH_CERTS_FROM) birthCertificate(b, kid, mother, father, hh.area);
  }
  return kids;
}

/** Annual probability of death at `age` (a Gompertz curve close to Guangdong's life tables). */
function mortality(age: number): number {
  if (age < 1) return 0.003;
  if (age < 40) return 0.0008;
  return Math.min(0.3, 0.00005 * Math.exp(0.085 * age));
}

/** Deaths in the last five years, work, pensions, military service and the rare records. */
function lifeEvents(b: CityBuilder, hh: Household): void {
  const r = b.rng;
  const today = b.today;
  for (const p of hh.members) {
    const ageDays = today - p.birthDay;
    const age = Math.floor(ageDays / YEAR);
    if (ageDays > 2 && r.chance(Math.min(0.6, 5 * mortality(age)))) {
      const day = today - r.int(1, Math.min(1825, ageDays - 1));
      death(b, p, hh, day, {
        deregDay: Math.min(today, day + r.int(0, 20)),
        cremationDay: r.chance(0.9) ? Math.min(today, day + r.int(1, 4)) : null,
      });
    }
    const alive = p.deathDay === undefined;
    const ageAtEnd = Math.floor(((p.deathDay ?? today) - p.birthDay) / YEAR);
    const pensionAge = p.gender === 'M' ? 60 : 55;
    if (ageAtEnd >= pensionAge + 1 && r.chance(0.82)) {
      pension(b, p, alive ? (r.chance(0.01) ? 'suspended' : 'paying') : 'ended');
    } else if (alive && age >= 18 && age < pensionAge && r.chance(0.72)) {
      const began = p.birthDay + Math.floor((18 + r.int(0, 7)) * YEAR);
      // Older workers joined when the pension insurance scheme reached them, spread over a decade.
      const start = began < INSURANCE_FROM ? INSURANCE_FROM + r.int(0, 3650) : began;
      const status = r.chance(0.92) ? 'active' : r.chance(0.75) ? 'suspended' : 'ended';
      insure(b, p, Math.min(start, today - 31), status);
    }
    if (alive && p.gender === 'M' && age >= 18 && age <= 22 && r.chance(0.004)) {
      p.dereg = { reason: 'military', day: today - r.int(30, 700) }; // 入伍: joined the army
    }
    if (age >= 19) {
      const from = p.birthDay + Math.floor(18 * YEAR);
      const until = Math.min(p.deathDay ?? today, today - 1);
      if (r.chance(p.gender === 'M' ? 0.0052 : 0.0008) && until > from) {
        crime(b, p, hh.area, from + r.int(0, until - from));
      }
      if (alive && age <= 65 && r.chance(0.000016)) wanted(b, p, hh.area, today - r.int(30, 3000));
      if (alive && age <= 60 && r.chance(p.gender === 'M' ? 0.0016 : 0.0004)) {
        drug(b, p, hh.area, Math.max(p.birthDay + Math.floor(16 * YEAR), today - r.int(30, 3650)));
      }
    }
  }
}

/** About 60 % of households own their home; some own a second property. */
function ownProperty(b: CityBuilder, hh: Household): void {
  const r = b.rng;
  if (!r.chance(0.6)) return;
  const adults = hh.members.filter((p) => p.deathDay === undefined && b.today - p.birthDay > 25 * YEAR);
  const owner = adults[0];
  if (!owner) return;
  const from = Math.max(owner.birthDay + Math.floor(25 * YEAR), REGISTRY_FROM);
  property(
    b,
    owner,
    hh.address,
    hh.area,
    Math.min(b.today - 1, from + r.int(0, Math.max(0, b.today - from))),
  );
  if (r.chance(0.12)) {
    const second = adults[1] ?? owner;
    const a = b.address(hh.areaIdx);
    property(b, second, a.address, hh.area, b.today - r.int(1, 3650));
  }
}
