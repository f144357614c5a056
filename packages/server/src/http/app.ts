// The Fastify application: error mapping, logging, metrics, OpenAPI, health, and the feature modules.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from '../config/config.ts';
import type { Store } from '../db/connection.ts';
import { accessLogRoutes } from '../modules/access-log/access-log.routes.ts';
import { authPlugin, authRoutes } from '../modules/auth/auth.plugin.ts';
import { certificateRoutes } from '../modules/certificates/certificates.routes.ts';
import { inboxRoutes } from '../modules/notices/inbox.routes.ts';
import { sourceAdminRoutes } from '../modules/sources/sources.routes.ts';
import { verificationRoutes } from '../modules/verification/verification.routes.ts';
import { createPlatform, type Platform } from '../platform.ts';
import { jwksRoutes } from '../signing/jwks.routes.ts';
import { installErrorHandling } from './errors.ts';
import { healthRoutes } from './health.routes.ts';
import { installMetrics } from './metrics.ts';
import { webRoutes } from './web.routes.ts';

/** What every feature module receives. */
export interface AppDeps {
  config: Config;
  store: Store;
  logger: Logger;
  /** Sources, catalogue, documents; built here when not given (and closed with the app). */
  platform?: Platform;
}

/** Builds the HTTP application (not yet listening). */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: deps.logger as FastifyBaseLogger,
    bodyLimit: 1024 * 1024,
    trustProxy: deps.config.trustProxy,
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
  const platform = deps.platform ?? (await createPlatform(deps.config, deps.store));
  if (!deps.platform) app.addHook('onClose', () => platform.close());
  certificateRoutes(app, { ...platform, store: deps.store, publicUrl: deps.config.publicUrl });
  verificationRoutes(app, { ...platform, store: deps.store, config: deps.config });
  inboxRoutes(app, deps.store.db);
  accessLogRoutes(app, deps.store.db);
  sourceAdminRoutes(app, platform.registry);
  jwksRoutes(app, platform.keyStore);
  await webRoutes(app, deps); // the web app: pages, assets, the demo kiosk's credential
  return app;
}
