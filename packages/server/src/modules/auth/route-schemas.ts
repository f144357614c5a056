// JSON schema pieces shared by the auth routes (request validation and the OpenAPI document).

/** A resident ID number as typed (validated again by the service). */
export const idNumberSchema = { type: 'string', pattern: '^[0-9]{17}[0-9Xx]$' } as const;
/** A mainland mobile number. */
export const phoneSchema = { type: 'string', pattern: '^1[0-9]{10}$' } as const;
/** A new password: long enough to resist guessing, short enough to bound argon2 input. */
export const newPasswordSchema = { type: 'string', minLength: 10, maxLength: 128 } as const;
/** A password being checked (any length up to the bound). */
export const passwordSchema = { type: 'string', minLength: 1, maxLength: 128 } as const;

/** The platform's error body. */
export const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        code: { type: 'string' },
        message: { type: 'string' },
        messageEn: { type: 'string' },
        details: { type: 'object', additionalProperties: true },
      },
    },
  },
} as const;

/** Error answers every authenticated route can give. */
export const authErrors = { 401: errorSchema, 403: errorSchema, 429: errorSchema } as const;

/** `{ ok: true }`. */
export const okSchema = { type: 'object', properties: { ok: { type: 'boolean' } } } as const;

/** What `GET /api/v1/auth/me` answers: who is signed in, masked where it is an ID number. */
export const meSchema = {
  type: 'object',
  properties: {
    kind: { type: 'string' },
    maskedIdNumber: { type: 'string' },
    username: { type: 'string' },
    roles: { type: 'array', items: { type: 'string' } },
    departmentCode: { type: 'string' },
    stationCodes: { type: 'array', items: { type: 'string' } },
  },
} as const;

/** Small bodies only on auth routes. */
export const AUTH_BODY_LIMIT = 16 * 1024;
