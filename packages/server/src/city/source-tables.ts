// The department source tables (src_*) as data: columns, types and keys. The bulk writer, the digest and
// the importer all read this one description, so they cannot disagree about a table.
import type { Database } from '../db/schema.ts';

/** Names of the source tables. */
export type SourceTableName = Extract<keyof Database, `src_${string}`>;

/** How a column is checked on import and bound on PostgreSQL. */
export type ColumnType = 'text' | 'integer' | 'real' | 'date' | 'resident-id' | 'uscc' | 'area-code';

/** One column of a source table. */
export interface ColumnDef {
  name: string;
  type: ColumnType;
  required: boolean;
  oneOf?: readonly string[];
}

/** One source table. */
export interface SourceTable {
  name: SourceTableName;
  /** 中文 name, for people reading import errors and the fixtures table. */
  title: string;
  key: readonly string[];
  columns: readonly ColumnDef[];
}

const c = (name: string, type: ColumnType, required = true, oneOf?: readonly string[]): ColumnDef =>
  oneOf ? { name, type, required, oneOf } : { name, type, required };

/** Every source table, in a fixed order (the digest hashes them in this order). */
export const SOURCE_TABLES: readonly SourceTable[] = [
  {
    name: 'src_household',
    title: '户籍',
    key: ['id_number'],
    columns: [
      c('id_number', 'resident-id'),
      c('name', 'text'),
      c('gender', 'text', true, ['M', 'F']),
      c('birth_date', 'date'),
      c('ethnicity', 'text'),
      c('area_code', 'area-code'),
      c('address', 'text'),
      c('household_no', 'text'),
      c('relation_to_head', 'text'),
      c('police_station', 'text'),
      c('status', 'text', true, ['registered', 'deregistered']),
      c('dereg_reason', 'text', false, ['death', 'emigration', 'military', 'other']),
      c('dereg_date', 'date', false),
    ],
  },
  {
    name: 'src_criminal_record',
    title: '违法犯罪信息',
    key: ['record_no'],
    columns: [
      c('record_no', 'text'),
      c('id_number', 'resident-id'),
      c('offence', 'text'),
      c('judgment_date', 'date'),
      c('court', 'text'),
      c('sentence', 'text'),
    ],
  },
  {
    name: 'src_wanted',
    title: '在逃人员',
    key: ['record_no'],
    columns: [
      c('record_no', 'text'),
      c('id_number', 'resident-id'),
      c('case_no', 'text'),
      c('issued_date', 'date'),
      c('agency', 'text'),
    ],
  },
  {
    name: 'src_drug_control',
    title: '禁毒',
    key: ['record_no'],
    columns: [
      c('record_no', 'text'),
      c('id_number', 'resident-id'),
      c('measure', 'text', true, ['community-rehab', 'compulsory-rehab']),
      c('start_date', 'date'),
      c('end_date', 'date', false),
    ],
  },
  {
    name: 'src_marriage',
    title: '婚姻登记',
    key: ['record_no'],
    columns: [
      c('record_no', 'text'),
      c('kind', 'text', true, ['marriage', 'divorce']),
      c('party_a', 'resident-id'),
      c('party_b', 'resident-id'),
      c('reg_date', 'date'),
      c('office', 'text'),
    ],
  },
  {
    name: 'src_cremation',
    title: '火化记录',
    key: ['record_no'],
    columns: [
      c('record_no', 'text'),
      c('id_number', 'resident-id'),
      c('cremation_date', 'date'),
      c('funeral_home', 'text'),
    ],
  },
  {
    name: 'src_birth_certificate',
    title: '出生医学证明',
    key: ['cert_no'],
    columns: [
      c('cert_no', 'text'),
      c('child_id', 'resident-id'),
      c('child_name', 'text'),
      c('mother_id', 'resident-id'),
      c('father_id', 'resident-id', false),
      c('hospital', 'text'),
      c('birth_date', 'date'),
    ],
  },
  {
    name: 'src_death_certificate',
    title: '居民死亡医学证明',
    key: ['cert_no'],
    columns: [
      c('cert_no', 'text'),
      c('id_number', 'resident-id'),
      c('death_date', 'date'),
      c('hospital', 'text'),
    ],
  },
  {
    name: 'src_insured',
    title: '参保人员',
    key: ['id_number'],
    columns: [
      c('id_number', 'resident-id'),
      c('employer', 'text'),
      c('employer_uscc', 'uscc'),
      c('start_date', 'date'),
      c('months_paid', 'integer'),
      c('status', 'text', true, ['active', 'suspended', 'ended']),
    ],
  },
  {
    name: 'src_pensioner',
    title: '养老金领取人员',
    key: ['id_number'],
    columns: [
      c('id_number', 'resident-id'),
      c('start_date', 'date'),
      c('monthly_amount_cents', 'integer'),
      c('status', 'text', true, ['paying', 'suspended', 'ended']),
    ],
  },
  {
    name: 'src_real_estate',
    title: '不动产登记',
    key: ['cert_no'],
    columns: [
      c('cert_no', 'text'),
      c('owner_id', 'resident-id'),
      c('address', 'text'),
      c('area_m2', 'real'),
      c('reg_date', 'date'),
    ],
  },
];

/** The table description for a source name, with or without the `src_` prefix; undefined if unknown. */
export function sourceTable(name: string): SourceTable | undefined {
  const full = name.startsWith('src_') ? name : `src_${name}`;
  return SOURCE_TABLES.find((t) => t.name === full);
}

/** Rows of every source table, filled by the generator and emptied by the writer. */
export type CityBatch = { [T in SourceTableName]: Database[T][] };

/** An empty batch. */
export function emptyBatch(): CityBatch {
  return Object.fromEntries(SOURCE_TABLES.map((t) => [t.name, []])) as unknown as CityBatch;
}

/** Rows sorted by a key column: inserting in key order keeps B-tree inserts local (about 20 % less CPU). */
export function sortByKey<T>(rows: T[], key: string): T[] {
  const k = key as keyof T;
  return rows.sort((a, b) => (a[k] < b[k] ? -1 : a[k] > b[k] ? 1 : 0));
}
