// OAuth 2 client credentials for department systems and organisations: hashed secrets, short-lived JWTs.
import crypto from 'node:crypto';
import { AppError, validateUscc } from '@certcloud/core';
import { jwtVerify, SignJWT } from 'jose';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Identity } from '../../http/identity.ts';
import { ORG_CERTIFICATES_SCOPE } from './policy.ts';
import { randomToken, sameDigest, serverSecret, sha256 } from './secrets.ts';

/** Access tokens live this long (seconds). */
export const ACCESS_TOKEN_TTL_S = 600;
const JWT_KEY = 'oauth-jwt-hs256';
const AUDIENCE = 'certcloud-api';

/** What an admin asks for when creating a client. */
export interface NewClient {
  kind: 'department' | 'organisation';
  ownerCode: string;
  name: string;
  scopes: string[];
}

/** Scopes a client of each kind may hold. */
export function scopeAllowed(kind: NewClient['kind'], scope: string): boolean {
  return kind === 'department'
    ? /^check:[a-z][a-z0-9-]{1,40}$/.test(scope)
    : scope === ORG_CERTIFICATES_SCOPE;
}

/** Creates a client; the secret is returned once and only its hash is kept. */
export async function createClient(
  db: Kysely<Database>,
  input: NewClient,
): Promise<{ clientId: string; clientSecret: string }> {
  const bad = input.scopes.filter((s) => !scopeAllowed(input.kind, s));
  if (bad.length > 0 || input.scopes.length === 0)
    throw new AppError('VALIDATION_FAILED', {
      details: { problems: [{ path: '/scopes', message: `not allowed: ${bad.join(', ')}` }] },
    });
  if (input.kind === 'organisation' && !validateUscc(input.ownerCode).ok) throw new AppError('INVALID_USCC');
  if (input.kind === 'department') {
    const dept = await db
      .selectFrom('departments')
      .select('code')
      .where('code', '=', input.ownerCode)
      .executeTakeFirst();
    if (!dept) throw new AppError('NOT_FOUND', { details: { department: input.ownerCode } });
  }
  const clientId = `${input.kind === 'department' ? 'dep' : 'org'}_${randomToken(9)}`;
  const clientSecret = `cs_${randomToken(32)}`;
  const now = new Date().toISOString();
  await db
    .insertInto('oauth_clients')
    .values({
      client_id: clientId,
      kind: input.kind,
      owner_code: input.ownerCode,
      name: input.name,
      secret_hash: sha256(clientSecret),
      scopes: JSON.stringify([...new Set(input.scopes)].sort()),
      created_at: now,
      tokens_valid_after: now,
      disabled_at: null,
    })
    .execute();
  return { clientId, clientSecret };
}

/** Replaces a client's secret (the old one stops working at once; its tokens too). */
export async function rotateClientSecret(
  db: Kysely<Database>,
  clientId: string,
): Promise<{ clientSecret: string }> {
  const clientSecret = `cs_${randomToken(32)}`;
  const result = await db
    .updateTable('oauth_clients')
    .set({ secret_hash: sha256(clientSecret), tokens_valid_after: new Date().toISOString() })
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw new AppError('NOT_FOUND');
  return { clientSecret };
}

/** Lists clients without secrets. */
export async function listClients(db: Kysely<Database>) {
  const rows = await db.selectFrom('oauth_clients').selectAll().orderBy('created_at').execute();
  return rows.map((r) => ({
    clientId: r.client_id,
    kind: r.kind,
    ownerCode: r.owner_code,
    name: r.name,
    scopes: JSON.parse(r.scopes) as string[],
    createdAt: r.created_at,
    disabled: r.disabled_at !== null,
  }));
}

/**
 * Client credentials grant: checks the secret (unknown clients cost the same hash and give the same
 * answer) and signs an access token for the requested scopes (default: all the client holds).
 */
export async function issueAccessToken(
  db: Kysely<Database>,
  input: { clientId: string; clientSecret: string; scope?: string | undefined; issuer: string },
): Promise<{ access_token: string; token_type: 'Bearer'; expires_in: number; scope: string }> {
  const row = await db
    .selectFrom('oauth_clients')
    .selectAll()
    .where('client_id', '=', input.clientId)
    .executeTakeFirst();
  const ok = sameDigest(sha256(input.clientSecret), row?.secret_hash ?? sha256(randomToken()));
  if (!row || !ok || row.disabled_at) throw new AppError('INVALID_CLIENT');
  const held = JSON.parse(row.scopes) as string[];
  const asked = input.scope ? input.scope.split(/\s+/).filter(Boolean) : held;
  const notHeld = asked.filter((s) => !held.includes(s));
  if (notHeld.length > 0) throw new AppError('FORBIDDEN', { details: { scopes: notHeld } });
  const key = await serverSecret(db, JWT_KEY);
  const access_token = await new SignJWT({
    scope: asked.join(' '),
    gen: row.tokens_valid_after,
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'at+jwt' })
    .setIssuer(input.issuer)
    .setAudience(AUDIENCE)
    .setSubject(row.client_id)
    .setJti(crypto.randomUUID())
    .setIssuedAt()
    .setExpirationTime(`${ACCESS_TOKEN_TTL_S}s`)
    .sign(key);
  return { access_token, token_type: 'Bearer', expires_in: ACCESS_TOKEN_TTL_S, scope: asked.join(' ') };
}

/**
 * The client identity for a bearer access token, or undefined when the token is invalid, expired,
 * issued before a rotation, or the client is disabled. Scopes are narrowed to what the client holds now.
 */
export async function clientFromAccessToken(
  db: Kysely<Database>,
  token: string,
  issuer: string,
): Promise<Extract<Identity, { kind: 'client' }> | undefined> {
  const key = await serverSecret(db, JWT_KEY);
  let payload: Awaited<ReturnType<typeof jwtVerify>>['payload'];
  try {
    ({ payload } = await jwtVerify(token, key, { issuer, audience: AUDIENCE, algorithms: ['HS256'] }));
  } catch {
    return undefined;
  }
  const row = await db
    .selectFrom('oauth_clients')
    .selectAll()
    .where('client_id', '=', String(payload.sub))
    .executeTakeFirst();
  if (!row || row.disabled_at) return undefined;
  // `gen` names the secret generation the token was issued under: rotation or disable invalidates it.
  if (payload['gen'] !== row.tokens_valid_after) return undefined;
  const held = JSON.parse(row.scopes) as string[];
  const scopes = String(payload['scope'] ?? '')
    .split(' ')
    .filter((s) => held.includes(s));
  return { kind: 'client', clientId: row.client_id, clientKind: row.kind, ownerCode: row.owner_code, scopes };
}
