import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '@certcloud/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDepartmentServer } from '../../connectors/department-server.test-support.ts';
import { createTestStore, TEST_DIALECTS } from '../../db/test-dialects.ts';
import { gatherFacts } from './gather-facts.ts';
import { createSourceRegistry, type SourceRegistry } from './source-registry.ts';

const WANTED = '441402198501015117';
const CLEAN = '441402199203034528';
const SECRET = 'rs-secret';

describe.each(TEST_DIALECTS)('gatherFacts on %s', (dialect) => {
  let store: Awaited<ReturnType<typeof createTestStore>>;
  let registry: SourceRegistry;
  let dept: Awaited<ReturnType<typeof startDepartmentServer>>;
  const catalogueDir = fs.mkdtempSync(path.join(os.tmpdir(), 'catalogue-'));

  beforeAll(async () => {
    store = await createTestStore(dialect);
    await store.db
      .insertInto('departments')
      .values([
        dept_('MZ-GA', '梅州市公安局', '0753-2188110'),
        dept_('MZ-RS', '梅州市人力资源和社会保障局', '0753-2242512'),
      ])
      .execute();
    await store.db
      .insertInto('src_wanted')
      .values({
        record_no: 'W1',
        id_number: WANTED,
        case_no: 'A2026-1',
        issued_date: '2026-01-02',
        agency: '梅州市公安局',
      })
      .execute();
    dept = await startDepartmentServer({
      secret: SECRET,
      records: { [CLEAN]: [{ id_number: CLEAN, status: 'paying' }] },
    });
    fs.mkdirSync(path.join(catalogueDir, 'sources'));
    const write = (id: string, def: object) =>
      fs.writeFileSync(path.join(catalogueDir, 'sources', `${id}.json`), JSON.stringify({ id, ...def }));
    write('wanted', {
      department: 'MZ-GA',
      name: '在逃人员信息',
      nameEn: 'Wanted persons',
      keyFields: ['id_number'],
      fields: { record_no: 'string', id_number: 'residentId', case_no: 'string' },
      freshness: 'realtime',
      connector: { kind: 'table', table: 'src_wanted' },
    });
    write('pensioner', {
      department: 'MZ-RS',
      name: '养老金领取人员',
      nameEn: 'Pensioners',
      keyFields: ['id_number'],
      fields: { id_number: 'residentId', status: 'string' },
      freshness: 'realtime',
      timeoutMs: 300,
      connector: {
        kind: 'http',
        url: dept.url,
        auth: { kind: 'hmac-sha256', keyId: 'certcloud', secretName: 'RS' },
        retries: 0,
      },
    });
    registry = await createSourceRegistry(store, {
      catalogueDir,
      sourceSecrets: { RS: SECRET },
      sourceTimeoutMs: 2000,
    });
  });

  afterAll(async () => {
    await registry.close();
    await dept.close();
    await store.dispose();
    fs.rmSync(catalogueDir, { recursive: true, force: true });
  });

  it('reads every source in parallel, with provenance', async () => {
    const facts = await gatherFacts(registry, CLEAN, ['wanted', 'pensioner']);
    expect(facts['wanted']?.records).toEqual([]);
    expect(facts['pensioner']?.records).toEqual([{ id_number: CLEAN, status: 'paying' }]);
    expect(facts['pensioner']?.provenance).toMatchObject({ source: 'pensioner', department: 'MZ-RS' });
    const wanted = await gatherFacts(registry, WANTED, ['wanted']);
    expect(wanted['wanted']?.records).toMatchObject([{ case_no: 'A2026-1' }]);
  });

  it('never turns a department that is down into "no record": it names the department and its phone', async () => {
    for (const behaviour of ['error', 'slow', 'malformed', 'bad-signature'] as const) {
      dept.behaviour = behaviour;
      const err = await gatherFacts(registry, CLEAN, ['wanted', 'pensioner']).catch((e: unknown) => e);
      expect(err, behaviour).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('SOURCE_UNAVAILABLE');
      expect((err as AppError).details).toMatchObject({
        unavailable: [
          { source: 'pensioner', departmentName: '梅州市人力资源和社会保障局', phone: '0753-2242512' },
        ],
      });
    }
    dept.behaviour = 'ok';
  });

  it('refuses to start on a bad source file, naming the file and the field', async () => {
    const bad = fs.mkdtempSync(path.join(os.tmpdir(), 'catalogue-bad-'));
    fs.mkdirSync(path.join(bad, 'sources'));
    fs.writeFileSync(
      path.join(bad, 'sources', 'broken.json'),
      JSON.stringify({
        id: 'broken',
        department: 'MZ-GA',
        name: 'x',
        nameEn: 'x',
        keyFields: [],
        fields: {},
        freshness: 'daily',
        connector: { kind: 'table', table: 'persons' },
      }),
    );
    const err = await createSourceRegistry(store, {
      catalogueDir: bad,
      sourceSecrets: {},
      sourceTimeoutMs: 1,
    }).catch((e: unknown) => e as AppError);
    expect((err as AppError).code).toBe('CONFIG_INVALID');
    expect((err as AppError).message).toMatch(/broken\.json: keyFields/);
    expect((err as AppError).message).toMatch(/broken\.json: connector\.table/);
    fs.rmSync(bad, { recursive: true, force: true });
  });
});

function dept_(code: string, name: string, phone: string) {
  return {
    code,
    kind: 'test',
    parent_code: null,
    name,
    name_en: name,
    uscc: '11441400MB2C12345X',
    area_code: '441400',
    address: '梅州市梅江区',
    phone,
    office_hours: '周一至周五 8:30-17:30',
  };
}
