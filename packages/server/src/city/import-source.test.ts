import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type AppError, isAppError, makeResidentId } from '@certcloud/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../db/connection.ts';
import { createTestStore, TEST_DIALECTS } from '../db/test-dialects.ts';
import { importSourceFile } from './import-source.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certcloud-import-'));
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
};
const ids = Array.from({ length: 8 }, (_, i) =>
  makeResidentId('441402', `1990-01-${String(i + 10)}`, 11 + i * 2),
);
const HEADER = 'record_no,id_number,offence,judgment_date,court,sentence';
const csvLine = (i: number, id = ids[i]!, offence = '盗窃罪') =>
  `XF-${i},${id},${offence},2020-05-0${(i % 9) + 1},梅州市梅江区人民法院,有期徒刑一年`;
const rejection = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(isAppError(e) && e.code).toBe('IMPORT_REJECTED');
  return (e as AppError).details as { errors: { line: number; column: string | null; reason: string }[] };
};

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe.each(TEST_DIALECTS)('import on %s', (dialect) => {
  let store: Store & { dispose(): Promise<void> };
  const records = () => store.db.selectFrom('src_criminal_record').selectAll().orderBy('record_no').execute();
  beforeAll(async () => {
    store = await createTestStore(dialect);
  });
  afterAll(async () => {
    await store.dispose();
  });

  it('rejects a file with a wrong check character on line 7 whole, naming line 7', async () => {
    const bad = ids[5]!.slice(0, 17) + (ids[5]!.endsWith('1') ? '2' : '1');
    const lines = [HEADER, ...ids.map((_, i) => (i === 5 ? csvLine(i, bad) : csvLine(i)))];
    const details = await rejection(
      importSourceFile(store, 'criminal_record', write('bad.csv', lines.join('\n'))),
    );
    expect(details.errors).toEqual([{ line: 7, column: 'id_number', reason: 'ID_CHECKSUM' }]);
    expect(await records()).toHaveLength(0);
  });

  it('upserts a good file by primary key', async () => {
    const first = [HEADER, csvLine(0), csvLine(1), csvLine(2)].join('\n');
    expect(await importSourceFile(store, 'src_criminal_record', write('a.csv', first))).toEqual({
      source: 'src_criminal_record',
      rows: 3,
    });
    const second = [HEADER, csvLine(1, ids[1], '诈骗罪'), csvLine(3)].join('\r\n');
    await importSourceFile(store, 'criminal_record', write('b.csv', second));
    const rows = await records();
    expect(rows.map((r) => r.record_no)).toEqual(['XF-0', 'XF-1', 'XF-2', 'XF-3']);
    expect(rows[1]?.offence).toBe('诈骗罪');
  });

  it('names the line of each bad object in a JSON file and checks dates, enums and required fields', async () => {
    const text = `[
  {"id_number": "${ids[0]}", "start_date": "2020-01-01", "monthly_amount_cents": 250000, "status": "paying"},
  {"id_number": "${ids[1]}", "start_date": "2021-02-30", "monthly_amount_cents": 250000, "status": "paying"},
  {
    "id_number": "${ids[2]}", "start_date": "2020-01-01", "monthly_amount_cents": "lots", "status": "gone"
  }
]`;
    const details = await rejection(importSourceFile(store, 'pensioner', write('p.json', text)));
    expect(details.errors).toEqual([
      { line: 3, column: 'start_date', reason: 'BAD_DATE' },
      { line: 4, column: 'monthly_amount_cents', reason: 'NOT_A_NUMBER' },
      { line: 4, column: 'status', reason: 'NOT_ONE_OF paying|suspended|ended' },
    ]);
    expect(await store.db.selectFrom('src_pensioner').selectAll().execute()).toHaveLength(0);
  });

  it('reports a missing required column and an unknown source', async () => {
    const details = await rejection(
      importSourceFile(store, 'wanted', write('w.csv', `record_no,id_number\nZT1,${ids[0]}\n`)),
    );
    expect(details.errors[0]).toEqual({ line: 1, column: 'case_no', reason: 'MISSING_COLUMN' });
    await expect(importSourceFile(store, 'weather', write('x.csv', 'a\n1'))).rejects.toSatisfy(
      (e) => isAppError(e) && e.code === 'VALIDATION_FAILED',
    );
  });
});
