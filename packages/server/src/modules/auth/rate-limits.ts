// Throttles on top of the global per-caller limit: failed logins per account and per IP, registrations
// per person, token requests per client. Backed by the same store as @fastify/rate-limit (Redis or memory).
import { AppError } from '@certcloud/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { principalOf } from './identity-resolver.ts';
import { sha256 } from './secrets.ts';

/** A limiter made by @fastify/rate-limit's `createRateLimit`. */
export type Limiter = ReturnType<FastifyInstance['createRateLimit']>;

const field = (req: FastifyRequest, name: string): string =>
  String((req.body as Record<string, unknown> | undefined)?.[name] ?? '');

/** The throttles used by the auth routes. Keys hash the account name: no ID number in Redis. */
export function createAuthLimiters(app: FastifyInstance) {
  const FIFTEEN_MIN = 15 * 60_000;
  return {
    /** Failed resident logins per ID number: 10 per 15 minutes. */
    residentLogin: app.createRateLimit({
      max: 10,
      timeWindow: FIFTEEN_MIN,
      keyGenerator: (req) => `fail:resident:${sha256(field(req, 'idNumber'))}`,
    }),
    /** Failed staff logins per username: 5 per 15 minutes. */
    staffLogin: app.createRateLimit({
      max: 5,
      timeWindow: FIFTEEN_MIN,
      keyGenerator: (req) => `fail:staff:${sha256(field(req, 'username'))}`,
    }),
    /** Wrong current passwords at a password change, per signed-in account: 5 per 15 minutes. */
    passwordChange: app.createRateLimit({
      max: 5,
      timeWindow: FIFTEEN_MIN,
      keyGenerator: (req) => `fail:password:${sha256(principalOf(req.identity, req.ip))}`,
    }),
    /** Failed logins from one IP across accounts (password spraying): 100 per 15 minutes. */
    loginIp: app.createRateLimit({
      max: 100,
      timeWindow: FIFTEEN_MIN,
      keyGenerator: (req) => `fail:ip:${req.ip}`,
    }),
    /** Registrations per ID number: 5 per hour (each sends a text). */
    register: app.createRateLimit({
      max: 5,
      timeWindow: 3600_000,
      keyGenerator: (req) => `register:${sha256(field(req, 'idNumber'))}`,
    }),
    /** Token requests per client id: 60 per minute. */
    token: app.createRateLimit({
      max: 60,
      timeWindow: 60_000,
      keyGenerator: (req) => `token:${sha256(field(req, 'client_id') || req.ip)}`,
    }),
  };
}

/** The auth route limiters. */
export type AuthLimiters = ReturnType<typeof createAuthLimiters>;

function refuse(reply: FastifyReply, ttlInSeconds: number): never {
  const retryAfter = Math.max(1, ttlInSeconds);
  reply.header('retry-after', String(retryAfter));
  throw new AppError('RATE_LIMITED', { details: { retryAfterSeconds: retryAfter } });
}

/** Refuses with 429 + Retry-After when earlier failures have used up the limiter (does not count). */
export async function assertNotThrottled(
  limiters: Limiter[],
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  for (const limiter of limiters) {
    const r = await limiter(req, { increment: false });
    if (!r.isAllowed && r.remaining === 0 && r.ttl > 0) refuse(reply, r.ttlInSeconds);
  }
}

/** Counts one failure against each limiter. */
export async function countFailure(limiters: Limiter[], req: FastifyRequest): Promise<void> {
  for (const limiter of limiters) await limiter(req);
}

/** Counts one request and refuses with 429 + Retry-After past the limit. */
export async function takeOrRefuse(
  limiter: Limiter,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  const r = await limiter(req);
  if (!r.isAllowed && r.isExceeded) refuse(reply, r.ttlInSeconds);
}
