// The web app as a browser gets it: pages, cached assets, and the demo kiosk credential only where allowed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/config.ts';
import { createTestStore } from '../db/test-dialects.ts';
import { buildApp } from './app.ts';

async function appWith(env: Record<string, string>, distDir: string) {
  const store = await createTestStore('sqlite');
  const config = loadConfig({
    PUBLIC_URL: 'http://localhost:8080',
    DATABASE_URL: ':memory:',
    LOG_LEVEL: 'silent',
    ...env,
  });
  const app = await buildApp({ config, store, logger: pino({ level: 'silent' }), distDir } as Parameters<
    typeof buildApp
  >[0]);
  await app.ready();
  const close = async () => {
    await app.close();
    await store.dispose();
  };
  return { app, close };
}

describe('web routes', () => {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'certcloud-web-'));
  let app: FastifyInstance;
  let close: () => Promise<unknown>;

  beforeAll(async () => {
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>certcloud app</title>');
    fs.writeFileSync(path.join(dist, 'assets', 'main-Ab12Cd34.js'), 'console.log(1)');
    fs.writeFileSync(path.join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {})');
    fs.writeFileSync(path.join(dist, 'manifest.webmanifest'), '{"name":"certcloud"}');
    ({ app, close } = await appWith({}, dist));
  });
  afterAll(async () => {
    await close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('answers every page path with the app, revalidated, camera allowed for QR scanning', async () => {
    for (const url of [
      '/',
      '/kiosk',
      '/console',
      '/org',
      '/admin',
      '/verify',
      '/v/7K3QX-ABCDE-FGHJK-MNPQR-4D',
    ]) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain('certcloud app');
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(String(res.headers['permissions-policy'])).toContain('camera=(self)');
      expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'");
    }
  });

  it('caches hashed assets for a year and revalidates the service worker', async () => {
    const asset = await app.inject({ url: '/assets/main-Ab12Cd34.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('max-age=31536000');
    expect(asset.headers['cache-control']).toContain('immutable');
    const sw = await app.inject({ url: '/sw.js' });
    expect(sw.statusCode).toBe(200);
    expect(sw.headers['cache-control']).toContain('max-age=0');
    expect((await app.inject({ url: '/manifest.webmanifest' })).statusCode).toBe(200);
  });

  it('answers a missing asset or a path outside the app with the API error, not the page', async () => {
    for (const url of ['/assets/nothing-here.js', '/assets/../../etc/passwd', '/nowhere']) {
      const res = await app.inject({ url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
    }
  });

  it('gives no demo kiosk credential over a store without the synthetic demo city', async () => {
    const res = await app.inject({ url: '/api/v1/kiosk/demo' });
    expect(res.statusCode).toBe(404);
  });

  it('gives a working demo kiosk credential when CERTCLOUD_DEMO_KIOSK=on, and a placeholder without a build', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'certcloud-web-empty-'));
    const demo = await appWith({ CERTCLOUD_DEMO_KIOSK: 'on' }, empty);
    try {
      const res = await demo.app.inject({ url: '/api/v1/kiosk/demo' });
      expect(res.statusCode).toBe(200);
      const body = res.json() as { deviceCredential: string; label: string; cards: unknown[] };
      expect(body.label).toContain('SIMULATED');
      expect(body.deviceCredential).toMatch(/^ckd_kiosk_/);
      // The same kiosk for the whole process: asking again does not register another device.
      expect((await demo.app.inject({ url: '/api/v1/kiosk/demo' })).json().deviceCredential).toBe(
        body.deviceCredential,
      );
      // The credential is a real device credential: the kiosk may start a session (here: no card read).
      const session = await demo.app.inject({
        method: 'POST',
        url: '/api/v1/kiosk/sessions',
        headers: { authorization: `Bearer ${body.deviceCredential}` },
        payload: {},
      });
      expect(session.json().error.code).toBe('CARD_NOT_RECOGNISED');
      const page = await demo.app.inject({ url: '/' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('npm run build -w packages/web');
    } finally {
      await demo.close();
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});
