// Browser sessions: opaque 256-bit tokens in a cookie, only their SHA-256 in the store; idle and absolute limits.
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { isoAfter, randomToken, sha256 } from './secrets.ts';

/** The session cookie's name. */
export const SESSION_COOKIE = 'cc_session';

/** Idle limits (DESIGN/issue 6): staff 15 min, residents 30 min; absolute 12 h for both. */
export const SESSION_LIMITS = {
  staffIdleMs: 15 * 60_000,
  residentIdleMs: 30 * 60_000,
  absoluteMs: 12 * 3600_000,
} as const;

// last_seen_at is written at most this often, so reads do not each cost a write.
const TOUCH_EVERY_MS = 15_000;

/** Who a session belongs to. */
export interface SessionSubject {
  kind: 'resident' | 'staff';
  id: string;
}

/** Starts a session; returns the token for the cookie (shown to nobody else, never stored). */
export async function createSession(
  db: Kysely<Database>,
  subject: SessionSubject,
): Promise<{ id: string; token: string }> {
  const token = randomToken(32);
  const now = Date.now();
  const id = crypto.randomUUID();
  await db
    .insertInto('auth_sessions')
    .values({
      id,
      token_hash: sha256(token),
      subject_kind: subject.kind,
      subject_id: subject.id,
      created_at: new Date(now).toISOString(),
      last_seen_at: new Date(now).toISOString(),
      expires_at: isoAfter(SESSION_LIMITS.absoluteMs, now),
      revoked_at: null,
      revoke_reason: null,
    })
    .execute();
  return { id, token };
}

/** The live session for a cookie token, touched; undefined when unknown, revoked, idle or expired. */
export async function findLiveSession(
  db: Kysely<Database>,
  token: string,
): Promise<{ id: string; subject: SessionSubject } | undefined> {
  const row = await db
    .selectFrom('auth_sessions')
    .selectAll()
    .where('token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!row || row.revoked_at) return undefined;
  const now = Date.now();
  const idle = row.subject_kind === 'staff' ? SESSION_LIMITS.staffIdleMs : SESSION_LIMITS.residentIdleMs;
  const lastSeen = Date.parse(row.last_seen_at);
  if (now >= Date.parse(row.expires_at) || now - lastSeen > idle) {
    await revokeSession(db, row.id, now >= Date.parse(row.expires_at) ? 'expired' : 'idle');
    return undefined;
  }
  if (now - lastSeen > TOUCH_EVERY_MS) {
    await db
      .updateTable('auth_sessions')
      .set({ last_seen_at: new Date(now).toISOString() })
      .where('id', '=', row.id)
      .execute();
  }
  return { id: row.id, subject: { kind: row.subject_kind, id: row.subject_id } };
}

/** Ends one session (logout). */
export async function revokeSession(db: Kysely<Database>, sessionId: string, reason: string): Promise<void> {
  await db
    .updateTable('auth_sessions')
    .set({ revoked_at: new Date().toISOString(), revoke_reason: reason })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute();
}

/** Ends every session of a subject (password change, disable, role change). */
export async function revokeSubjectSessions(
  db: Kysely<Database>,
  subject: SessionSubject,
  reason: string,
): Promise<number> {
  const result = await db
    .updateTable('auth_sessions')
    .set({ revoked_at: new Date().toISOString(), revoke_reason: reason })
    .where('subject_kind', '=', subject.kind)
    .where('subject_id', '=', subject.id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Cookie attributes. `Secure` always, except when the platform itself runs on http://localhost or
 * http://127.0.0.1 (a developer laptop), where browsers would otherwise drop the cookie over plain HTTP.
 * SameSite=Strict: no cross-site request carries the session, which is the CSRF defence for cookie routes.
 */
export function sessionCookieOptions(publicUrl: string): {
  httpOnly: true;
  secure: boolean;
  sameSite: 'strict';
  path: '/';
  maxAge: number;
} {
  const local = /^http:\/\/(localhost|127\.0\.0\.1)(:\d+)?(\/|$)/.test(publicUrl);
  return {
    httpOnly: true,
    secure: !local,
    sameSite: 'strict',
    path: '/',
    maxAge: SESSION_LIMITS.absoluteMs / 1000,
  };
}
