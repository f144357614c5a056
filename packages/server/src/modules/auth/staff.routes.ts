// Staff login (password + TOTP) and the admin API for staff accounts.
import type { FastifyInstance } from 'fastify';
import type { StaffRole } from '../../http/identity.ts';
import type { AuthContext } from './auth-context.ts';
import { throttledSignIn } from './residents.routes.ts';
import { AUTH_BODY_LIMIT, authErrors, errorSchema, okSchema, passwordSchema } from './route-schemas.ts';
import { createStaff, STAFF_ROLES, updateStaff, verifyStaffLogin } from './staff.service.ts';

const usernameSchema = { type: 'string', pattern: '^[a-z][a-z0-9._-]{2,39}$' } as const;
const rolesSchema = {
  type: 'array',
  minItems: 1,
  items: { type: 'string', enum: [...STAFF_ROLES] },
} as const;
const codesSchema = { type: 'array', items: { type: 'string', minLength: 1, maxLength: 64 } } as const;

/** Registers staff login and staff administration. */
export function staffRoutes(app: FastifyInstance, ctx: AuthContext): void {
  app.post<{ Body: { username: string; password: string; totp: string } }>(
    '/api/v1/auth/staff/login',
    {
      bodyLimit: AUTH_BODY_LIMIT,
      config: { policy: 'public', idempotency: 'no-replay' },
      schema: {
        tags: ['auth'],
        summary: '工作人员登录（密码 + 动态口令）Staff login: password + TOTP, both required',
        body: {
          type: 'object',
          required: ['username', 'password', 'totp'],
          additionalProperties: false,
          properties: {
            username: { type: 'string', maxLength: 40 },
            password: passwordSchema,
            totp: { type: 'string', pattern: '^[0-9]{6}$' },
          },
        },
        response: { 200: okSchema, 400: errorSchema, 401: errorSchema, 429: errorSchema },
      },
    },
    async (req, reply) => {
      const limiters = [ctx.limiters.staffLogin, ctx.limiters.loginIp];
      const username = await throttledSignIn(ctx, req, reply, limiters, 'staff', () =>
        verifyStaffLogin(ctx.db, req.body),
      );
      ctx.logger.info({ username }, 'staff signed in');
      return { ok: true };
    },
  );

  app.post<{
    Body: {
      username: string;
      displayName?: string;
      departmentCode: string;
      roles: StaffRole[];
      stationCodes?: string[];
    };
  }>(
    '/api/v1/admin/staff',
    {
      bodyLimit: AUTH_BODY_LIMIT,
      config: { policy: 'admin', idempotency: 'no-replay' },
      schema: {
        tags: ['admin'],
        summary:
          '新增工作人员（初始密码与动态口令密钥只显示一次）Add staff; password and TOTP secret shown once',
        body: {
          type: 'object',
          required: ['username', 'departmentCode', 'roles'],
          additionalProperties: false,
          properties: {
            username: usernameSchema,
            displayName: { type: 'string', maxLength: 40 },
            departmentCode: { type: 'string', minLength: 1, maxLength: 64 },
            roles: rolesSchema,
            stationCodes: codesSchema,
          },
        },
        response: {
          201: {
            type: 'object',
            properties: {
              username: { type: 'string' },
              initialPassword: { type: 'string' },
              totpSecret: { type: 'string' },
              otpauthUrl: { type: 'string' },
            },
          },
          400: errorSchema,
          404: errorSchema,
          409: errorSchema,
          ...authErrors,
        },
      },
    },
    async (req, reply) => {
      const enrolment = await createStaff(ctx.db, req.body);
      ctx.logger.info(
        { username: enrolment.username, by: req.identity.kind === 'staff' ? req.identity.username : '' },
        'staff added',
      );
      reply.status(201);
      return enrolment;
    },
  );

  app.patch<{
    Params: { username: string };
    Body: { roles?: StaffRole[]; stationCodes?: string[]; disabled?: boolean };
  }>(
    '/api/v1/admin/staff/:username',
    {
      bodyLimit: AUTH_BODY_LIMIT,
      config: { policy: 'admin' },
      schema: {
        tags: ['admin'],
        summary: '修改角色、辖区或停用（结束其会话）Change roles, stations or disable; ends their sessions',
        params: { type: 'object', properties: { username: usernameSchema } },
        body: {
          type: 'object',
          additionalProperties: false,
          minProperties: 1,
          properties: { roles: rolesSchema, stationCodes: codesSchema, disabled: { type: 'boolean' } },
        },
        response: {
          200: { type: 'object', properties: { sessionsRevoked: { type: 'integer' } } },
          400: errorSchema,
          404: errorSchema,
          ...authErrors,
        },
      },
    },
    async (req) => updateStaff(ctx.db, req.params.username, req.body),
  );
}
