// Resident accounts: register against the household register (户籍), confirm with a one-time code, log in.
import crypto from 'node:crypto';
import { AppError, maskPhone } from '@certcloud/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Notifier } from '../../notify/notifier.ts';
import { hashPassword, isoAfter, keyedHash, verifyPassword } from './secrets.ts';
import { revokeSubjectSessions } from './sessions.ts';

const CODE_KEY = 'resident-code-hmac';
const CODE_TTL_MS = 10 * 60_000;
const CODE_MAX_ATTEMPTS = 5;

/** The one answer to every registration request, whoever it names. */
export const REGISTER_ANSWER = {
  status: 'code-sent-if-matched',
  message: '如信息与户籍登记一致，验证码已发送到您的手机，10分钟内有效。',
  messageEn:
    'If the details match the household register, a code was sent to the phone; it is valid for 10 minutes.',
} as const;

/**
 * Starts a registration. Known and unknown persons do the same work (a lookup, a code, an HMAC, one
 * insert) and get the same answer; only a match with a registered person without an account gets a text.
 */
export async function startRegistration(
  db: Kysely<Database>,
  notifier: Notifier,
  input: { idNumber: string; name: string; phone: string },
): Promise<typeof REGISTER_ANSWER> {
  const [person, account] = await Promise.all([
    db
      .selectFrom('src_household')
      .select(['name', 'status'])
      .where('id_number', '=', input.idNumber)
      .executeTakeFirst(),
    db
      .selectFrom('resident_accounts')
      .select('id')
      .where('id_number', '=', input.idNumber)
      .executeTakeFirst(),
  ]);
  const matched = !!person && person.status === 'registered' && person.name === input.name.trim() && !account;
  const code = crypto.randomInt(0, 1_000_000).toString().padStart(6, '0');
  const now = Date.now();
  await db
    .insertInto('resident_pending')
    .values({
      id: crypto.randomUUID(),
      id_number: input.idNumber,
      phone: input.phone,
      code_hash: await keyedHash(db, CODE_KEY, `${input.idNumber}:${code}`),
      matched: matched ? 1 : 0,
      attempts: 0,
      created_at: new Date(now).toISOString(),
      expires_at: isoAfter(CODE_TTL_MS, now),
    })
    .execute();
  if (matched) {
    // Sent after the answer, so the gateway's latency cannot tell a match from a mismatch.
    setImmediate(() => {
      notifier
        .send({
          channel: 'sms',
          to: input.phone,
          purpose: 'resident-registration',
          text: `【证明云】您的注册验证码为 ${code}，10分钟内有效。请勿告诉他人。Your certcloud code: ${code}`,
        })
        .catch((err: unknown) => notifier.onError?.(err, maskPhone(input.phone)));
    });
  }
  return REGISTER_ANSWER;
}

/** Confirms a registration with its code and sets the password; returns the new account id. */
export async function confirmRegistration(
  db: Kysely<Database>,
  input: { idNumber: string; code: string; password: string },
): Promise<string> {
  const nowIso = new Date().toISOString();
  const pending = await db
    .selectFrom('resident_pending')
    .selectAll()
    .where('id_number', '=', input.idNumber)
    .where('expires_at', '>', nowIso)
    .where('attempts', '<', CODE_MAX_ATTEMPTS)
    .execute();
  const codeHash = await keyedHash(db, CODE_KEY, `${input.idNumber}:${input.code}`);
  const hit = pending.find((p) => p.code_hash === codeHash);
  if (hit?.matched !== 1) {
    // Every open registration for this person loses one attempt: 5 guesses in all, not 5 per request.
    await db
      .updateTable('resident_pending')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('id_number', '=', input.idNumber)
      .execute();
    throw new AppError('INVALID_CODE');
  }
  const passwordHash = await hashPassword(input.password);
  const id = crypto.randomUUID();
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('resident_accounts')
      .values({
        id,
        id_number: input.idNumber,
        phone: hit.phone,
        password_hash: passwordHash,
        created_at: nowIso,
        password_changed_at: nowIso,
        disabled_at: null,
      })
      .onConflict((oc) => oc.column('id_number').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) throw new AppError('INVALID_CODE');
    await trx.deleteFrom('resident_pending').where('id_number', '=', input.idNumber).execute();
    return id;
  });
}

/** Checks an ID number and password; unknown accounts cost the same and answer the same. */
export async function verifyResidentLogin(
  db: Kysely<Database>,
  input: { idNumber: string; password: string },
): Promise<string> {
  const row = await db
    .selectFrom('resident_accounts')
    .select(['id', 'password_hash', 'disabled_at'])
    .where('id_number', '=', input.idNumber)
    .executeTakeFirst();
  const ok = await verifyPassword(row?.password_hash, input.password);
  if (!row || !ok || row.disabled_at) throw new AppError('INVALID_CREDENTIALS');
  return row.id;
}

/** The resident fields of an account id, or undefined if absent or disabled. */
export async function loadResident(db: Kysely<Database>, accountId: string) {
  const row = await db
    .selectFrom('resident_accounts')
    .select(['id', 'id_number', 'phone', 'disabled_at'])
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (!row || row.disabled_at) return undefined;
  return { accountId: row.id, idNumber: row.id_number, phone: row.phone };
}

/** Changes a resident's password after checking the current one; ends all their sessions. */
export async function changeResidentPassword(
  db: Kysely<Database>,
  accountId: string,
  current: string,
  next: string,
): Promise<void> {
  const row = await db
    .selectFrom('resident_accounts')
    .select('password_hash')
    .where('id', '=', accountId)
    .executeTakeFirst();
  if (!row || !(await verifyPassword(row.password_hash, current))) throw new AppError('INVALID_CREDENTIALS');
  const now = new Date().toISOString();
  await db
    .updateTable('resident_accounts')
    .set({ password_hash: await hashPassword(next), password_changed_at: now })
    .where('id', '=', accountId)
    .execute();
  await revokeSubjectSessions(db, { kind: 'resident', id: accountId }, 'password-changed');
}
