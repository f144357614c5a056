import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type SourceDefinition, sourceSchema } from '@certcloud/core';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { SourceReadError } from './connector.ts';
import { sqlConnector } from './sql.connector.ts';

const PERSON = '441402199001011234';
const pgUrl = process.env['CERTCLOUD_TEST_PG_URL'];

function definition(url: string, query: string): SourceDefinition {
  return sourceSchema.parse({
    id: 'dept-insured',
    department: 'MZ-RS',
    name: '参保信息（部门库）',
    nameEn: 'Insured (department database)',
    keyFields: ['id_number'],
    fields: { id_number: 'residentId', employer: 'string', start_date: 'date', months_paid: 'integer' },
    freshness: 'realtime',
    connector: { kind: 'sql', url, query },
  });
}

const QUERY =
  'select sfzh as id_number, dwmc as employer, cbrq as start_date, jfys as months_paid from cbry where sfzh = :subject';

describe('sql connector against a department SQLite file', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dept-'));
  const file = path.join(dir, 'rs.db');
  const dept = new SQLite(file);
  dept.exec('create table cbry (sfzh text, dwmc text, cbrq text, jfys integer)');
  dept.prepare('insert into cbry values (?, ?, ?, ?)').run(PERSON, '梅州市某某公司', '2015-03-01', 118);
  dept.close();
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads typed records by the subject parameter', async () => {
    const c = sqlConnector(definition(file, QUERY), {}, 2000);
    expect(await c.read(PERSON, new AbortController().signal)).toEqual([
      { id_number: PERSON, employer: '梅州市某某公司', start_date: '2015-03-01', months_paid: 118 },
    ]);
    expect(await c.read("x' or '1'='1", new AbortController().signal)).toEqual([]);
    await c.close();
  });

  it('never writes to the department database', async () => {
    const c = sqlConnector(
      definition(file, 'select * from cbry where sfzh = :subject; delete from cbry'),
      {},
      2000,
    );
    await expect(c.read(PERSON, new AbortController().signal)).rejects.toBeInstanceOf(SourceReadError);
    await c.close();
    const check = new SQLite(file, { readonly: true });
    expect(check.prepare('select count(*) n from cbry').get()).toEqual({ n: 1 });
    check.close();
  });
});

describe.skipIf(!pgUrl)('sql connector against a department PostgreSQL schema', () => {
  const schema = `dept_rs_${process.pid}`;
  const admin = new pg.Client({ connectionString: pgUrl });
  const withSchema = () => {
    const u = new URL(pgUrl!);
    u.searchParams.set('options', `-c search_path=${schema}`);
    return u.toString();
  };
  afterAll(async () => {
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  });

  it('reads records, and a write attempt is refused by the read-only session', async () => {
    await admin.connect();
    await admin.query(`create schema ${schema}`);
    await admin.query(`create table ${schema}.cbry (sfzh text, dwmc text, cbrq date, jfys integer)`);
    await admin.query(`insert into ${schema}.cbry values ($1, '梅州市某某公司', '2015-03-01', 118)`, [
      PERSON,
    ]);
    const c = sqlConnector(definition(pgUrl!, QUERY.replace('from cbry', `from ${schema}.cbry`)), {}, 2000);
    expect(await c.read(PERSON, new AbortController().signal)).toEqual([
      { id_number: PERSON, employer: '梅州市某某公司', start_date: '2015-03-01', months_paid: 118 },
    ]);
    await c.close();
    const writer = sqlConnector(
      definition(
        withSchema(),
        `with d as (delete from ${schema}.cbry where sfzh = :subject returning *) select * from d`,
      ),
      {},
      2000,
    );
    const err = await writer.read(PERSON, new AbortController().signal).catch((e) => e);
    expect(err).toBeInstanceOf(SourceReadError);
    await writer.close();
    expect((await admin.query(`select count(*)::int n from ${schema}.cbry`)).rows[0]).toEqual({ n: 1 });
  });

  it('times out a slow query with the statement timeout', async () => {
    const c = sqlConnector(
      definition(pgUrl!, 'select pg_sleep(2)::text as id_number where :subject::text is not null'),
      {},
      200,
    );
    const err = await c.read(PERSON, new AbortController().signal).catch((e) => e);
    expect(err).toBeInstanceOf(SourceReadError);
    expect((err as SourceReadError).reason).toBe('timeout');
    await c.close();
  });
});
