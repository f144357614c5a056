import { isAppError, validateResidentId } from '@certcloud/core';
import { afterAll, describe, expect, it } from 'vitest';
import type { Store } from '../db/connection.ts';
import { createTestStore, TEST_DIALECTS } from '../db/test-dialects.ts';
import { cityDigest } from './digest.ts';
import { type Fixture, listFixtures } from './fixtures.ts';
import { seedCity } from './seed-city.ts';

const TODAY = '2026-12-03';
const YESTERDAY = '2026-12-02';
const N = 2000;
const digests = new Map<string, string>();

describe.each(TEST_DIALECTS)('synthetic city on %s', (dialect) => {
  let store: Store & { dispose(): Promise<void> };
  let fixtures: Fixture[];
  const byCase = (c: string) => {
    const f = fixtures.find((x) => x.case === c);
    if (!f) throw new Error(`fixture ${c} missing`);
    return f;
  };
  const household = (id: string) =>
    store.db.selectFrom('src_household').selectAll().where('id_number', '=', id).executeTakeFirstOrThrow();
  const count = async (table: 'src_criminal_record' | 'src_wanted' | 'src_drug_control', id: string) =>
    (await store.db.selectFrom(table).select('record_no').where('id_number', '=', id).execute()).length;

  afterAll(async () => {
    await store?.dispose();
  });

  it('seeds N residents deterministically and records the seed', async () => {
    store = await createTestStore(dialect);
    const params = await seedCity(store, { residents: N, seed: 7, today: TODAY });
    expect(params).toMatchObject({ residents: N, seed: 7, today: TODAY });
    const rows = await store.db.selectFrom('src_household').select('id_number').execute();
    expect(rows).toHaveLength(N);
    expect(rows.every((r) => validateResidentId(r.id_number, '20261203').ok)).toBe(true);
    const digest = await cityDigest(store);
    digests.set(dialect, digest);
    // The same city on every dialect under test.
    for (const other of digests.values()) expect(other).toBe(digest);
    fixtures = await listFixtures(store);
  });

  it('refuses to seed over a city unless told to replace it, and a new seed gives a new city', async () => {
    const again = seedCity(store, { residents: N, seed: 7, today: TODAY });
    await expect(again).rejects.toSatisfy((e) => isAppError(e) && e.code === 'CONFLICT');
    await seedCity(store, { residents: N, seed: 8, today: TODAY, replace: true });
    expect(await cityDigest(store)).not.toBe(digests.get(dialect));
    await seedCity(store, { residents: N, seed: 7, today: TODAY, replace: true, parallel: true });
    expect(await cityDigest(store)).toBe(digests.get(dialect));
  });

  it('contains every deliberate case, with valid IDs', () => {
    const cases = new Set(fixtures.map((f) => f.case));
    for (const c of [
      'clean-adult',
      'criminal-record',
      'wanted',
      'drug-record',
      'living-pensioner',
      'deceased-yesterday-pensioner',
      'deregistered-deceased',
      'never-married',
      'married',
      'divorced-remarried',
      'rare-character-name',
      'parent-of-adult-child',
      'spouse',
      'property-owner',
      'no-property',
      'insured-worker',
      'newborn',
    ])
      expect(cases).toContain(c);
    for (const f of fixtures) {
      expect(validateResidentId(f.id, '20261203').ok).toBe(true);
      for (const id of Object.values(f.related)) expect(validateResidentId(id, '20261203').ok).toBe(true);
    }
  });

  it('keeps the records of each case consistent across sources', async () => {
    const clean = byCase('clean-adult');
    expect((await household(clean.id)).status).toBe('registered');
    for (const t of ['src_criminal_record', 'src_wanted', 'src_drug_control'] as const)
      expect(await count(t, clean.id)).toBe(0);
    expect(await count('src_criminal_record', byCase('criminal-record').id)).toBe(1);
    expect(await count('src_wanted', byCase('wanted').id)).toBe(1);
    expect(await count('src_drug_control', byCase('drug-record').id)).toBe(1);

    const dead = byCase('deceased-yesterday-pensioner');
    expect(await household(dead.id)).toMatchObject({
      status: 'deregistered',
      dereg_reason: 'death',
      dereg_date: YESTERDAY,
    });
    const cert = await store.db
      .selectFrom('src_death_certificate')
      .selectAll()
      .where('id_number', '=', dead.id)
      .execute();
    expect(cert.map((c) => c.death_date)).toEqual([YESTERDAY]);
    const pension = await store.db
      .selectFrom('src_pensioner')
      .selectAll()
      .where('id_number', '=', dead.id)
      .executeTakeFirstOrThrow();
    expect(pension.status).toBe('paying');

    const living = byCase('living-pensioner');
    expect((await household(living.id)).status).toBe('registered');
    expect(
      (
        await store.db
          .selectFrom('src_pensioner')
          .select('status')
          .where('id_number', '=', living.id)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('paying');

    const gone = byCase('deregistered-deceased');
    expect(await household(gone.id)).toMatchObject({ status: 'deregistered', dereg_reason: 'death' });
    expect(
      await store.db
        .selectFrom('src_cremation')
        .select('record_no')
        .where('id_number', '=', gone.id)
        .execute(),
    ).toHaveLength(1);
  });

  it('links marriages, births and households the way the cases promise', async () => {
    const marriagesOf = (id: string) =>
      store.db
        .selectFrom('src_marriage')
        .selectAll()
        .where((eb) => eb.or([eb('party_a', '=', id), eb('party_b', '=', id)]))
        .orderBy('reg_date')
        .execute();
    expect(await marriagesOf(byCase('never-married').id)).toHaveLength(0);
    const married = byCase('married');
    expect((await marriagesOf(married.id)).map((m) => [m.kind, m.party_b])).toEqual([
      ['marriage', married.related['spouse']],
    ]);
    const spouse = byCase('spouse');
    expect((await marriagesOf(spouse.id))[0]?.party_a).toBe(spouse.related['spouse']);
    const remarried = byCase('divorced-remarried');
    const history = await marriagesOf(remarried.id);
    expect(history.map((m) => m.kind)).toEqual(['marriage', 'divorce', 'marriage']);
    expect(history[2]?.party_b).toBe(remarried.related['spouse']);

    const parent = byCase('parent-of-adult-child');
    const child = parent.related['child']!;
    const birth = await store.db
      .selectFrom('src_birth_certificate')
      .selectAll()
      .where('child_id', '=', child)
      .executeTakeFirstOrThrow();
    expect([birth.mother_id, birth.father_id]).toContain(parent.id);
    expect((await household(child)).household_no).toBe((await household(parent.id)).household_no);
    expect(Number(TODAY.slice(0, 4)) - Number(birth.birth_date.slice(0, 4))).toBeGreaterThanOrEqual(18);

    const baby = byCase('newborn');
    const babyCert = await store.db
      .selectFrom('src_birth_certificate')
      .selectAll()
      .where('child_id', '=', baby.id)
      .executeTakeFirstOrThrow();
    expect(baby.note).toContain(babyCert.cert_no);
    expect(babyCert.mother_id).toBe(baby.related['mother']);
    expect(babyCert.birth_date > '2026-11-01').toBe(true);
  });

  it('stores rare characters intact and keeps property, insurance and duplicate names', async () => {
    const rare = byCase('rare-character-name');
    expect([...rare.name].some((ch) => ch.codePointAt(0)! > 0xffff)).toBe(true);
    expect((await household(rare.id)).name).toBe(rare.name);
    const estates = (id: string) =>
      store.db.selectFrom('src_real_estate').select('cert_no').where('owner_id', '=', id).execute();
    expect(await estates(byCase('property-owner').id)).not.toHaveLength(0);
    expect(await estates(byCase('no-property').id)).toHaveLength(0);
    const insured = await store.db
      .selectFrom('src_insured')
      .selectAll()
      .where('id_number', '=', byCase('insured-worker').id)
      .executeTakeFirstOrThrow();
    expect(insured.status).toBe('active');
    const dup = byCase('duplicate-name');
    expect((await household(dup.related['namesake']!)).name).toBe(dup.name);
    const moved = await store.db
      .selectFrom('src_household')
      .selectAll()
      .where('household_no', '=', (await household(byCase('deregistered-household').id)).household_no)
      .execute();
    expect(moved.every((p) => p.status === 'deregistered' && p.dereg_reason === 'emigration')).toBe(true);
  });
});
