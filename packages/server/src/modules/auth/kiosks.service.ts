// Kiosks (证明自助一体机): a device credential per kiosk, and short resident sessions started by card + face.
import crypto from 'node:crypto';
import { AppError } from '@certcloud/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Identity } from '../../http/identity.ts';
import type { CardReader, FaceVerifier, KioskReading } from './kiosk-devices.ts';
import { randomToken, sameDigest, sha256 } from './secrets.ts';

/** A kiosk session ends after this long without a request. */
export const KIOSK_IDLE_MS = 60_000;
/** Prefix of device credentials, so a bearer value is recognisably one. */
export const DEVICE_CREDENTIAL_PREFIX = 'ckd_';

/** Registers a kiosk; the device credential is returned once. */
export async function createKiosk(
  db: Kysely<Database>,
  input: { name: string; location: string },
): Promise<{ kioskId: string; deviceCredential: string }> {
  const kioskId = `kiosk_${randomToken(6)}`;
  const secret = randomToken(32);
  await db
    .insertInto('kiosks')
    .values({
      kiosk_id: kioskId,
      name: input.name,
      location: input.location,
      secret_hash: sha256(secret),
      created_at: new Date().toISOString(),
      disabled_at: null,
    })
    .execute();
  return { kioskId, deviceCredential: `${DEVICE_CREDENTIAL_PREFIX}${kioskId}.${secret}` };
}

/** The kiosk named by a device credential, or undefined if unknown, wrong or disabled. */
export async function kioskFromCredential(
  db: Kysely<Database>,
  credential: string,
): Promise<string | undefined> {
  const m = /^ckd_(kiosk_[A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{20,})$/.exec(credential);
  if (!m) return undefined;
  const row = await db.selectFrom('kiosks').selectAll().where('kiosk_id', '=', m[1]!).executeTakeFirst();
  if (!row || row.disabled_at || !sameDigest(sha256(m[2]!), row.secret_hash)) return undefined;
  return row.kiosk_id;
}

/**
 * Starts a resident's session at a kiosk: the card is read, the face compared, the person must be in
 * the household register. Any session still open on that kiosk ends first (one person at a time).
 */
export async function startKioskSession(
  db: Kysely<Database>,
  devices: { cardReader: CardReader; faceVerifier: FaceVerifier },
  kioskId: string,
  reading: KioskReading,
): Promise<{ sessionToken: string; sessionId: string; idNumber: string; name: string }> {
  const card = await devices.cardReader.read(reading);
  if (!card) throw new AppError('CARD_NOT_RECOGNISED');
  const person = await db
    .selectFrom('src_household')
    .select(['name'])
    .where('id_number', '=', card.idNumber)
    .executeTakeFirst();
  if (!person) throw new AppError('CARD_NOT_RECOGNISED');
  if (!(await devices.faceVerifier.verify(card.idNumber, reading))) throw new AppError('FACE_NOT_MATCHED');
  const token = randomToken(32);
  const id = crypto.randomUUID();
  const now = new Date().toISOString();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('kiosk_sessions')
      .set({ ended_at: now, end_reason: 'replaced' })
      .where('kiosk_id', '=', kioskId)
      .where('ended_at', 'is', null)
      .execute();
    await trx
      .insertInto('kiosk_sessions')
      .values({
        id,
        token_hash: sha256(token),
        kiosk_id: kioskId,
        id_number: card.idNumber,
        started_at: now,
        last_seen_at: now,
        ended_at: null,
        end_reason: null,
      })
      .execute();
  });
  return { sessionToken: token, sessionId: id, idNumber: card.idNumber, name: person.name };
}

/** The kiosk identity for a session token, touched; undefined when ended or idle for 60 s. */
export async function kioskIdentityFromToken(
  db: Kysely<Database>,
  token: string,
): Promise<Extract<Identity, { kind: 'kiosk' }> | undefined> {
  const row = await db
    .selectFrom('kiosk_sessions')
    .innerJoin('kiosks', 'kiosks.kiosk_id', 'kiosk_sessions.kiosk_id')
    .select([
      'kiosk_sessions.id',
      'kiosk_sessions.kiosk_id',
      'id_number',
      'last_seen_at',
      'ended_at',
      'kiosks.disabled_at',
    ])
    .where('token_hash', '=', sha256(token))
    .executeTakeFirst();
  if (!row || row.ended_at || row.disabled_at) return undefined;
  if (Date.now() - Date.parse(row.last_seen_at) > KIOSK_IDLE_MS) {
    await endKioskSession(db, row.id, 'idle');
    return undefined;
  }
  await db
    .updateTable('kiosk_sessions')
    .set({ last_seen_at: new Date().toISOString() })
    .where('id', '=', row.id)
    .execute();
  return { kind: 'kiosk', kioskId: row.kiosk_id, idNumber: row.id_number, kioskSessionId: row.id };
}

/** Ends a kiosk session (card removed, printed, idle); the issuance service calls it after printing. */
export async function endKioskSession(
  db: Kysely<Database>,
  kioskSessionId: string,
  reason: 'card-removed' | 'printed' | 'idle' | 'replaced' = 'printed',
): Promise<void> {
  await db
    .updateTable('kiosk_sessions')
    .set({ ended_at: new Date().toISOString(), end_reason: reason })
    .where('id', '=', kioskSessionId)
    .where('ended_at', 'is', null)
    .execute();
}
