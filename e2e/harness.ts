// The platform for browser journeys: the web app built into a temp folder, a small demo city in a temp
// SQLite store, the real app listening on a free port, the outbox running, and Debian's Chromium.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import { generate } from 'otplib';
import pino from 'pino';
import { type Browser, chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { ensureDemoCity } from '../packages/server/src/city/demo-city.ts';
import { type Fixture, listFixtures } from '../packages/server/src/city/fixtures.ts';
import { loadConfig } from '../packages/server/src/config/config.ts';
import { openStore, type Store } from '../packages/server/src/db/connection.ts';
import { migrateToLatest } from '../packages/server/src/db/migrate.ts';
import { buildApp } from '../packages/server/src/http/app.ts';
import type { StaffRole } from '../packages/server/src/http/identity.ts';
import { createStaff } from '../packages/server/src/modules/auth/staff.service.ts';
import { createPlatform, type Platform } from '../packages/server/src/platform.ts';

/** Debian's Chromium; the journeys are skipped (with a message) where it is absent. */
export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = fs.existsSync(CHROMIUM);

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Widths every page is photographed at. */
export const WIDTHS = [360, 768, 1280] as const;
export const SCREENSHOTS = path.resolve(import.meta.dirname, 'screenshots');

/** A running platform and browser. */
export interface Platform4Tests {
  url: string;
  store: Store;
  app: FastifyInstance;
  fixtures: Fixture[];
  browser: Browser;
  platform: Platform;
  /** Creates an officer and returns a way to sign in (password + current TOTP). */
  officer(
    username: string,
    stationCodes: string[],
    roles?: StaffRole[],
  ): Promise<{ password: string; totp(): Promise<string> }>;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** Builds the web app, seeds a small city, starts the server and Chromium. */
export async function startPlatform(residents = 2000): Promise<Platform4Tests> {
  const t0 = Date.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'certcloud-e2e-'));
  const distDir = path.join(dir, 'web');
  await build({
    configFile: path.resolve(import.meta.dirname, '../packages/web/vite.config.ts'),
    build: { outDir: distDir, emptyOutDir: true },
    logLevel: 'warn',
  });
  const port = await freePort();
  const config = loadConfig({
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: path.join(dir, 'e2e.db'),
    CERTCLOUD_DATA_DIR: dir,
    CERTCLOUD_DEMO_RESIDENTS: String(residents),
    CERTCLOUD_RATE_LIMIT_PER_MINUTE: '100000',
    LOG_LEVEL: 'silent',
  });
  const store = openStore(config.databaseUrl);
  await migrateToLatest(store.db);
  await ensureDemoCity(store, config, () => undefined);
  const platform: Platform = await createPlatform(config, store);
  platform.startOutbox();
  const app = await buildApp({
    config,
    store,
    logger: pino({ level: 'silent' }),
    platform,
    distDir,
  } as Parameters<typeof buildApp>[0]);
  await app.listen({ host: '127.0.0.1', port });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  console.info(`e2e: platform and browser ready in ${Date.now() - t0} ms (${residents} residents)`);
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    app,
    fixtures: await listFixtures(store),
    browser,
    platform,
    async officer(username, stationCodes, roles = ['window-officer', 'responsible-officer']) {
      const departmentCode = stationCodes[0] ?? 'MZ-GA';
      const e = await createStaff(store.db, { username, departmentCode, roles, stationCodes });
      return { password: e.initialPassword, totp: () => generate({ secret: e.totpSecret }) };
    },
    async close() {
      await browser.close();
      await app.close();
      await platform.close();
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The one fixture of a case (throws when the city lacks it). */
export function fixture(p: Platform4Tests, kase: string): Fixture {
  const f = p.fixtures.find((x) => x.case === kase);
  if (!f) throw new Error(`no fixture ${kase}`);
  return f;
}

/** axe-core's serious and critical violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Milliseconds spent photographing and checking pages (printed at the end of a run). */
export const snapshotTime = { ms: 0, pages: 0, axeMs: 0 };

/** Photographs the page at 360, 768 and 1280 px and checks it with axe-core once. */
export async function snapshot(page: Page, name: string): Promise<string[]> {
  const t0 = Date.now();
  const problems: string[] = [];
  const original = page.viewportSize() ?? { width: 1280, height: 900 };
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
    // axe once per page, at the phone width where crowding and target sizes matter most
    if (width === 360) {
      const ta = Date.now();
      problems.push(...(await seriousViolations(page)).map((v) => `${name}@${width}: ${v}`));
      snapshotTime.axeMs += Date.now() - ta;
    }
  }
  await page.setViewportSize(original);
  snapshotTime.ms += Date.now() - t0;
  snapshotTime.pages++;
  return problems;
}
