// Who is calling: the kiosk session header, a bearer token (client access token or kiosk device
// credential) or the session cookie. Anything unproven is `anonymous` (deny by default).
import type {} from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Identity } from '../../http/identity.ts';
import { clientFromAccessToken } from './clients.service.ts';
import { DEVICE_CREDENTIAL_PREFIX, kioskFromCredential, kioskIdentityFromToken } from './kiosks.service.ts';
import { loadResident } from './residents.service.ts';
import { findLiveSession, SESSION_COOKIE } from './sessions.ts';
import { loadStaff } from './staff.service.ts';

/** Header carrying a kiosk session token. */
export const KIOSK_SESSION_HEADER = 'x-kiosk-session';

/** The identity of a request that proves nothing. */
export const ANONYMOUS: Identity = Object.freeze({ kind: 'anonymous' });

/** Whether a request carries anything `resolveIdentity` would look up (most public requests do not). */
export function presentsCredentials(req: FastifyRequest): boolean {
  return (
    req.headers[KIOSK_SESSION_HEADER] !== undefined ||
    req.headers.authorization !== undefined ||
    req.cookies?.[SESSION_COOKIE] !== undefined
  );
}

/** Resolves the identity of a request from its credentials. */
export async function resolveIdentity(
  db: Kysely<Database>,
  req: FastifyRequest,
  issuer: string,
): Promise<Identity> {
  const kioskToken = req.headers[KIOSK_SESSION_HEADER];
  if (typeof kioskToken === 'string' && kioskToken.length > 0 && kioskToken.length < 200)
    return (await kioskIdentityFromToken(db, kioskToken)) ?? ANONYMOUS;

  const authorization = req.headers.authorization;
  if (authorization) {
    const m = /^Bearer ([A-Za-z0-9._~+/=-]{10,2048})$/.exec(authorization);
    if (m) {
      const token = m[1]!;
      if (token.startsWith(DEVICE_CREDENTIAL_PREFIX)) {
        const kioskId = await kioskFromCredential(db, token);
        return kioskId ? { kind: 'kiosk-device', kioskId } : ANONYMOUS;
      }
      return (await clientFromAccessToken(db, token, issuer)) ?? ANONYMOUS;
    }
  }

  const cookie = req.cookies?.[SESSION_COOKIE];
  if (cookie && cookie.length < 200) {
    const session = await findLiveSession(db, cookie);
    if (!session) return ANONYMOUS;
    if (session.subject.kind === 'resident') {
      const resident = await loadResident(db, session.subject.id);
      return resident
        ? {
            kind: 'resident',
            idNumber: resident.idNumber,
            accountId: resident.accountId,
            sessionId: session.id,
          }
        : ANONYMOUS;
    }
    const staff = await loadStaff(db, session.subject.id);
    return staff
      ? {
          kind: 'staff',
          username: staff.username,
          roles: staff.roles,
          departmentCode: staff.departmentCode,
          stationCodes: staff.stationCodes,
          sessionId: session.id,
        }
      : ANONYMOUS;
  }
  return ANONYMOUS;
}

/** A stable, non-secret name for the caller (rate-limit and idempotency keys). */
export function principalOf(identity: Identity, ip: string): string {
  switch (identity.kind) {
    case 'resident':
      return `resident:${identity.accountId}`;
    case 'staff':
      return `staff:${identity.username}`;
    case 'client':
      return `client:${identity.clientId}`;
    case 'kiosk':
      return `kiosk-session:${identity.kioskSessionId}`;
    case 'kiosk-device':
      return `kiosk:${identity.kioskId}`;
    default:
      return `ip:${ip}`;
  }
}
