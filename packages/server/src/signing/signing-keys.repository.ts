// SQL for signing_keys.
import type { Kysely } from 'kysely';
import type { Database, SigningKeyRow } from '../db/schema.ts';

/** The active keys of one department (or the root CA, department ''). */
export function activeKeys(db: Kysely<Database>, departmentCode: string): Promise<SigningKeyRow[]> {
  return db
    .selectFrom('signing_keys')
    .selectAll()
    .where('department_code', '=', departmentCode)
    .where('status', '=', 'active')
    .execute();
}

/** Every key, newest first (public parts are published, retired ones included). */
export function allKeys(db: Kysely<Database>): Promise<SigningKeyRow[]> {
  return db.selectFrom('signing_keys').selectAll().orderBy('created_at', 'desc').orderBy('kid').execute();
}

/**
 * Stores new keys; with `retireFirst`, the department's active keys are retired in the same
 * transaction. Returns false when another process won the race to create them (unique index).
 */
export async function insertKeys(
  db: Kysely<Database>,
  rows: SigningKeyRow[],
  retireFirst?: { departmentCode: string; at: string },
): Promise<boolean> {
  try {
    await db.transaction().execute(async (trx) => {
      if (retireFirst) {
        await trx
          .updateTable('signing_keys')
          .set({ status: 'retired', retired_at: retireFirst.at })
          .where('department_code', '=', retireFirst.departmentCode)
          .where('status', '=', 'active')
          .execute();
      }
      await trx.insertInto('signing_keys').values(rows).execute();
    });
    return true;
  } catch (e) {
    if (!retireFirst && /unique|duplicate/i.test(String((e as Error).message))) return false;
    throw e;
  }
}
