// The Fastify application: error mapping, logging, metrics, OpenAPI, health, and the feature modules.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from '../config/config.ts';
import type { Store } from '../db/connection.ts';
import { authPlugin, authRoutes } from '../modules/auth/auth.plugin.ts';
import { installErrorHandling } from './errors.ts';
import { healthRoutes } from './health.routes.ts';
import { installMetrics } from './metrics.ts';

/** What every feature module receives. */
export interface AppDeps {
  config: Config;
  store: Store;
  logger: Logger;
}

const WEB_DIST = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

/** Builds the HTTP application (not yet listening). */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: 1024 * 1024,
    trustProxy: true,
    disableRequestLogging: false,
    requestIdHeader: 'x-request-id',
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false, allErrors: true } },
  });
  installErrorHandling(app);
  await authPlugin(app, deps); // identity + policy on every route registered below (deny by default)
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'certcloud 证明云共享平台 API',
        version: '1.0.0',
        description: 'Shared certificate platform for city governments. Errors: {"error": {code, message}}.',
      },
      servers: [{ url: deps.config.publicUrl }],
      components: {
        securitySchemes: {
          cookieAuth: { type: 'apiKey', in: 'cookie', name: 'cc_session' },
          bearerAuth: {
            type: 'http',
            scheme: 'bearer',
            bearerFormat: 'JWT (client) or kiosk device credential',
          },
          kioskSession: { type: 'apiKey', in: 'header', name: 'X-Kiosk-Session' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  installMetrics(app);
  healthRoutes(app, deps.store);
  authRoutes(app); // sign-in, sessions, API clients, kiosks (after swagger, so they are documented)
  app.get('/', { schema: { hide: true } }, async (_req, reply) => {
    const index = path.join(WEB_DIST, 'index.html');
    reply.type('text/html; charset=utf-8');
    return fs.existsSync(index) ? fs.createReadStream(index) : PLACEHOLDER_PAGE;
  });
  return app;
}

const PLACEHOLDER_PAGE = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>证明云共享平台 certcloud</title></head>
<body><main><h1>证明云共享平台</h1><p>certcloud — shared certificate platform. API: <a href="/api/docs">/api/docs</a></p></main></body></html>`;
