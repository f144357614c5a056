// Issuance on a seeded city: the deliberate edge cases of DESIGN §3, per certificate type, on each dialect.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError, chinaDate } from '@certcloud/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fixture, listFixtures } from '../../city/fixtures.ts';
import { seedCity } from '../../city/seed-city.ts';
import { loadConfig } from '../../config/config.ts';
import { createTestStore, TEST_DIALECTS } from '../../db/test-dialects.ts';
import type { Identity } from '../../http/identity.ts';
import { createPlatform, type Platform } from '../../platform.ts';
import { findDocument } from './certificates.repository.ts';
import { type IssuanceDeps, issueCertificate } from './issue-certificate.ts';

const hasPoppler =
  spawnSync('pdfsig', ['-v']).error === undefined && spawnSync('pdftotext', ['-v']).error === undefined;
if (!hasPoppler)
  console.warn(
    'poppler-utils (pdfsig, pdftotext) is not installed: PDF checks in issuance tests are SKIPPED',
  );

const resident = (idNumber: string): Identity => ({
  kind: 'resident',
  idNumber,
  accountId: 't',
  sessionId: 't',
});

/** The error an issuance attempt ends in (or 'issued'). */
async function failure(p: Promise<unknown>): Promise<AppError | 'issued'> {
  try {
    await p;
    return 'issued';
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
}

describe.each(TEST_DIALECTS)('issuing certificates on %s', (dialect) => {
  let store: Awaited<ReturnType<typeof createTestStore>>;
  let platform: Platform;
  let deps: IssuanceDeps;
  let fixtures: Map<string, Fixture>;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'certcloud-issue-'));
  const pdfs: { serial: string; file: string }[] = [];
  const person = (c: string) => {
    const f = fixtures.get(c);
    if (!f) throw new Error(`fixture ${c} missing`);
    return f;
  };
  const keep = async (certificateId: string, serial: string) => {
    const pdf = await findDocument(store.db, certificateId, 'pdf');
    const file = path.join(dataDir, `${serial}.pdf`);
    fs.writeFileSync(file, pdf!.content);
    pdfs.push({ serial, file });
    return file;
  };

  beforeAll(async () => {
    store = await createTestStore(dialect);
    await seedCity(store, { residents: 600, seed: 11, today: chinaDate(new Date()) });
    fixtures = new Map((await listFixtures(store)).map((f) => [f.case, f]));
    const config = loadConfig({ CERTCLOUD_DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    platform = await createPlatform(config, store);
    deps = { ...platform, store, publicUrl: config.publicUrl };
  });
  afterAll(async () => {
    await platform.close();
    await store.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a survival certificate for the pensioner who died yesterday, and records why', async () => {
    const dead = person('deceased-yesterday-pensioner');
    const err = await failure(
      issueCertificate(deps, resident(dead.id), { type: 'survival', purpose: '领取养老金' }),
    );
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('NOT_ELIGIBLE');
    expect((err as AppError).details?.['reason']).toMatchObject({
      zh: expect.stringContaining('无法开具生存状况证明'),
    });
    const app = await store.db
      .selectFrom('applications')
      .selectAll()
      .where('holder_id', '=', dead.id)
      .execute();
    expect(app).toMatchObject([{ outcome: 'refused', type: 'survival', certificate_id: null }]);
    const alive = person('living-pensioner');
    const cert = await issueCertificate(deps, resident(alive.id), {
      type: 'survival',
      purpose: '领取养老金',
    });
    expect(cert.statement_text).toContain('该人员健在');
    await keep(cert.id, cert.serial);
  });

  it('refers the wanted person to a window and issues nothing, without saying why on the answer', async () => {
    const wanted = person('wanted');
    const err = await failure(
      issueCertificate(deps, resident(wanted.id), { type: 'no-criminal-record', purpose: '就业' }),
    );
    expect((err as AppError).code).toBe('REFERRED');
    expect(JSON.stringify((err as AppError).details)).not.toMatch(/在逃|wanted/i);
    expect((err as AppError).details?.['contact']).toMatchObject({ phone: expect.stringMatching(/^0753-/) });
    const certs = await store.db
      .selectFrom('certificates')
      .select('id')
      .where('holder_id', '=', wanted.id)
      .execute();
    expect(certs).toEqual([]);
    const criminal = person('criminal-record');
    expect(
      (
        (await failure(
          issueCertificate(deps, resident(criminal.id), { type: 'no-criminal-record', purpose: '就业' }),
        )) as AppError
      ).code,
    ).toBe('REFERRED');
  });

  it('issues a clean adult a no-criminal-record certificate with a serial and a grouped verification code', async () => {
    const clean = person('clean-adult');
    const cert = await issueCertificate(deps, resident(clean.id), {
      type: 'no-criminal-record',
      purpose: '就业',
    });
    expect(cert.serial).toMatch(/^MZ-GA-\d{6}-\d{2}-\d{4}-\d{6}$/);
    expect(cert.verification_code).toMatch(/^[0-9A-HJKMNP-TV-Z]{22,}$/);
    expect(cert.statement_text).toContain(clean.name);
    const docs = await store.db
      .selectFrom('certificate_documents')
      .select('kind')
      .where('certificate_id', '=', cert.id)
      .execute();
    expect(docs.map((d) => d.kind).sort()).toEqual(['credential', 'pdf', 'qr-token']);
    await keep(cert.id, cert.serial);
  });

  it('states "married" for the divorced-and-remarried person, "never married" for the single one', async () => {
    const remarried = person('divorced-remarried');
    const cert = await issueCertificate(deps, resident(remarried.id), {
      type: 'marital-status',
      purpose: '购房',
    });
    expect(JSON.parse(cert.statement)).toMatchObject({ status: '已婚' });
    expect(cert.issuer_code).toBe('MZ-MZ');
    const single = person('never-married');
    const s = await issueCertificate(deps, resident(single.id), { type: 'marital-status', purpose: '购房' });
    expect(JSON.parse(s.statement)).toMatchObject({ status: '未婚' });
    await keep(cert.id, cert.serial);
  });

  it('renders a rare-character name (outside the BMP) so that it extracts from the PDF', async () => {
    const rare = person('rare-character-name');
    expect([...rare.name].some((c) => c.codePointAt(0)! > 0xffff)).toBe(true);
    const cert = await issueCertificate(deps, resident(rare.id), {
      type: 'household-registration',
      purpose: '入学',
    });
    const file = await keep(cert.id, cert.serial);
    if (!hasPoppler) return;
    const text = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, '');
    expect(text).toContain(rare.name);
  });

  it('refuses a stranger who asks for someone else’s certificate', async () => {
    const stranger = person('clean-adult');
    const other = person('living-pensioner');
    const err = await failure(
      issueCertificate(deps, resident(stranger.id), {
        type: 'survival',
        holderId: other.id,
        purpose: '领取养老金',
      }),
    );
    expect((err as AppError).code).toBe('FORBIDDEN');
    expect((err as AppError).details).toEqual({ reason: 'RELATION_NOT_PROVEN' });
  });

  it('lets a child get a survival certificate for a parent, naming both', async () => {
    const parent = person('parent-of-adult-child');
    const child = parent.related['child']!;
    const cert = await issueCertificate(deps, resident(child), {
      type: 'survival',
      holderId: parent.id,
      relation: 'child',
      purpose: '领取养老金',
    });
    expect(cert).toMatchObject({ holder_id: parent.id, requester_id: child, relation: 'child' });
    const log = await store.db
      .selectFrom('access_records')
      .selectAll()
      .where('subject_id', '=', parent.id)
      .execute();
    expect(log.at(-1)).toMatchObject({ actor_id: child, service: 'certificate:survival' });
    await keep(cert.id, cert.serial);
  });

  it.skipIf(!hasPoppler)(
    'signs every issued PDF so that pdfsig reports it valid, and one changed byte invalid',
    () => {
      expect(pdfs.length).toBeGreaterThanOrEqual(4);
      for (const { file } of pdfs) {
        const out = spawnSync('pdfsig', [file], { encoding: 'utf8' }).stdout;
        expect(out, file).toContain('Signature Validation: Signature is Valid.');
      }
      const bytes = fs.readFileSync(pdfs[0]!.file);
      const at = bytes.indexOf('BT') + 3; // inside the first text object: within the signed range
      bytes[at] = bytes[at]! ^ 0x01;
      const tampered = path.join(dataDir, 'tampered.pdf');
      fs.writeFileSync(tampered, bytes);
      const out = spawnSync('pdfsig', [tampered], { encoding: 'utf8' }).stdout;
      expect(out).not.toContain('Signature is Valid.');
    },
  );

  it('answers SOURCE_UNAVAILABLE naming the department when one is down, and issues nothing', async () => {
    const wanted = platform.registry.get('wanted');
    await platform.registry.register(
      {
        ...wanted,
        timeoutMs: 300,
        connector: {
          kind: 'http',
          url: 'http://127.0.0.1:9/closed',
          auth: { kind: 'hmac-sha256', keyId: 'k', secretName: 'GA' },
          retries: 0,
          backoffMs: 1,
          breaker: { failures: 5, cooldownMs: 1000 },
        },
      },
      'test',
    );
    const clean = person('clean-adult');
    const before = await store.db
      .selectFrom('certificates')
      .select('id')
      .where('holder_id', '=', clean.id)
      .execute();
    const err = await failure(
      issueCertificate(deps, resident(clean.id), { type: 'no-criminal-record', purpose: '就业' }),
    );
    expect((err as AppError).code).toBe('SOURCE_UNAVAILABLE');
    expect((err as AppError).details).toMatchObject({
      unavailable: [{ source: 'wanted', departmentName: '梅州市公安局' }],
    });
    const after = await store.db
      .selectFrom('certificates')
      .select('id')
      .where('holder_id', '=', clean.id)
      .execute();
    expect(after).toHaveLength(before.length);
  });
});
