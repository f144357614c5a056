// The certificate API end to end over HTTP (in-process): menu, apply, documents, masking, inbox, access log.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chinaDate } from '@certcloud/core';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Fixture, listFixtures } from '../../city/fixtures.ts';
import { seedCity } from '../../city/seed-city.ts';
import { loadConfig } from '../../config/config.ts';
import { createTestStore, TEST_DIALECTS } from '../../db/test-dialects.ts';
import { buildApp } from '../../http/app.ts';
import { createPlatform, type Platform } from '../../platform.ts';
import { residentCookie, staffCookie } from '../auth/test-data.ts';
import { drainOutbox } from '../notices/outbox.dispatcher.ts';

describe.each(TEST_DIALECTS)('certificates API on %s', (dialect) => {
  let store: Awaited<ReturnType<typeof createTestStore>>;
  let platform: Platform;
  let app: FastifyInstance;
  let fx: Map<string, Fixture>;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'certcloud-routes-'));
  const as = async (idNumber: string) => ({ cookie: await residentCookie(store.db, idNumber) });
  const f = (c: string) => fx.get(c)!;

  beforeAll(async () => {
    store = await createTestStore(dialect);
    await seedCity(store, { residents: 400, seed: 5, today: chinaDate(new Date()) });
    fx = new Map((await listFixtures(store)).map((x) => [x.case, x]));
    const config = loadConfig({
      CERTCLOUD_DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      PUBLIC_URL: 'http://localhost:8080',
    });
    platform = await createPlatform(config, store);
    app = await buildApp({ config, store, logger: pino({ level: 'silent' }), platform });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await platform.close();
    await store.dispose();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('shows anyone the menu with each service guide', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/certificate-types' });
    expect(res.statusCode).toBe(200);
    const menu = res.json() as {
      code: string;
      name: { zh: string };
      guide: Record<string, { zh: string }>;
    }[];
    expect(menu.map((t) => t.code).sort()).toEqual([
      'birth-verification',
      'deregistration',
      'household-registration',
      'kinship',
      'marital-status',
      'no-criminal-record',
      'no-property',
      'social-insurance',
      'survival',
    ]);
    expect(menu.find((t) => t.code === 'no-property')?.guide['fee']?.zh).toBe('免费');
  });

  it('issues a resident their certificate at once, with the PDF and the credential', async () => {
    const me = f('clean-adult');
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/certificates',
      headers: await as(me.id),
      payload: { type: 'no-criminal-record', purpose: '就业' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const cert = res.json();
    expect(cert).toMatchObject({
      type: 'no-criminal-record',
      status: 'valid',
      holder: { idNumber: me.id, name: me.name },
    });
    expect(cert.verificationCode).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{1,5}){4}$/);
    const pdf = await app.inject({ method: 'GET', url: cert.links.pdf, headers: await as(me.id) });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const vc = await app.inject({ method: 'GET', url: cert.links.credential, headers: await as(me.id) });
    expect(vc.json()).toMatchObject({
      type: ['VerifiableCredential', 'CertcloudCertificate'],
      proof: { cryptosuite: 'eddsa-jcs-2022' },
    });
    const other = await app.inject({
      method: 'GET',
      url: `/api/v1/certificates/${cert.id}`,
      headers: await as(f('wanted').id),
    });
    expect(other.statusCode).toBe(404);
    const anon = await app.inject({ method: 'GET', url: `/api/v1/certificates/${cert.id}` });
    expect(anon.statusCode).toBe(401);
  });

  it('tells a refused resident why, with the phone number of the office that can help', async () => {
    const owner = f('property-owner');
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/certificates',
      headers: await as(owner.id),
      payload: { type: 'no-property', purpose: '公积金提取' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: 'NOT_ELIGIBLE',
      details: {
        reason: { zh: expect.stringContaining('名下有不动产') },
        contact: { phone: expect.stringMatching(/^0753/) },
      },
    });
  });

  it('masks the holder for a relative, reports the issuance to the station and shows the parent the access', async () => {
    const parent = f('parent-of-adult-child');
    const child = parent.related['child']!;
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/certificates',
      headers: await as(child),
      payload: { type: 'survival', holderId: parent.id, relation: 'child', purpose: '领取养老金' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const cert = res.json();
    expect(cert.holder.idNumber).toBe(`${parent.id.slice(0, 6)}********${parent.id.slice(-4)}`);
    expect(cert.statement).not.toContain(parent.id);

    await drainOutbox(store, platform.eventHandlers);
    const station = (
      await store.db
        .selectFrom('src_household')
        .select('police_station')
        .where('id_number', '=', parent.id)
        .executeTakeFirstOrThrow()
    ).police_station;
    const officer = {
      cookie: await staffCookie(store.db, {
        username: 'huji1',
        roles: ['responsible-officer'],
        stationCodes: [station],
      }),
    };
    const inbox = await app.inject({ method: 'GET', url: '/api/v1/inbox?unread=true', headers: officer });
    const notice = (
      inbox.json() as { certificateId: string; id: string; holderIdNumber: string; summary: string }[]
    ).find((n) => n.certificateId === cert.id);
    expect(notice?.holderIdNumber).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(notice?.summary).toContain('生存状况证明');
    const elsewhere = {
      cookie: await staffCookie(store.db, {
        username: 'huji2',
        roles: ['responsible-officer'],
        stationCodes: ['MZ-GA-NOWHERE'],
      }),
    };
    const theirs = await app.inject({ method: 'GET', url: '/api/v1/inbox', headers: elsewhere });
    expect((theirs.json() as { certificateId: string }[]).some((n) => n.certificateId === cert.id)).toBe(
      false,
    );
    expect(
      (await app.inject({ method: 'POST', url: `/api/v1/inbox/${notice!.id}/ack`, headers: elsewhere }))
        .statusCode,
    ).toBe(404);
    expect(
      (await app.inject({ method: 'POST', url: `/api/v1/inbox/${notice!.id}/ack`, headers: officer }))
        .statusCode,
    ).toBe(200);

    const log = await app.inject({
      method: 'GET',
      url: '/api/v1/me/access-log',
      headers: await as(parent.id),
    });
    expect(log.json()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          service: 'certificate:survival',
          purpose: '领取养老金',
          who: expect.stringContaining('子女'),
        }),
      ]),
    );
  });

  it('lets an admin list, probe and register department sources, refusing a bad definition with its path', async () => {
    const admin = {
      cookie: await staffCookie(store.db, { username: 'admin1', roles: ['admin'], departmentCode: 'MZ-ZSJ' }),
    };
    const list = await app.inject({ method: 'GET', url: '/api/v1/admin/sources', headers: admin });
    expect((list.json() as { id: string }[]).map((s) => s.id)).toContain('household');
    const probe = await app.inject({
      method: 'POST',
      url: '/api/v1/admin/sources/household/test',
      headers: admin,
    });
    expect(probe.json()).toMatchObject({ ok: true });
    const bad = await app.inject({
      method: 'PUT',
      url: '/api/v1/admin/sources/veterans',
      headers: admin,
      payload: {
        id: 'veterans',
        department: 'MZ-TY',
        name: '退役军人',
        nameEn: 'Veterans',
        keyFields: ['id_number'],
        fields: {},
        freshness: 'daily',
        connector: { kind: 'sql', url: 'x.db', query: 'delete from t' },
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json().error.details)).toContain('connector.query');
    const resident = await app.inject({
      method: 'GET',
      url: '/api/v1/admin/sources',
      headers: await as(f('clean-adult').id),
    });
    expect(resident.statusCode).toBe(403);
  });
});
