// The department records about people (民政 marriages, 卫健 births and deaths, 人社 insurance and pensions,
// 自然资源 property, 公安 criminal, wanted and drug-control records), each numbered the way the issuing
// office numbers them.
import { AREAS, type AreaDef } from './areas.data.ts';
import type { CityBuilder, Household, Person } from './city-builder.ts';
import { Seq } from './id-allocator.ts';
import { type Employer, OFFENCES, SENTENCES } from './names.data.ts';

/** A marriage (or divorce) registration: party A the husband, party B the wife. */
export function registerMarriage(
  b: CityBuilder,
  kind: 'marriage' | 'divorce',
  husband: Person,
  wife: Person,
  day: number,
  area: AreaDef,
): string {
  const year = b.cal.yearOf(day);
  const letter = kind === 'marriage' ? 'J' : 'L';
  const n = b.counters.next(kind === 'marriage' ? Seq.Marriage : Seq.Divorce, AREAS.indexOf(area), year);
  const record_no = `${letter}${area.code}-${year}-${String(n).padStart(6, '0')}`;
  b.batch.src_marriage.push({
    record_no,
    kind,
    party_a: husband.id,
    party_b: wife.id,
    reg_date: b.cal.isoOf(day),
    office: area.marriageOffice,
  });
  return record_no;
}

/** A birth medical certificate (出生医学证明) for `child`. */
export function birthCertificate(
  b: CityBuilder,
  child: Person,
  mother: Person,
  father: Person | null,
  area: AreaDef,
): string {
  const n = b.counters.next(Seq.Birth, AREAS.indexOf(area));
  const cert_no = `Q${area.code}${String(n).padStart(5, '0')}`;
  b.batch.src_birth_certificate.push({
    cert_no,
    child_id: child.id,
    child_name: child.name,
    mother_id: mother.id,
    father_id: father ? father.id : null,
    hospital: b.rng.chance(0.3) ? '梅州市妇幼保健院' : area.hospital,
    birth_date: b.cal.isoOf(child.birthDay),
  });
  return cert_no;
}

/** A death: medical death certificate, household deregistration and (usually) cremation. */
export function death(
  b: CityBuilder,
  p: Person,
  hh: Household,
  day: number,
  opts: { deregDay?: number; cremationDay?: number | null },
): string {
  p.deathDay = day;
  p.dereg = { reason: 'death', day: opts.deregDay ?? day };
  const cert_no = b.recordNo(Seq.Death, 'S', hh.area, day);
  const hospital = b.rng.chance(0.6) ? hh.area.hospital : `${hh.area.name}${hh.town}卫生院`;
  b.batch.src_death_certificate.push({
    cert_no,
    id_number: p.id,
    death_date: b.cal.isoOf(day),
    hospital,
  });
  if (opts.cremationDay != null) {
    b.batch.src_cremation.push({
      record_no: b.recordNo(Seq.Cremation, 'HH', hh.area, opts.cremationDay),
      id_number: p.id,
      cremation_date: b.cal.isoOf(opts.cremationDay),
      funeral_home: hh.area.funeralHome,
    });
  }
  return cert_no;
}

/** An insured worker (参保) since `startDay`. */
export function insure(
  b: CityBuilder,
  p: Person,
  startDay: number,
  status: 'active' | 'suspended' | 'ended',
  employer?: Employer,
): void {
  const e = employer ?? b.rng.pick(b.employers);
  const months = Math.max(1, Math.floor(((b.today - startDay) / 30.44) * (0.7 + b.rng.next() * 0.3)));
  b.batch.src_insured.push({
    id_number: p.id,
    employer: e.name,
    employer_uscc: e.uscc,
    start_date: b.cal.isoOf(startDay),
    months_paid: months,
    status,
  });
}

/** A pensioner (养老金领取) from the statutory age (60 men, 55 women). */
export function pension(b: CityBuilder, p: Person, status: 'paying' | 'suspended' | 'ended'): void {
  const start = b.cal.birthday(p.birthDay, p.gender === 'M' ? 60 : 55);
  // Employees' pensions are in the thousands of yuan; rural residents' (城乡居民) a few hundred.
  const cents = b.rng.chance(0.4) ? b.rng.int(2200, 4800) * 100 : b.rng.int(180, 420) * 100;
  b.batch.src_pensioner.push({
    id_number: p.id,
    start_date: b.cal.isoOf(Math.max(start, b.cal.todayDay - 365 * 60)),
    monthly_amount_cents: cents,
    status,
  });
}

/** A registered property (不动产权) owned by `owner`. */
export function property(b: CityBuilder, owner: Person, address: string, area: AreaDef, day: number): string {
  const year = b.cal.yearOf(day);
  const n = b.counters.next(Seq.Estate, AREAS.indexOf(area), year);
  const cert_no = `粤（${year}）${area.estateRegistry}不动产权第${String(n).padStart(7, '0')}号`;
  b.batch.src_real_estate.push({
    cert_no,
    owner_id: owner.id,
    address,
    area_m2: b.rng.int(4500, 16000) / 100,
    reg_date: b.cal.isoOf(day),
  });
  return cert_no;
}

/** A criminal record (违法犯罪信息) judged on `day`. */
export function crime(b: CityBuilder, p: Person, area: AreaDef, day: number, offence?: string): string {
  const record_no = b.recordNo(Seq.Crime, 'XF', area, day);
  b.batch.src_criminal_record.push({
    record_no,
    id_number: p.id,
    offence: offence ?? b.rng.pick(OFFENCES),
    judgment_date: b.cal.isoOf(day),
    court: area.court,
    sentence: b.rng.pick(SENTENCES),
  });
  return record_no;
}

/** A wanted-person notice (在逃人员) issued on `day`. */
export function wanted(b: CityBuilder, p: Person, area: AreaDef, day: number): string {
  const record_no = b.recordNo(Seq.Wanted, 'ZT', area, day, 4);
  const year = b.cal.yearOf(day);
  b.batch.src_wanted.push({
    record_no,
    id_number: p.id,
    case_no: `A${area.code}0${year}${String(b.rng.int(1, 99999)).padStart(5, '0')}`,
    issued_date: b.cal.isoOf(day),
    agency: area.policeBureau,
  });
  return record_no;
}

/** A drug-control measure (禁毒: community or compulsory rehabilitation) from `day`. */
export function drug(b: CityBuilder, p: Person, area: AreaDef, day: number): string {
  const record_no = b.recordNo(Seq.Drug, 'JD', area, day);
  const compulsory = b.rng.chance(0.3);
  const end = day + (compulsory ? 730 : 1095);
  b.batch.src_drug_control.push({
    record_no,
    id_number: p.id,
    measure: compulsory ? 'compulsory-rehab' : 'community-rehab',
    start_date: b.cal.isoOf(day),
    end_date: end < b.today ? b.cal.isoOf(end) : null,
  });
  return record_no;
}
