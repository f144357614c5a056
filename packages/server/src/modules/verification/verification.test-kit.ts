// Test helper: a seeded city, its platform and the HTTP app over it, and a way to issue certificates
// for the city's deliberate cases (DESIGN §3) — the world every verification test checks against.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chinaDate } from '@certcloud/core';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { type Fixture, listFixtures } from '../../city/fixtures.ts';
import { seedCity } from '../../city/seed-city.ts';
import { type Config, loadConfig } from '../../config/config.ts';
import type { CertificateRow } from '../../db/schema.ts';
import { createTestStore } from '../../db/test-dialects.ts';
import { buildApp } from '../../http/app.ts';
import { createPlatform, type Platform } from '../../platform.ts';
import { TEST_PUBLIC_URL } from '../auth/test-data.ts';
import { findDocument } from '../certificates/certificates.repository.ts';
import { issueCertificate } from '../certificates/issue-certificate.ts';

/** A seeded city with an app; `issue` issues a certificate to a fixture person. */
export async function verificationWorld(dialect: 'sqlite' | 'postgres', env: Record<string, string> = {}) {
  const store = await createTestStore(dialect);
  await seedCity(store, { residents: 300, seed: 11, today: chinaDate(new Date()) });
  const fixtures = new Map((await listFixtures(store)).map((f) => [f.case, f]));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'certcloud-verify-'));
  const config: Config = loadConfig({
    CERTCLOUD_DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    PUBLIC_URL: TEST_PUBLIC_URL,
    DATABASE_URL: ':memory:',
    ...env,
  });
  const platform: Platform = await createPlatform(config, store);
  const app: FastifyInstance = await buildApp({ config, store, logger: pino({ level: 'silent' }), platform });
  await app.ready();
  const person = (c: string): Fixture => {
    const f = fixtures.get(c);
    if (!f) throw new Error(`fixture ${c} missing`);
    return f;
  };
  return {
    store,
    db: store.db,
    config,
    platform,
    app,
    person,
    /** Issues `type` to the fixture person `who` (acting for themselves). */
    async issue(who: string, type = 'household-registration', purpose = '入学'): Promise<CertificateRow> {
      const id = person(who).id;
      return issueCertificate(
        { ...platform, store, publicUrl: config.publicUrl },
        { kind: 'resident', idNumber: id, accountId: 't', sessionId: 't' },
        { type, purpose },
      );
    },
    /** The stored documents of a certificate. */
    async documents(certificateId: string) {
      const pdf = await findDocument(store.db, certificateId, 'pdf');
      const token = await findDocument(store.db, certificateId, 'qr-token');
      return { pdf: Buffer.from(pdf!.content), token: Buffer.from(token!.content).toString() };
    },
    async close() {
      await app.close();
      await platform.close();
      await store.dispose();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The world's type. */
export type VerificationWorld = Awaited<ReturnType<typeof verificationWorld>>;
