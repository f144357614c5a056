// Resource-level checks that services call with `req.identity` after the route policy has let it through.
import { AppError } from '@certcloud/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Identity } from '../../http/identity.ts';
import { proveRelation, type Relation } from './relations.ts';

/** Throws FORBIDDEN unless the identity is staff serving the given police station (辖区). */
export function assertStaffInJurisdiction(identity: Identity, stationCode: string): void {
  if (identity.kind !== 'staff' || !identity.stationCodes.includes(stationCode))
    throw new AppError('FORBIDDEN', { details: { reason: 'jurisdiction' } });
}

/** Throws FORBIDDEN unless the identity is staff of the given department. */
export function assertStaffInDepartment(identity: Identity, departmentCode: string): void {
  if (identity.kind !== 'staff' || identity.departmentCode !== departmentCode)
    throw new AppError('FORBIDDEN', { details: { reason: 'department' } });
}

/** Throws FORBIDDEN unless the identity is a client holding `scope` (e.g. `check:survival`). */
export function assertClientScope(identity: Identity, scope: string): void {
  if (identity.kind !== 'client' || !identity.scopes.includes(scope))
    throw new AppError('FORBIDDEN', { details: { reason: 'scope', scope } });
}

/** The resident ID number a person-facing identity acts as (resident account or kiosk card holder). */
export function actingIdNumber(identity: Identity): string | undefined {
  return identity.kind === 'resident' || identity.kind === 'kiosk' ? identity.idNumber : undefined;
}

/**
 * May this identity act for `holderId`? Residents and kiosk sessions: self or a relative proven by the
 * registers (returns the relation); staff: the holder must live in one of their stations (returns 'officer').
 * Clients are refused here: organisations go through the resident's authorisation instead.
 */
export async function assertMayActFor(
  db: Kysely<Database>,
  identity: Identity,
  holderId: string,
): Promise<Relation | 'officer'> {
  const own = actingIdNumber(identity);
  if (own) {
    const relation = await proveRelation(db, own, holderId);
    if (!relation) throw new AppError('FORBIDDEN', { details: { reason: 'relation-not-proven' } });
    return relation;
  }
  if (identity.kind === 'staff') {
    const holder = await db
      .selectFrom('src_household')
      .select('police_station')
      .where('id_number', '=', holderId)
      .executeTakeFirst();
    // Unknown holders get the same refusal as holders elsewhere: no probing of the register.
    assertStaffInJurisdiction(identity, holder?.police_station ?? '');
    return 'officer';
  }
  throw new AppError('FORBIDDEN', { details: { reason: 'not-a-person' } });
}
