// Resident login through the province's OpenID Connect provider (authorization code + PKCE), by configuration.
// The ID token must carry the resident ID number; the person must be registered in the household register.
import crypto from 'node:crypto';
import { AppError, maskResidentId, validateResidentId } from '@certcloud/core';
import type { FastifyInstance } from 'fastify';
import * as oidc from 'openid-client';
import type { AuthContext } from './auth-context.ts';
import { startBrowserSession } from './residents.routes.ts';
import { errorSchema } from './route-schemas.ts';
import { randomToken, serverSecret } from './secrets.ts';

const STATE_COOKIE = 'cc_oidc';
const STATE_TTL_MS = 10 * 60_000;
const CALLBACK_PATH = '/api/v1/auth/oidc/callback';

interface PendingLogin {
  state: string;
  nonce: string;
  verifier: string;
  exp: number;
}

// The pending login travels in an HMAC-signed, HttpOnly cookie: no server state between the two legs.
async function seal(ctx: AuthContext, value: PendingLogin): Promise<string> {
  const body = Buffer.from(JSON.stringify(value)).toString('base64url');
  const mac = crypto
    .createHmac('sha256', await serverSecret(ctx.db, 'oidc-state'))
    .update(body)
    .digest('base64url');
  return `${body}.${mac}`;
}

async function unseal(ctx: AuthContext, sealed: string | undefined): Promise<PendingLogin | undefined> {
  const [body, mac] = (sealed ?? '').split('.');
  if (!body || !mac) return undefined;
  const expected = crypto
    .createHmac('sha256', await serverSecret(ctx.db, 'oidc-state'))
    .update(body)
    .digest();
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return undefined;
  const value = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as PendingLogin;
  return value.exp > Date.now() ? value : undefined;
}

/** Registers `/api/v1/auth/oidc/login` and its callback when OIDC_ISSUER is configured. */
export function oidcRoutes(app: FastifyInstance, ctx: AuthContext): void {
  const settings = ctx.config.oidc;
  if (!settings) return;
  let discovered: Promise<oidc.Configuration> | undefined;
  // Discovered at first use, so the platform starts even when the provider is down.
  const configuration = () => {
    discovered ??= oidc
      .discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, {
        // Plain http only for a provider on this machine (development and tests).
        ...(/^http:\/\/(localhost|127\.0\.0\.1)[:/]/.test(settings.issuer)
          ? { execute: [oidc.allowInsecureRequests] }
          : {}),
      })
      .catch((err: unknown) => {
        discovered = undefined;
        throw new AppError('SOURCE_UNAVAILABLE', { cause: err, details: { provider: 'oidc' } });
      });
    return discovered;
  };
  const redirectUri = `${ctx.config.publicUrl}${CALLBACK_PATH}`;
  const stateCookie = {
    httpOnly: true,
    secure: ctx.config.publicUrl.startsWith('https://'),
    sameSite: 'lax' as const, // the callback is a top-level redirect from the provider's site
    path: CALLBACK_PATH,
    maxAge: STATE_TTL_MS / 1000,
  };

  app.get(
    '/api/v1/auth/oidc/login',
    {
      config: { policy: 'public' },
      schema: {
        tags: ['auth'],
        summary: '统一身份认证登录 Sign in with the province OIDC provider (302)',
        response: { 503: errorSchema },
      },
    },
    async (_req, reply) => {
      const config = await configuration();
      const pending: PendingLogin = {
        state: randomToken(16),
        nonce: randomToken(16),
        verifier: oidc.randomPKCECodeVerifier(),
        exp: Date.now() + STATE_TTL_MS,
      };
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: 'openid',
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier),
        code_challenge_method: 'S256',
      });
      reply.setCookie(STATE_COOKIE, await seal(ctx, pending), stateCookie);
      return reply.redirect(url.href, 302);
    },
  );

  app.get(
    CALLBACK_PATH,
    {
      config: { policy: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'OIDC callback: sets the session cookie and returns to the portal (302)',
        response: { 401: errorSchema },
      },
    },
    async (req, reply) => {
      const pending = await unseal(ctx, req.cookies[STATE_COOKIE]);
      reply.clearCookie(STATE_COOKIE, { path: CALLBACK_PATH });
      if (!pending) throw new AppError('UNAUTHENTICATED', { details: { reason: 'oidc-state' } });
      const config = await configuration();
      const query = req.url.slice(req.url.indexOf('?'));
      let claims: oidc.IDToken | undefined;
      try {
        const tokens = await oidc.authorizationCodeGrant(config, new URL(`${redirectUri}${query}`), {
          pkceCodeVerifier: pending.verifier,
          expectedState: pending.state,
          expectedNonce: pending.nonce,
        });
        claims = tokens.claims();
      } catch (err) {
        ctx.logger.warn({ err: (err as Error).message }, 'OIDC code exchange refused');
        throw new AppError('UNAUTHENTICATED', { details: { reason: 'oidc-exchange' } });
      }
      const idNumber = String(claims?.[settings.idNumberClaim] ?? '').toUpperCase();
      if (!validateResidentId(idNumber).ok)
        throw new AppError('UNAUTHENTICATED', { details: { reason: 'oidc-claim' } });
      const accountId = await ensureOidcAccount(ctx, idNumber, String(claims?.['phone_number'] ?? ''));
      await startBrowserSession(ctx, reply, undefined, { kind: 'resident', id: accountId });
      ctx.logger.info({ who: maskResidentId(idNumber) }, 'resident signed in through OIDC');
      return reply.redirect('/', 302);
    },
  );
}

/** The resident account for an OIDC-proven ID number; created (without a password) on first login. */
async function ensureOidcAccount(ctx: AuthContext, idNumber: string, phone: string): Promise<string> {
  const person = await ctx.db
    .selectFrom('src_household')
    .select('status')
    .where('id_number', '=', idNumber)
    .executeTakeFirst();
  if (person?.status !== 'registered')
    throw new AppError('FORBIDDEN', { details: { reason: 'not-in-register' } });
  const now = new Date().toISOString();
  await ctx.db
    .insertInto('resident_accounts')
    .values({
      id: crypto.randomUUID(),
      id_number: idNumber,
      phone,
      password_hash: '!oidc-only', // not an argon2 hash: password login stays closed until one is set
      created_at: now,
      password_changed_at: now,
      disabled_at: null,
    })
    .onConflict((oc) => oc.column('id_number').doNothing())
    .execute();
  const row = await ctx.db
    .selectFrom('resident_accounts')
    .select(['id', 'disabled_at'])
    .where('id_number', '=', idNumber)
    .executeTakeFirstOrThrow();
  if (row.disabled_at) throw new AppError('FORBIDDEN', { details: { reason: 'account-disabled' } });
  return row.id;
}
