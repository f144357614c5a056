// Random tokens, hashes and password hashing. Tokens are stored only as SHA-256 hashes; passwords as argon2id.
import crypto from 'node:crypto';
import argon2 from 'argon2';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** A URL-safe random token of `bytes` random bytes (32 = 256 bits). */
export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

/** Hex SHA-256 of a token: what the store keeps instead of the token itself. */
export function sha256(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}

/** Constant-time comparison of two hex digests. */
export function sameDigest(a: string, b: string): boolean {
  const ba = Buffer.from(a, 'hex');
  const bb = Buffer.from(b, 'hex');
  return ba.length === bb.length && crypto.timingSafeEqual(ba, bb);
}

// OWASP minimum for argon2id (19 MiB, t=2, p=1): a login costs tens of milliseconds, not seconds.
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** argon2id hash of a password. */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies a password against a hash; with no hash (unknown account) it verifies against a dummy hash
 * so that unknown and known accounts take the same time, and always answers false.
 */
export async function verifyPassword(hash: string | undefined, password: string): Promise<boolean> {
  if (!hash) {
    dummyHash ??= hashPassword(randomToken());
    await argon2.verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return argon2.verify(hash, password).catch(() => false);
}

const keyCache = new WeakMap<object, Map<string, Promise<Buffer>>>();

/**
 * A named 256-bit server secret kept in the store, created on first use; every process of a cluster
 * reads the same one (insert-if-absent, then read).
 */
export function serverSecret(db: Kysely<Database>, name: string): Promise<Buffer> {
  let perDb = keyCache.get(db);
  if (!perDb) {
    perDb = new Map();
    keyCache.set(db, perDb);
  }
  let secret = perDb.get(name);
  if (!secret) {
    secret = (async () => {
      await db
        .insertInto('auth_keys')
        .values({ name, secret: randomToken(32), created_at: new Date().toISOString() })
        .onConflict((oc) => oc.column('name').doNothing())
        .execute();
      const row = await db
        .selectFrom('auth_keys')
        .select('secret')
        .where('name', '=', name)
        .executeTakeFirstOrThrow();
      return Buffer.from(row.secret, 'base64url');
    })();
    secret.catch(() => perDb.delete(name));
    perDb.set(name, secret);
  }
  return secret;
}

/** HMAC-SHA256 (hex) of a short value under a server secret: one-time codes are too short to hash plainly. */
export async function keyedHash(db: Kysely<Database>, keyName: string, value: string): Promise<string> {
  const key = await serverSecret(db, keyName);
  return crypto.createHmac('sha256', key).update(value).digest('hex');
}

/** ISO time `ms` milliseconds from `from`. */
export function isoAfter(ms: number, from = Date.now()): string {
  return new Date(from + ms).toISOString();
}
