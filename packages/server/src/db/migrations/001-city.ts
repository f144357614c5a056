// Departments, police stations and the department source tables that the `table` connector reads.
// Dates are ISO text (YYYY-MM-DD) so both dialects store and compare them identically.
import type { Kysely } from 'kysely';

/** Creates the city's reference data and source tables. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('departments')
    .addColumn('code', 'text', (c) => c.primaryKey()) // e.g. MZ-GA (公安局), MZ-GA-441402-01 (a police station)
    .addColumn('kind', 'text', (c) => c.notNull()) // public-security | police-station | civil-affairs | ...
    .addColumn('parent_code', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('uscc', 'text', (c) => c.notNull())
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('office_hours', 'text', (c) => c.notNull())
    .execute();
  // 辖区: which streets/towns (乡镇街道) of an area a police station covers.
  await db.schema
    .createTable('jurisdictions')
    .addColumn('station_code', 'text', (c) => c.notNull().references('departments.code'))
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('town', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('jurisdictions_pk', ['station_code', 'town'])
    .execute();

  // 户籍: household register (公安局).
  await db.schema
    .createTable('src_household')
    .addColumn('id_number', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('gender', 'text', (c) => c.notNull()) // M | F
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('ethnicity', 'text', (c) => c.notNull())
    .addColumn('area_code', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('household_no', 'text', (c) => c.notNull())
    .addColumn('relation_to_head', 'text', (c) => c.notNull()) // 户主 | 配偶 | 子 | 女 | 父亲 | 母亲 | ...
    .addColumn('police_station', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // registered | deregistered
    .addColumn('dereg_reason', 'text') // death | emigration | military | other
    .addColumn('dereg_date', 'text')
    .execute();
  // 违法犯罪信息: criminal records.
  await db.schema
    .createTable('src_criminal_record')
    .addColumn('record_no', 'text', (c) => c.primaryKey())
    .addColumn('id_number', 'text', (c) => c.notNull())
    .addColumn('offence', 'text', (c) => c.notNull())
    .addColumn('judgment_date', 'text', (c) => c.notNull())
    .addColumn('court', 'text', (c) => c.notNull())
    .addColumn('sentence', 'text', (c) => c.notNull())
    .execute();
  // 在逃人员: wanted persons.
  await db.schema
    .createTable('src_wanted')
    .addColumn('record_no', 'text', (c) => c.primaryKey())
    .addColumn('id_number', 'text', (c) => c.notNull())
    .addColumn('case_no', 'text', (c) => c.notNull())
    .addColumn('issued_date', 'text', (c) => c.notNull())
    .addColumn('agency', 'text', (c) => c.notNull())
    .execute();
  // 禁毒: drug-control records.
  await db.schema
    .createTable('src_drug_control')
    .addColumn('record_no', 'text', (c) => c.primaryKey())
    .addColumn('id_number', 'text', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull()) // community-rehab | compulsory-rehab
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .execute();
  // 婚姻登记: marriage and divorce registrations (民政局).
  await db.schema
    .createTable('src_marriage')
    .addColumn('record_no', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull()) // marriage | divorce
    .addColumn('party_a', 'text', (c) => c.notNull()) // husband's ID
    .addColumn('party_b', 'text', (c) => c.notNull()) // wife's ID
    .addColumn('reg_date', 'text', (c) => c.notNull())
    .addColumn('office', 'text', (c) => c.notNull())
    .execute();
  // 火化记录: cremation records (民政局, funeral homes).
  await db.schema
    .createTable('src_cremation')
    .addColumn('record_no', 'text', (c) => c.primaryKey())
    .addColumn('id_number', 'text', (c) => c.notNull())
    .addColumn('cremation_date', 'text', (c) => c.notNull())
    .addColumn('funeral_home', 'text', (c) => c.notNull())
    .execute();
  // 出生医学证明: birth medical certificates (卫生健康局).
  await db.schema
    .createTable('src_birth_certificate')
    .addColumn('cert_no', 'text', (c) => c.primaryKey())
    .addColumn('child_id', 'text', (c) => c.notNull())
    .addColumn('child_name', 'text', (c) => c.notNull())
    .addColumn('mother_id', 'text', (c) => c.notNull())
    .addColumn('father_id', 'text')
    .addColumn('hospital', 'text', (c) => c.notNull())
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .execute();
  // 居民死亡医学证明: medical death certificates (卫生健康局).
  await db.schema
    .createTable('src_death_certificate')
    .addColumn('cert_no', 'text', (c) => c.primaryKey())
    .addColumn('id_number', 'text', (c) => c.notNull())
    .addColumn('death_date', 'text', (c) => c.notNull())
    .addColumn('hospital', 'text', (c) => c.notNull())
    .execute();
  // 参保人员: insured persons and contributions (人社局).
  await db.schema
    .createTable('src_insured')
    .addColumn('id_number', 'text', (c) => c.primaryKey())
    .addColumn('employer', 'text', (c) => c.notNull())
    .addColumn('employer_uscc', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('months_paid', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // active | suspended | ended
    .execute();
  // 养老金领取人员: pensioners (人社局).
  await db.schema
    .createTable('src_pensioner')
    .addColumn('id_number', 'text', (c) => c.primaryKey())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('monthly_amount_cents', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // paying | suspended | ended
    .execute();
  // 不动产登记: real-estate ownership (自然资源局 不动产登记中心).
  await db.schema
    .createTable('src_real_estate')
    .addColumn('cert_no', 'text', (c) => c.primaryKey())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('area_m2', 'real', (c) => c.notNull())
    .addColumn('reg_date', 'text', (c) => c.notNull())
    .execute();

  // Lookup indexes for the subject key of each source (the primary keys cover the rest).
  const indexes: [string, string][] = [
    ['src_household', 'household_no'],
    ['src_criminal_record', 'id_number'],
    ['src_wanted', 'id_number'],
    ['src_drug_control', 'id_number'],
    ['src_marriage', 'party_a'],
    ['src_marriage', 'party_b'],
    ['src_cremation', 'id_number'],
    ['src_birth_certificate', 'child_id'],
    ['src_birth_certificate', 'mother_id'],
    ['src_birth_certificate', 'father_id'],
    ['src_death_certificate', 'id_number'],
    ['src_real_estate', 'owner_id'],
  ];
  for (const [table, column] of indexes) {
    await db.schema.createIndex(`${table}_${column}_idx`).on(table).column(column).execute();
  }
}
