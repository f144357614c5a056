// Kiosk devices (admin) and resident sessions at a kiosk: card read + face check, SIMULATED by default.
import { maskName, maskResidentId } from '@certcloud/core';
import type { FastifyInstance } from 'fastify';
import type { AuthContext } from './auth-context.ts';
import { createKiosk, endKioskSession, KIOSK_IDLE_MS, startKioskSession } from './kiosks.service.ts';
import { AUTH_BODY_LIMIT, authErrors, errorSchema, idNumberSchema, okSchema } from './route-schemas.ts';

const deviceSchema = {
  type: 'object',
  properties: {
    cardReader: { type: 'string' },
    faceVerifier: { type: 'string' },
    simulated: { type: 'boolean' },
  },
} as const;

/** Registers kiosk administration and kiosk sessions. */
export function kioskRoutes(app: FastifyInstance, ctx: AuthContext): void {
  const devices = { cardReader: ctx.cardReader, faceVerifier: ctx.faceVerifier };
  const simulated = /SIMULATED/.test(ctx.cardReader.label) || /SIMULATED/.test(ctx.faceVerifier.label);
  const deviceInfo = { cardReader: ctx.cardReader.label, faceVerifier: ctx.faceVerifier.label, simulated };

  app.post<{ Body: { name: string; location: string } }>(
    '/api/v1/admin/kiosks',
    {
      bodyLimit: AUTH_BODY_LIMIT,
      config: { policy: 'admin', idempotency: 'no-replay' },
      schema: {
        tags: ['admin'],
        summary: '登记自助机（设备凭据只显示一次）Register a kiosk; the device credential is shown once',
        body: {
          type: 'object',
          required: ['name', 'location'],
          additionalProperties: false,
          properties: {
            name: { type: 'string', minLength: 1, maxLength: 100 },
            location: { type: 'string', minLength: 1, maxLength: 200 },
          },
        },
        response: {
          201: {
            type: 'object',
            properties: { kioskId: { type: 'string' }, deviceCredential: { type: 'string' } },
          },
          400: errorSchema,
          ...authErrors,
        },
      },
    },
    async (req, reply) => {
      const kiosk = await createKiosk(ctx.db, req.body);
      ctx.logger.info({ kioskId: kiosk.kioskId }, 'kiosk registered');
      reply.status(201);
      return kiosk;
    },
  );

  app.post<{ Body: { idNumber?: string; faceMatch?: boolean } }>(
    '/api/v1/kiosk/sessions',
    {
      bodyLimit: AUTH_BODY_LIMIT,
      config: { policy: 'kiosk-device', idempotency: 'no-replay' },
      schema: {
        tags: ['kiosk'],
        summary:
          '刷身份证 + 人脸核验，开始自助办理（默认模拟设备 SIMULATED）Card + face → kiosk session. The SIMULATED reader takes idNumber, the SIMULATED face check faceMatch',
        body: {
          type: 'object',
          additionalProperties: false,
          properties: { idNumber: idNumberSchema, faceMatch: { type: 'boolean' } },
        },
        response: {
          201: {
            type: 'object',
            properties: {
              sessionToken: { type: 'string' },
              idleTimeoutSeconds: { type: 'integer' },
              holder: {
                type: 'object',
                properties: { maskedName: { type: 'string' }, maskedIdNumber: { type: 'string' } },
              },
              devices: deviceSchema,
            },
          },
          403: errorSchema,
          422: errorSchema,
          401: errorSchema,
        },
      },
    },
    async (req, reply) => {
      if (req.identity.kind !== 'kiosk-device') throw new Error('policy let a non-device through');
      const kioskId = req.identity.kioskId;
      const reading = { idNumber: req.body.idNumber?.toUpperCase(), faceMatch: req.body.faceMatch };
      if (simulated)
        ctx.logger.warn(
          { kioskId },
          `kiosk session with ${ctx.cardReader.label} / ${ctx.faceVerifier.label}`,
        );
      const session = await startKioskSession(ctx.db, devices, kioskId, reading);
      reply.status(201);
      return {
        sessionToken: session.sessionToken,
        idleTimeoutSeconds: KIOSK_IDLE_MS / 1000,
        holder: { maskedName: maskName(session.name), maskedIdNumber: maskResidentId(session.idNumber) },
        devices: deviceInfo,
      };
    },
  );

  app.get(
    '/api/v1/kiosk/sessions/current',
    {
      config: { policy: 'kiosk-session' },
      schema: {
        tags: ['kiosk'],
        summary: '当前自助办理会话 The current kiosk session',
        response: {
          200: {
            type: 'object',
            properties: {
              maskedIdNumber: { type: 'string' },
              idleTimeoutSeconds: { type: 'integer' },
              devices: deviceSchema,
            },
          },
          ...authErrors,
        },
      },
    },
    async (req) => ({
      maskedIdNumber: req.identity.kind === 'kiosk' ? maskResidentId(req.identity.idNumber) : '',
      idleTimeoutSeconds: KIOSK_IDLE_MS / 1000,
      devices: deviceInfo,
    }),
  );

  app.delete(
    '/api/v1/kiosk/sessions/current',
    {
      config: { policy: 'kiosk-session' },
      schema: {
        tags: ['kiosk'],
        summary: '取走身份证，结束会话 Card removed: end the kiosk session',
        response: { 200: okSchema, ...authErrors },
      },
    },
    async (req) => {
      if (req.identity.kind === 'kiosk')
        await endKioskSession(ctx.db, req.identity.kioskSessionId, 'card-removed');
      return { ok: true };
    },
  );
}
