// Public verification (by code, uploaded PDF, scanned QR token), the published status lists, and the
// holder's view of who-knows-not-who checked their certificate. Verification is throttled per IP and,
// against scans spread over many addresses, by one ceiling for all clients together.
import {
  AppError,
  checkedVerificationSchema,
  codeVerificationSchema,
  tokenVerificationRequestSchema,
  verificationEventSchema,
} from '@certcloud/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Config } from '../../config/config.ts';
import type { Store } from '../../db/connection.ts';
import type { KeyStore } from '../../signing/key-store.ts';
import { takeOrRefuse } from '../auth/rate-limits.ts';
import { errorSchema } from '../auth/route-schemas.ts';
import type { Catalogue } from '../catalogue/catalogue.ts';
import { findCertificate } from '../certificates/certificates.repository.ts';
import { revokeRoutes } from '../certificates/revoke.routes.ts';
import { HOLDER_REVOKED_TOPIC, holderRevokedHandler } from '../certificates/revoke-certificate.ts';
import type { EventHandler } from '../notices/outbox.dispatcher.ts';
import type { SourceRegistry } from '../sources/source-registry.ts';
import { createStatusLists } from './status-list.ts';
import { listVerificationEvents } from './verification.repository.ts';
import { createVerificationLog } from './verification-log.ts';
import { type VerificationDeps, verifyByCode } from './verify-code.ts';
import { verifyDocument } from './verify-document.ts';
import { verifyToken } from './verify-token.ts';

/** What the verification routes need from the platform. */
export interface VerificationRouteDeps {
  store: Store;
  config: Config;
  catalogue: Catalogue;
  registry: SourceRegistry;
  keyStore: KeyStore;
  eventHandlers: Record<string, EventHandler>;
}

/** The largest PDF accepted for verification (certificates are ~60 KB). */
export const MAX_PDF_BYTES = 2 * 1024 * 1024;

const out = (schema: z.ZodType) => z.toJSONSchema(schema, { target: 'draft-7' }) as Record<string, unknown>;
const publicErrors = { 400: errorSchema, 404: errorSchema, 413: errorSchema, 429: errorSchema };

/** Registers verification, status lists, verification records and revocation. */
export function verificationRoutes(app: FastifyInstance, deps: VerificationRouteDeps): void {
  const { config, store } = deps;
  const log = createVerificationLog(store, {
    onError: (err) => app.log.error({ err }, 'verification log write failed'),
  });
  app.addHook('onClose', () => log.close());
  const services: VerificationDeps = { ...deps, log, publicUrl: config.publicUrl };
  const statusLists = createStatusLists({ store, keyStore: deps.keyStore, publicUrl: config.publicUrl });
  deps.eventHandlers[HOLDER_REVOKED_TOPIC] ??= holderRevokedHandler({
    ...deps,
    logger: app.log as unknown as Logger,
  });

  const perIp = {
    max: config.verifyRatePerMinute,
    timeWindow: 60_000,
    keyGenerator: (req: FastifyRequest) => `verify:${req.ip}`,
  };
  const ceiling = app.createRateLimit({
    max: config.verifyGlobalPerMinute,
    timeWindow: 60_000,
    keyGenerator: () => 'verify:all',
  });
  // After the per-IP limit (onRequest), so one address's scan does not eat everyone's budget.
  const throttled = {
    config: { policy: 'public' as const, rateLimit: perIp },
    preHandler: async (req: FastifyRequest, reply: Parameters<typeof takeOrRefuse>[2]) =>
      takeOrRefuse(ceiling, req, reply),
  };

  if (!app.hasContentTypeParser('application/pdf')) {
    app.addContentTypeParser(
      'application/pdf',
      { parseAs: 'buffer', bodyLimit: MAX_PDF_BYTES },
      (_req, body, done) => done(null, body),
    );
  }

  app.get<{ Params: { code: string } }>(
    '/api/v1/verify/:code',
    {
      ...throttled,
      schema: {
        tags: ['verification'],
        summary: '按验证码核验 Verify by code: status and the minimal statement',
        params: { type: 'object', properties: { code: { type: 'string' } }, required: ['code'] },
        response: { 200: out(codeVerificationSchema), ...publicErrors },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return verifyByCode(services, req.params.code);
    },
  );

  app.post(
    '/api/v1/verify/document',
    {
      ...throttled,
      bodyLimit: MAX_PDF_BYTES,
      schema: {
        tags: ['verification'],
        summary: '上传PDF核验 Verify an uploaded PDF (Content-Type: application/pdf, ≤ 2 MB), check by check',
        consumes: ['application/pdf'],
        response: { 200: out(checkedVerificationSchema), ...publicErrors },
      },
    },
    async (req, reply) => {
      if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
        throw new AppError('BAD_REQUEST', { details: { reason: 'SEND_PDF_AS_APPLICATION_PDF' } });
      }
      reply.header('cache-control', 'no-store');
      return verifyDocument(services, req.body);
    },
  );

  app.post<{ Body: { token: string } }>(
    '/api/v1/verify/token',
    {
      ...throttled,
      schema: {
        tags: ['verification'],
        summary: '扫码核验 Verify a scanned QR token (the URL fragment), check by check',
        body: z.toJSONSchema(tokenVerificationRequestSchema, { target: 'draft-7', io: 'input' }) as Record<
          string,
          unknown
        >,
        response: { 200: out(checkedVerificationSchema), ...publicErrors },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      const raw = req.body.token;
      return verifyToken(services, raw.includes('#') ? raw.slice(raw.indexOf('#') + 1) : raw);
    },
  );

  app.get<{ Params: { issuer: string; year: string } }>(
    '/api/v1/status-lists/:issuer/:year',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['verification'],
        summary: '撤销状态列表 Bitstring Status List (W3C) of an issuer and year, signed',
        params: {
          type: 'object',
          properties: {
            issuer: { type: 'string', maxLength: 64 },
            year: { type: 'string', pattern: '^20\\d\\d$' },
          },
          required: ['issuer', 'year'],
        },
        response: { 404: errorSchema },
      },
    },
    async (req, reply) => {
      const credential = await statusLists.credential(req.params.issuer, Number(req.params.year));
      reply.header('cache-control', 'public, max-age=60').type('application/vc+ld+json; charset=utf-8');
      return JSON.stringify(credential);
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/v1/certificates/:id/verifications',
    {
      config: { policy: 'applicant' },
      schema: {
        tags: ['certificates'],
        summary: '核验记录 When and how my certificate was checked (never by whom)',
        params: { type: 'object', properties: { id: { type: 'string', format: 'uuid' } }, required: ['id'] },
        response: {
          200: { type: 'array', items: out(verificationEventSchema) },
          401: errorSchema,
          403: errorSchema,
          404: errorSchema,
        },
      },
    },
    async (req) => {
      const identity = req.identity;
      const me = identity.kind === 'resident' || identity.kind === 'kiosk' ? identity.idNumber : null;
      const row = await findCertificate(store.db, req.params.id);
      if (!row || !me || row.holder_id !== me) throw new AppError('NOT_FOUND'); // the holder's alone
      await log.flush();
      return listVerificationEvents(store.db, row.id);
    },
  );

  revokeRoutes(app, {
    ...deps,
    publicUrl: config.publicUrl,
    onRevoked: (row) => statusLists.invalidate(row.issuer_code, serialYear(row.serial)),
  });
}

/** The year in a serial `<issuer>-<year>-<n>`. */
function serialYear(serial: string): number {
  return Number(serial.split('-').at(-2));
}
