import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, TEST_DIALECTS } from '../../db/test-dialects.ts';
import { householdRelation, proveRelation } from './relations.ts';

// A tiny family, by hand: head F, spouse M (配偶), child C (子); F's mother G in another household
// (proven by F's birth certificate); a divorced pair D1/D2; a stranger S.
const F = '441402198001010011';
const M = '441402198202020022';
const C = '441402201003030031';
const G = '441402195504040044';
const S = '441402199005050055'; // a stranger
const D1 = '441402197506060017';
const D2 = '441402197707070028';
const person = (id: string, household: string, relation: string) => ({
  id_number: id,
  name: `人${id.slice(-4)}`,
  gender: 'M' as const,
  birth_date: '1980-01-01',
  ethnicity: '汉族',
  area_code: '441402',
  address: '梅江区某路1号',
  household_no: household,
  relation_to_head: relation,
  police_station: 'MZ-GA-441402-01',
  status: 'registered' as const,
  dereg_reason: null,
  dereg_date: null,
});

describe.each(TEST_DIALECTS)('proveRelation (%s)', (dialect) => {
  let store: Awaited<ReturnType<typeof createTestStore>>;
  beforeAll(async () => {
    store = await createTestStore(dialect);
    await store.db
      .insertInto('src_household')
      .values([
        person(F, 'H1', '户主'),
        person(M, 'H1', '配偶'),
        person(C, 'H1', '子'),
        person(G, 'H2', '户主'),
        person(S, 'H3', '户主'),
        person(D1, 'H4', '户主'),
        person(D2, 'H5', '户主'),
      ])
      .execute();
    const birth = (no: string, child: string, mother: string, father: string | null) => ({
      cert_no: no,
      child_id: child,
      child_name: 'x',
      mother_id: mother,
      father_id: father,
      hospital: '梅州市人民医院',
      birth_date: '2010-03-03',
    });
    await store.db
      .insertInto('src_birth_certificate')
      .values([birth('B1', C, M, F), birth('B2', F, G, null)])
      .execute();
    const reg = (no: string, kind: 'marriage' | 'divorce', a: string, b: string, date: string) => ({
      record_no: no,
      kind,
      party_a: a,
      party_b: b,
      reg_date: date,
      office: '梅江区民政局',
    });
    await store.db
      .insertInto('src_marriage')
      .values([
        reg('M1', 'marriage', F, M, '2008-01-01'),
        reg('M2', 'marriage', D1, D2, '2000-01-01'),
        reg('M3', 'divorce', D1, D2, '2015-01-01'),
      ])
      .execute();
  });
  afterAll(() => store.dispose());

  it('proves self, parents, children and spouses from the registers', async () => {
    expect(await proveRelation(store.db, C, C)).toBe('self');
    expect(await proveRelation(store.db, M, C)).toBe('parent'); // birth certificate, mother
    expect(await proveRelation(store.db, C, F)).toBe('child'); // birth certificate, father
    expect(await proveRelation(store.db, G, F)).toBe('parent'); // other household, birth certificate
    expect(await proveRelation(store.db, F, M)).toBe('spouse'); // marriage registration
  });

  it('refuses strangers, grandparents and divorced spouses', async () => {
    expect(await proveRelation(store.db, S, C)).toBeNull();
    expect(await proveRelation(store.db, G, C)).toBeNull(); // grandparent: not a proven direct relation
    expect(await proveRelation(store.db, D1, D2)).toBeNull(); // latest registration is a divorce
  });

  it('reads the household register when no certificate exists', () => {
    expect(householdRelation('户主', '长女')).toBe('parent');
    expect(householdRelation('次子', '户主')).toBe('child');
    expect(householdRelation('配偶', '户主')).toBe('spouse');
    expect(householdRelation('配偶', '子')).toBeNull(); // not stated by the register: needs a birth certificate
    expect(householdRelation('孙子', '户主')).toBeNull();
  });
});
