// The auth plugin: resolves `req.identity` on every request, enforces each route's policy (deny by default),
// throttles, honours Idempotency-Key, sets security headers, and registers the identity routes.
import { AppError } from '@certcloud/core';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { Redis } from 'ioredis';
import type { AppDeps } from '../../http/app.ts';
import type { PolicyName } from '../../http/identity.ts';
import { devSmsRoutes } from '../../notify/dev-sms.routes.ts';
import { createNotifier, type Notifier } from '../../notify/notifier.ts';
import type { AuthContext } from './auth-context.ts';
import { clientRoutes } from './clients.routes.ts';
import { installIdempotency } from './idempotency.ts';
import { ANONYMOUS, presentsCredentials, principalOf, resolveIdentity } from './identity-resolver.ts';
import { kioskRoutes } from './kiosk.routes.ts';
import {
  type CardReader,
  type FaceVerifier,
  simulatedCardReader,
  simulatedFaceVerifier,
} from './kiosk-devices.ts';
import { oidcRoutes } from './oidc.routes.ts';
import { decide, infrastructurePolicy, securityFor } from './policy.ts';
import { createAuthLimiters } from './rate-limits.ts';
import { residentRoutes } from './residents.routes.ts';
import { installSecurityHeaders } from './security-headers.ts';
import { staffRoutes } from './staff.routes.ts';

/** Optional replacements for the defaults (a real SMS gateway, real kiosk devices). */
export interface AuthOptions {
  notifier?: Notifier;
  cardReader?: CardReader;
  faceVerifier?: FaceVerifier;
}

/** A registered route and its policy, as the access-matrix test and reviewers see them. */
export interface RouteEntry {
  method: string;
  url: string;
  policy: PolicyName | undefined;
}

const routeTables = new WeakMap<FastifyInstance, RouteEntry[]>();

/** Every route registered after the plugin, with its policy (HEAD twins omitted). */
export function registeredRoutes(app: FastifyInstance): RouteEntry[] {
  return routeTables.get(app) ?? [];
}

const OPERATIONS_URLS = new Set(['/healthz', '/readyz', '/metrics']);

/** Installs identity, policy, throttling, idempotency and security headers; call before any route is added. */
export async function authPlugin(app: FastifyInstance, deps: AppDeps & AuthOptions): Promise<void> {
  const db = deps.store.db;
  const routes: RouteEntry[] = [];
  routeTables.set(app, routes);

  app.addHook('onRoute', (route: RouteOptions) => {
    route.config ??= {};
    const config = route.config as { policy?: PolicyName; rateLimit?: unknown };
    config.policy ??= infrastructurePolicy(route.url);
    if (OPERATIONS_URLS.has(route.url)) config.rateLimit ??= false; // probes must never be throttled
    if (config.policy && route.schema && !route.schema.hide) {
      const schema = route.schema as Record<string, unknown>;
      schema['security'] ??= securityFor(config.policy);
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routes.push({ method, url: route.url, policy: config.policy });
    }
  });

  if (!app.hasDecorator('parseCookie')) await app.register(cookie);
  if (!app.hasContentTypeParser('application/x-www-form-urlencoded')) {
    app.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_req, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
      },
    );
  }
  installSecurityHeaders(app, deps.config.publicUrl);

  app.decorateRequest('identity', null as never);
  const enforce = (req: FastifyRequest): void => {
    if (req.routeOptions.url === undefined) return; // no route matched: the not-found handler answers
    const policy = req.routeOptions.config.policy;
    const decision = decide(policy, req.identity);
    if (decision === 'UNAUTHENTICATED') throw new AppError('UNAUTHENTICATED');
    if (decision === 'FORBIDDEN') throw new AppError('FORBIDDEN', { details: { policy: policy ?? 'none' } });
  };
  app.addHook('onRequest', (req, _reply, done) => {
    // Anonymous requests (public verification, pages) are decided without a database read or a promise.
    if (!presentsCredentials(req)) {
      req.identity = ANONYMOUS;
      try {
        enforce(req);
      } catch (error) {
        done(error as Error);
        return;
      }
      done();
      return;
    }
    resolveIdentity(db, req, deps.config.publicUrl)
      .then((identity) => {
        req.identity = identity;
        enforce(req);
      })
      .then(() => done(), done);
  });

  // Per caller (account, client, kiosk; IP when anonymous), shared through Redis when configured.
  const redis = deps.config.redisUrl
    ? new Redis(deps.config.redisUrl, { connectTimeout: 500, maxRetriesPerRequest: 1, lazyConnect: false })
    : undefined;
  if (redis) app.addHook('onClose', async () => void redis.disconnect());
  await app.register(rateLimit, {
    global: true,
    max: deps.config.rateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: (req) => principalOf(req.identity, req.ip),
    ...(redis ? { redis, nameSpace: 'certcloud-rl:' } : {}),
    skipOnError: true, // a Redis outage degrades to no global limit rather than refusing everyone
    errorResponseBuilder: (_req, ctx) =>
      new AppError('RATE_LIMITED', { details: { retryAfterSeconds: Math.ceil(ctx.ttl / 1000) } }),
  });

  installIdempotency(app, db);

  const ctx: AuthContext = {
    db,
    config: deps.config,
    logger: deps.logger,
    notifier: deps.notifier ?? createNotifier(deps.config, db, deps.logger),
    cardReader: deps.cardReader ?? simulatedCardReader,
    faceVerifier: deps.faceVerifier ?? simulatedFaceVerifier,
    limiters: createAuthLimiters(app),
  };
  contexts.set(app, ctx);
}

const contexts = new WeakMap<FastifyInstance, AuthContext>();

/**
 * Registers the identity routes. Called after the OpenAPI plugin is registered (it documents only
 * routes added after it), and after `authPlugin`.
 */
export function authRoutes(app: FastifyInstance): void {
  const ctx = contexts.get(app);
  if (!ctx) throw new Error('authPlugin must be installed before authRoutes');
  residentRoutes(app, ctx);
  staffRoutes(app, ctx);
  clientRoutes(app, ctx);
  kioskRoutes(app, ctx);
  oidcRoutes(app, ctx);
  devSmsRoutes(app, ctx.db);
}
