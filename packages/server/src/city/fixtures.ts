// The deliberate edge cases every seeded city contains (DESIGN §3), built first so their IDs depend only
// on the seed and the reference date, never on the size of the city. `certcloud fixtures` lists them.
import type { Store } from '../db/connection.ts';
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
import { mix32 } from './prng.ts';

/** One deliberate case: who, why, and the people it is linked to. */
export interface Fixture {
  case: string;
  id: string;
  name: string;
  related: Record<string, string>;
  note: string;
}

/** People the fixtures add to the household register. */
export const FIXTURE_RESIDENTS = 26;

// Area indices in AREAS order.
const MEIJIANG = 0;
const MEIXIAN = 1;
const DABU = 2;
const FENGSHUN = 3;
const WUHUA = 4;
const PINGYUAN = 5;
const JIAOLING = 6;
const XINGNING = 7;

/** Builds the fixture households into `b` and returns their descriptions. */
export function buildFixtures(b: CityBuilder): Fixture[] {
  b.rng.reseed(mix32(b.seed, 0x7fffffff));
  const list: Fixture[] = [];
  const Y = b.cal.todayYear;
  const today = b.today;
  const iso = (day: number) => b.cal.isoOf(day);
  const add = (kase: string, p: Person, note: string, related: Record<string, string> = {}) =>
    list.push({ case: kase, id: p.id, name: p.name, related, note });
  const at = (years: number, dayOfYear = 100) => yearStart(Y - years) + dayOfYear;
  const home = (area: number, town: string): Household => b.newHousehold(area, town);

  // An ordinary family: the clean adult, a married couple, a homeowner.
  let hh = home(MEIJIANG, '金山街道');
  const chen = b.person(hh, 'M', Y - 41, '户主', { name: '陈建华' });
  const li = b.person(hh, 'F', Y - 39, '配偶', { name: '李秀梅' });
  const siyuan = b.person(hh, 'M', Y - 13, '子', { name: '陈思远' });
  const chenMarriage = registerMarriage(b, 'marriage', chen, li, at(15, 120), hh.area);
  birthCertificate(b, siyuan, li, chen, hh.area);
  insure(b, chen, at(19, 60), 'active');
  insure(b, li, at(17, 200), 'active');
  const estate = property(b, chen, hh.address, hh.area, at(10, 200));
  b.emitHousehold(hh);
  add(
    'clean-adult',
    chen,
    '户籍在册，无违法犯罪、在逃、涉毒记录 registered; no criminal, wanted or drug records',
  );
  add('married', chen, `已婚 married (${chenMarriage})`, { spouse: li.id });
  add('spouse', li, `配偶 spouse; marriage registration ${chenMarriage}`, { spouse: chen.id });
  add('property-owner', chen, `不动产权 ${estate}`);

  // A newborn, twenty days old.
  hh = home(MEIXIAN, '新城街道');
  const huang = b.person(hh, 'M', Y - 30, '户主', { name: '黄志明' });
  const zhong = b.person(hh, 'F', Y - 28, '配偶', { name: '钟雅琪' });
  const baby = b.person(hh, 'M', Y, '子', { name: '黄子轩', birthDay: today - 20 });
  registerMarriage(b, 'marriage', huang, zhong, at(2, 60), hh.area);
  const babyCert = birthCertificate(b, baby, zhong, huang, hh.area);
  b.emitHousehold(hh);
  add('newborn', baby, `出生医学证明 birth certificate ${babyCert}`, { mother: zhong.id, father: huang.id });

  // A parent whose adult son lives in the same household and has a birth certificate naming her.
  hh = home(XINGNING, '兴田街道');
  const liu = b.person(hh, 'M', Y - 56, '户主', { name: '刘国强' });
  const luo = b.person(hh, 'F', Y - 54, '配偶', { name: '罗美玲' });
  const liuWei = b.person(hh, 'M', Y - 26, '子', { name: '刘伟' });
  registerMarriage(b, 'marriage', liu, luo, at(28, 30), hh.area);
  const liuCert = birthCertificate(b, liuWei, luo, liu, hh.area);
  b.emitHousehold(hh);
  add('parent-of-adult-child', luo, `母亲 mother; 出生医学证明 ${liuCert}; same household ${hh.no}`, {
    child: liuWei.id,
  });

  // A pensioner who died yesterday: the pension system has not caught up (status still paying).
  hh = home(JIAOLING, '蕉城镇');
  const zhongHG = b.person(hh, 'M', Y - 81, '户主', { name: '钟汉光' });
  const gu = b.person(hh, 'F', Y - 78, '配偶', { name: '古桂英' });
  registerMarriage(b, 'marriage', zhongHG, gu, at(56, 40), hh.area);
  const deathCert = death(b, zhongHG, hh, today - 1, { deregDay: today - 1, cremationDay: null });
  pension(b, zhongHG, 'paying');
  pension(b, gu, 'paying');
  b.emitHousehold(hh);
  add(
    'deceased-yesterday-pensioner',
    zhongHG,
    `died ${iso(today - 1)}; 死亡医学证明 ${deathCert}; pension still paying`,
    { spouse: gu.id },
  );
  add('living-pensioner', gu, '在世，养老金正常发放 alive, pension paying', { spouse: zhongHG.id });

  // Died two years ago: deregistered, death certificate, cremated, pension ended.
  hh = home(PINGYUAN, '大柘镇');
  const wen = b.person(hh, 'M', Y - 84, '户主', { name: '温福生' });
  const xie = b.person(hh, 'F', Y - 80, '配偶', { name: '谢玉兰' });
  registerMarriage(b, 'marriage', wen, xie, at(60, 300), hh.area);
  const wenCert = death(b, wen, hh, today - 700, { deregDay: today - 697, cremationDay: today - 698 });
  pension(b, wen, 'ended');
  pension(b, xie, 'paying');
  b.emitHousehold(hh);
  add(
    'deregistered-deceased',
    wen,
    `died ${iso(today - 700)}; 死亡医学证明 ${wenCert}; cremated; deregistered`,
  );

  // Never married, no property, insured.
  hh = home(WUHUA, '水寨镇');
  const zeng = b.person(hh, 'M', Y - 35, '户主', { name: '曾志伟' });
  insure(b, zeng, at(12, 10), 'active', b.employers[0]);
  b.emitHousehold(hh);
  add('never-married', zeng, '未婚，无婚姻登记 no marriage registration');
  add('no-property', zeng, '无不动产登记 no registered property');
  add('insured-worker', zeng, `参保 insured at ${b.employers[0]!.name}`);

  // Married, divorced, married again: the latest registration is a marriage.
  hh = home(FENGSHUN, '汤坑镇');
  const yang = b.person(hh, 'M', Y - 50, '户主', { name: '杨振华' });
  const liao = b.person(hh, 'F', Y - 44, '配偶', { name: '廖慧敏' });
  const xiaolin = b.person(hh, 'F', Y - 13, '女', { name: '杨晓琳' });
  const ex = b.outsider('F', Y - 49, { name: '吴丽娟' });
  registerMarriage(b, 'marriage', yang, ex, at(26, 150), hh.area);
  registerMarriage(b, 'divorce', yang, ex, at(19, 40), hh.area);
  registerMarriage(b, 'marriage', yang, liao, at(16, 300), hh.area);
  birthCertificate(b, xiaolin, liao, yang, hh.area);
  b.emitHousehold(hh);
  add(
    'divorced-remarried',
    yang,
    `married ${Y - 26}, divorced ${Y - 19}, married again ${Y - 16}; latest registration is a marriage`,
    { spouse: liao.id, former_spouse: ex.id },
  );

  // A name with a character outside the Basic Multilingual Plane.
  hh = home(DABU, '湖寮镇');
  const rare = b.person(hh, 'M', Y - 47, '户主', { name: '古𠀾生' });
  const qiu = b.person(hh, 'F', Y - 45, '配偶', { name: '邱丽华' });
  registerMarriage(b, 'marriage', rare, qiu, at(22, 210), hh.area);
  b.emitHousehold(hh);
  add('rare-character-name', rare, '姓名含生僻字 𠀾 (U+2003E, outside the BMP)');

  // The rare records.
  hh = home(MEIJIANG, '江南街道');
  const zhang = b.person(hh, 'M', Y - 33, '户主', { name: '张伟强' });
  const crimeNo = crime(b, zhang, hh.area, at(7, 100), '盗窃罪');
  b.emitHousehold(hh);
  add('criminal-record', zhang, `违法犯罪记录 criminal record ${crimeNo} (盗窃罪)`);

  hh = home(XINGNING, '坭陂镇');
  const lai = b.person(hh, 'M', Y - 38, '户主', { name: '赖国栋' });
  const notice = wanted(b, lai, hh.area, today - 400);
  b.emitHousehold(hh);
  add('wanted', lai, `在逃人员 wanted, notice ${notice}`);

  hh = home(WUHUA, '华城镇');
  const zhu = b.person(hh, 'M', Y - 29, '户主', { name: '朱俊杰' });
  const drugNo = drug(b, zhu, hh.area, today - 900);
  b.emitHousehold(hh);
  add('drug-record', zhu, `禁毒记录 drug-control record ${drugNo}`);

  // Two different people with the same name.
  hh = home(MEIJIANG, '西郊街道');
  const li1 = b.person(hh, 'M', Y - 45, '户主', { name: '李志强' });
  b.emitHousehold(hh);
  hh = home(XINGNING, '福兴街道');
  const li2 = b.person(hh, 'M', Y - 52, '户主', { name: '李志强' });
  b.emitHousehold(hh);
  add('duplicate-name', li1, '同名不同人 another resident has the same name', { namesake: li2.id });

  // A household that moved away as a whole (迁出).
  hh = home(MEIXIAN, '松口镇');
  const he = b.person(hh, 'M', Y - 60, '户主', { name: '何建新' });
  const peng = b.person(hh, 'F', Y - 58, '配偶', { name: '彭淑贞' });
  registerMarriage(b, 'marriage', he, peng, at(35, 20), hh.area);
  b.emitHousehold(hh, { reason: 'emigration', day: today - 500 });
  add('deregistered-household', he, `整户迁出 household ${hh.no} moved away on ${iso(today - 500)}`, {
    member: peng.id,
  });
  return list;
}

/** The fixtures of the store's seeded city (empty when no city was seeded). */
export async function listFixtures(store: Store): Promise<Fixture[]> {
  const row = await store.db
    .selectFrom('platform_meta')
    .select('value')
    .where('key', '=', 'city.fixtures')
    .executeTakeFirst();
  return row ? (JSON.parse(row.value) as Fixture[]) : [];
}
