// Resident registration and login, and the session routes shared with staff (logout, password, me).
import { AppError, maskResidentId, validateResidentId } from '@certcloud/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthContext } from './auth-context.ts';
import { assertNotThrottled, countFailure, type Limiter, takeOrRefuse } from './rate-limits.ts';
import {
  changeResidentPassword,
  confirmRegistration,
  startRegistration,
  verifyResidentLogin,
} from './residents.service.ts';
import {
  AUTH_BODY_LIMIT,
  authErrors,
  errorSchema,
  idNumberSchema,
  meSchema,
  newPasswordSchema,
  okSchema,
  passwordSchema,
  phoneSchema,
} from './route-schemas.ts';
import { createSession, revokeSession, SESSION_COOKIE, sessionCookieOptions } from './sessions.ts';
import { changeStaffPassword } from './staff.service.ts';

const TAGS = ['auth'];

function normaliseId(body: { idNumber: string }): string {
  body.idNumber = body.idNumber.toUpperCase();
  if (!validateResidentId(body.idNumber).ok) throw new AppError('INVALID_RESIDENT_ID');
  return body.idNumber;
}

/** Sets a fresh session cookie after ending the session the browser came with (rotation at login). */
export async function startBrowserSession(
  ctx: AuthContext,
  reply: FastifyReply,
  previousSessionId: string | undefined,
  subject: { kind: 'resident' | 'staff'; id: string },
): Promise<void> {
  if (previousSessionId) await revokeSession(ctx.db, previousSessionId, 'rotated');
  const session = await createSession(ctx.db, subject);
  reply.setCookie(SESSION_COOKIE, session.token, sessionCookieOptions(ctx.config.publicUrl));
}

/**
 * A throttled sign-in: refused while the limiters are used up, a failed `verify` counted against each, and on
 * success a fresh session cookie replacing the one the browser came with. Returns the signed-in subject's id.
 */
export async function throttledSignIn(
  ctx: AuthContext,
  req: FastifyRequest,
  reply: FastifyReply,
  limiters: Limiter[],
  kind: 'resident' | 'staff',
  verify: () => Promise<string>,
): Promise<string> {
  await assertNotThrottled(limiters, req, reply);
  let id: string;
  try {
    id = await verify();
  } catch (err) {
    await countFailure(limiters, req);
    throw err;
  }
  const previous =
    req.identity.kind === 'resident' || req.identity.kind === 'staff' ? req.identity.sessionId : undefined;
  await startBrowserSession(ctx, reply, previous, { kind, id });
  return id;
}

/** Registers the resident and session routes. */
export function residentRoutes(app: FastifyInstance, ctx: AuthContext): void {
  app.post<{ Body: { idNumber: string; name: string; phone: string } }>(
    '/api/v1/auth/resident/register',
    {
      bodyLimit: AUTH_BODY_LIMIT,
      config: { policy: 'public' },
      schema: {
        tags: TAGS,
        summary: '居民注册：核对户籍并发送验证码 Register: check the household register, send a code',
        body: {
          type: 'object',
          required: ['idNumber', 'name', 'phone'],
          additionalProperties: false,
          properties: {
            idNumber: idNumberSchema,
            name: { type: 'string', minLength: 1, maxLength: 40 },
            phone: phoneSchema,
          },
        },
        response: {
          202: {
            type: 'object',
            properties: {
              status: { type: 'string' },
              message: { type: 'string' },
              messageEn: { type: 'string' },
            },
          },
          400: errorSchema,
          429: errorSchema,
        },
      },
    },
    async (req, reply) => {
      normaliseId(req.body);
      await takeOrRefuse(ctx.limiters.register, req, reply);
      reply.status(202);
      return startRegistration(ctx.db, ctx.notifier, req.body);
    },
  );

  app.post<{ Body: { idNumber: string; code: string; password: string } }>(
    '/api/v1/auth/resident/confirm',
    {
      bodyLimit: AUTH_BODY_LIMIT,
      config: { policy: 'public' },
      schema: {
        tags: TAGS,
        summary: '输入验证码并设置密码 Confirm the code and set a password',
        body: {
          type: 'object',
          required: ['idNumber', 'code', 'password'],
          additionalProperties: false,
          properties: {
            idNumber: idNumberSchema,
            code: { type: 'string', pattern: '^[0-9]{6}$' },
            password: newPasswordSchema,
          },
        },
        response: { 201: okSchema, 400: errorSchema, 429: errorSchema },
      },
    },
    async (req, reply) => {
      normaliseId(req.body);
      await confirmRegistration(ctx.db, req.body);
      ctx.logger.info({ who: maskResidentId(req.body.idNumber) }, 'resident account created');
      reply.status(201);
      return { ok: true };
    },
  );

  app.post<{ Body: { idNumber: string; password: string } }>(
    '/api/v1/auth/resident/login',
    {
      bodyLimit: AUTH_BODY_LIMIT,
      config: { policy: 'public', idempotency: 'no-replay' },
      schema: {
        tags: TAGS,
        summary: '居民登录 Resident login (sets the session cookie)',
        body: {
          type: 'object',
          required: ['idNumber', 'password'],
          additionalProperties: false,
          properties: { idNumber: idNumberSchema, password: passwordSchema },
        },
        response: { 200: okSchema, 400: errorSchema, 401: errorSchema, 429: errorSchema },
      },
    },
    async (req, reply) => {
      normaliseId(req.body);
      const limiters = [ctx.limiters.residentLogin, ctx.limiters.loginIp];
      await throttledSignIn(ctx, req, reply, limiters, 'resident', () =>
        verifyResidentLogin(ctx.db, req.body),
      );
      return { ok: true };
    },
  );

  app.post(
    '/api/v1/auth/logout',
    {
      config: { policy: 'signed-in' },
      schema: {
        tags: TAGS,
        summary: '退出登录 Log out (ends this session)',
        response: { 200: okSchema, ...authErrors },
      },
    },
    async (req, reply) => {
      if (req.identity.kind === 'resident' || req.identity.kind === 'staff')
        await revokeSession(ctx.db, req.identity.sessionId, 'logout');
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    },
  );

  app.post<{ Body: { currentPassword: string; newPassword: string } }>(
    '/api/v1/auth/password',
    {
      bodyLimit: AUTH_BODY_LIMIT,
      config: { policy: 'signed-in' },
      schema: {
        tags: TAGS,
        summary: '修改密码（结束所有会话）Change password (ends every session, starts a new one)',
        body: {
          type: 'object',
          required: ['currentPassword', 'newPassword'],
          additionalProperties: false,
          properties: { currentPassword: passwordSchema, newPassword: newPasswordSchema },
        },
        response: { 200: okSchema, 400: errorSchema, ...authErrors },
      },
    },
    async (req, reply) => {
      const { currentPassword, newPassword } = req.body;
      const who = req.identity;
      const limiters = [ctx.limiters.passwordChange];
      await assertNotThrottled(limiters, req, reply);
      try {
        if (who.kind === 'resident')
          await changeResidentPassword(ctx.db, who.accountId, currentPassword, newPassword);
        else if (who.kind === 'staff')
          await changeStaffPassword(ctx.db, who.username, currentPassword, newPassword);
      } catch (err) {
        await countFailure(limiters, req);
        throw err;
      }
      if (who.kind === 'resident')
        await startBrowserSession(ctx, reply, undefined, { kind: 'resident', id: who.accountId });
      if (who.kind === 'staff')
        await startBrowserSession(ctx, reply, undefined, { kind: 'staff', id: who.username });
      return { ok: true };
    },
  );

  app.get(
    '/api/v1/auth/me',
    {
      config: { policy: 'signed-in' },
      schema: {
        tags: TAGS,
        summary: '当前登录身份 Who is signed in',
        response: { 200: meSchema, ...authErrors },
      },
    },
    async (req) => {
      const who = req.identity;
      if (who.kind === 'resident') return { kind: who.kind, maskedIdNumber: maskResidentId(who.idNumber) };
      if (who.kind === 'staff')
        return {
          kind: who.kind,
          username: who.username,
          roles: who.roles,
          departmentCode: who.departmentCode,
          stationCodes: who.stationCodes,
        };
      return { kind: who.kind };
    },
  );
}
