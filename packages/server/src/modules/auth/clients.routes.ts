// OAuth 2 token endpoint (client credentials) and the admin API for API clients.
import { AppError } from '@certcloud/core';
import type { FastifyInstance } from 'fastify';
import type { AuthContext } from './auth-context.ts';
import { createClient, issueAccessToken, listClients, rotateClientSecret } from './clients.service.ts';
import { takeOrRefuse } from './rate-limits.ts';
import { AUTH_BODY_LIMIT, authErrors, errorSchema } from './route-schemas.ts';

interface TokenBody {
  grant_type: string;
  client_id?: string;
  client_secret?: string;
  scope?: string;
}

/** client_secret_basic: `Authorization: Basic base64(id:secret)` (RFC 6749 §2.3.1). */
function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const m = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header ?? '');
  if (!m) return undefined;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const i = decoded.indexOf(':');
  if (i < 0) return undefined;
  return { id: decodeURIComponent(decoded.slice(0, i)), secret: decodeURIComponent(decoded.slice(i + 1)) };
}

const clientSchema = {
  type: 'object',
  properties: {
    clientId: { type: 'string' },
    kind: { type: 'string' },
    ownerCode: { type: 'string' },
    name: { type: 'string' },
    scopes: { type: 'array', items: { type: 'string' } },
    createdAt: { type: 'string' },
    disabled: { type: 'boolean' },
  },
} as const;

/** Registers the token endpoint and client administration. */
export function clientRoutes(app: FastifyInstance, ctx: AuthContext): void {
  app.post<{ Body: TokenBody }>(
    '/api/v1/oauth/token',
    {
      bodyLimit: AUTH_BODY_LIMIT,
      config: { policy: 'public', idempotency: 'no-replay' },
      schema: {
        tags: ['auth'],
        summary:
          '客户端凭据换取访问令牌 Client credentials → access token (form or JSON; Basic or body credentials)',
        consumes: ['application/x-www-form-urlencoded', 'application/json'],
        body: {
          type: 'object',
          required: ['grant_type'],
          properties: {
            grant_type: { type: 'string', const: 'client_credentials' },
            client_id: { type: 'string', maxLength: 100 },
            client_secret: { type: 'string', maxLength: 200 },
            scope: { type: 'string', maxLength: 1000 },
          },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              access_token: { type: 'string' },
              token_type: { type: 'string' },
              expires_in: { type: 'integer' },
              scope: { type: 'string' },
            },
          },
          400: errorSchema,
          401: errorSchema,
          403: errorSchema,
          429: errorSchema,
        },
      },
    },
    async (req, reply) => {
      const basic = basicCredentials(req.headers.authorization);
      const clientId = basic?.id ?? req.body.client_id;
      const clientSecret = basic?.secret ?? req.body.client_secret;
      if (!clientId || !clientSecret) throw new AppError('INVALID_CLIENT');
      (req.body as TokenBody).client_id = clientId; // the per-client throttle reads it
      await takeOrRefuse(ctx.limiters.token, req, reply);
      reply.header('cache-control', 'no-store');
      return issueAccessToken(ctx.db, {
        clientId,
        clientSecret,
        scope: req.body.scope,
        issuer: ctx.config.publicUrl,
      });
    },
  );

  app.post<{
    Body: { kind: 'department' | 'organisation'; ownerCode: string; name: string; scopes: string[] };
  }>(
    '/api/v1/admin/clients',
    {
      bodyLimit: AUTH_BODY_LIMIT,
      config: { policy: 'admin', idempotency: 'no-replay' },
      schema: {
        tags: ['admin'],
        summary: '新增接口客户端（密钥只显示一次）Add an API client; the secret is shown once',
        body: {
          type: 'object',
          required: ['kind', 'ownerCode', 'name', 'scopes'],
          additionalProperties: false,
          properties: {
            kind: { type: 'string', enum: ['department', 'organisation'] },
            ownerCode: { type: 'string', minLength: 1, maxLength: 64 },
            name: { type: 'string', minLength: 1, maxLength: 100 },
            scopes: { type: 'array', minItems: 1, items: { type: 'string', maxLength: 60 } },
          },
        },
        response: {
          201: {
            type: 'object',
            properties: { clientId: { type: 'string' }, clientSecret: { type: 'string' } },
          },
          400: errorSchema,
          404: errorSchema,
          ...authErrors,
        },
      },
    },
    async (req, reply) => {
      const created = await createClient(ctx.db, req.body);
      ctx.logger.info({ clientId: created.clientId, kind: req.body.kind }, 'API client added');
      reply.status(201);
      return created;
    },
  );

  app.get(
    '/api/v1/admin/clients',
    {
      config: { policy: 'admin' },
      schema: {
        tags: ['admin'],
        summary: '接口客户端列表 API clients (no secrets)',
        response: { 200: { type: 'array', items: clientSchema }, ...authErrors },
      },
    },
    async () => listClients(ctx.db),
  );

  app.post<{ Params: { clientId: string } }>(
    '/api/v1/admin/clients/:clientId/rotate',
    {
      config: { policy: 'admin', idempotency: 'no-replay' },
      schema: {
        tags: ['admin'],
        summary:
          '更换客户端密钥（旧密钥与令牌立即失效）Rotate a client secret; old secret and tokens stop working',
        params: { type: 'object', properties: { clientId: { type: 'string', maxLength: 100 } } },
        response: {
          200: { type: 'object', properties: { clientSecret: { type: 'string' } } },
          404: errorSchema,
          ...authErrors,
        },
      },
    },
    async (req) => rotateClientSecret(ctx.db, req.params.clientId),
  );
}
