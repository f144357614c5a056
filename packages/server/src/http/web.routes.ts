// The web app (packages/web/dist) on the platform's own origin: hashed assets cached for a year, every page
// path answered with index.html, and the DEMO kiosk's device credential where the settings allow it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError, maskName, maskResidentId } from '@certcloud/core';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { listFixtures } from '../city/fixtures.ts';
import { cityParams } from '../city/seed-city.ts';
import type { Config } from '../config/config.ts';
import type { Store } from '../db/connection.ts';
import { type CardReader, simulatedCardReader } from '../modules/auth/kiosk-devices.ts';
import { createKiosk } from '../modules/auth/kiosks.service.ts';
import { errorSchema } from '../modules/auth/route-schemas.ts';

/** The built web app, next to this package. */
export const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

/** Paths the single-page app answers (the server sends index.html; the page picks the view). */
export const PAGE_PATHS = ['/', '/kiosk', '/console', '/org', '/admin', '/verify', '/v/*'] as const;

const PUBLIC = { policy: 'public' } as const;
const YEAR_MS = 365 * 24 * 3600_000;
// The verification page may use the camera to scan a QR; every other permission stays off.
const PAGE_PERMISSIONS = 'camera=(self), microphone=(), geolocation=(), payment=()';

/** The demo residents whose cards the SIMULATED reader offers on the demo kiosk. */
const DEMO_CARDS: { case: string; zh: string; en: string }[] = [
  { case: 'clean-adult', zh: '普通居民', en: 'Resident' },
  { case: 'living-pensioner', zh: '退休老人', en: 'Pensioner' },
  { case: 'never-married', zh: '青年职工', en: 'Young worker' },
  { case: 'criminal-record', zh: '有记录者（转窗口）', en: 'With a record (referred)' },
];

/** What the web routes need. */
export interface WebDeps {
  config: Config;
  store: Store;
  /** The kiosk card reader in use (SIMULATED by default); the demo kiosk exists only with a simulated one. */
  cardReader?: CardReader;
  /** Where the built app is (tests point elsewhere). */
  distDir?: string;
}

/** Registers the web app's pages and files, and GET /api/v1/kiosk/demo. */
export async function webRoutes(app: FastifyInstance, deps: WebDeps): Promise<void> {
  const dist = deps.distDir ?? WEB_DIST;
  const built = fs.existsSync(path.join(dist, 'index.html'));
  if (built) await app.register(fastifyStatic, { root: dist, serve: false });

  const page = async (_req: unknown, reply: FastifyReply) => {
    reply.header('permissions-policy', PAGE_PERMISSIONS).header('cache-control', 'no-cache');
    if (!built) return reply.type('text/html; charset=utf-8').send(PLACEHOLDER_PAGE);
    return reply.sendFile('index.html', { cacheControl: false });
  };
  for (const url of PAGE_PATHS) app.get(url, { config: PUBLIC, schema: { hide: true } }, page);

  if (built) {
    app.get('/assets/*', { config: PUBLIC, schema: { hide: true } }, (req, reply) => {
      const file = (req.params as { '*': string })['*'];
      // File names carry a content hash: a cached copy never goes stale.
      return reply.sendFile(path.posix.join('assets', file), { maxAge: YEAR_MS, immutable: true });
    });
    // Top-level files (manifest, service worker, icons): revalidated, so an update reaches every device.
    for (const entry of fs.readdirSync(dist, { withFileTypes: true })) {
      if (!entry.isFile() || entry.name === 'index.html') continue;
      app.get(`/${entry.name}`, { config: PUBLIC, schema: { hide: true } }, (_req, reply) => {
        if (entry.name === 'sw.js') reply.header('service-worker-allowed', '/');
        return reply.sendFile(entry.name, { maxAge: 0 });
      });
    }
  }

  demoKioskRoute(app, deps);
}

/** GET /api/v1/kiosk/demo: a DEMO kiosk credential and demo cards, or 404 where the settings forbid it. */
function demoKioskRoute(app: FastifyInstance, deps: WebDeps): void {
  const reader = deps.cardReader ?? simulatedCardReader;
  let credential: Promise<string> | undefined; // one demo kiosk per process; the secret lives only here

  const allowed = async (): Promise<boolean> => {
    if (deps.config.demoKiosk === 'off') return false;
    if (deps.config.demoKiosk === 'on') return true;
    // auto: never over real people's data, never with a real card reader
    return /SIMULATED/.test(reader.label) && (await cityParams(deps.store)) !== undefined;
  };

  app.get(
    '/api/v1/kiosk/demo',
    {
      config: PUBLIC,
      schema: {
        tags: ['kiosk'],
        summary:
          '演示自助机凭据（仅演示环境）DEMO kiosk credential and demo ID cards — only over the synthetic demo city with SIMULATED devices, or when CERTCLOUD_DEMO_KIOSK=on',
        response: {
          200: {
            type: 'object',
            properties: {
              label: { type: 'string' },
              deviceCredential: { type: 'string' },
              cards: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    label: { type: 'object', properties: { zh: { type: 'string' }, en: { type: 'string' } } },
                    maskedName: { type: 'string' },
                    maskedIdNumber: { type: 'string' },
                    idNumber: { type: 'string' },
                  },
                },
              },
            },
          },
          404: errorSchema,
        },
      },
    },
    async () => {
      if (!(await allowed())) throw new AppError('NOT_FOUND');
      credential ??= createKiosk(deps.store.db, {
        name: '演示自助机 DEMO kiosk',
        location: '演示 demo',
      }).then((k) => k.deviceCredential);
      const fixtures = await listFixtures(deps.store);
      const cards = DEMO_CARDS.flatMap((c) => {
        const f = fixtures.find((x) => x.case === c.case);
        return f
          ? [
              {
                label: { zh: c.zh, en: c.en },
                maskedName: maskName(f.name),
                maskedIdNumber: maskResidentId(f.id),
                // Synthetic people only: the SIMULATED reader sends this as the chip read.
                idNumber: f.id,
              },
            ]
          : [];
      });
      return {
        label: 'DEMO kiosk with SIMULATED card reader and face check (演示，模拟设备)',
        deviceCredential: await credential,
        cards,
      };
    },
  );
}

const PLACEHOLDER_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>证明云共享平台 certcloud</title></head>
<body><main><h1>证明云共享平台</h1><p>certcloud — shared certificate platform. The web app is not built:
run <code>npm run build -w packages/web</code>. API: <a href="/api/docs">/api/docs</a></p></main></body></html>`;
