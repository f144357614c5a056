// Proves how a requester is related to a certificate holder from the registers (DESIGN §8): the household
// register (户籍, same household and compatible relations to the head), birth medical certificates
// (出生医学证明) and marriage registrations (婚姻登记). Nothing here trusts what the requester claims.
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** The requester's relation TO the holder: 'parent' means the requester is the holder's parent. */
export type Relation = 'self' | 'parent' | 'child' | 'spouse';

const HEAD = '户主';
const SPOUSE = /^(配偶|妻|夫|妻子|丈夫)$/;
const CHILD = /^(长|次|三|四|五|六|独生)?(子|女)$/;
const PARENT = /^(父亲|母亲|父|母)$/;

/** Relation implied by two members' relations to the same household head, or null. */
export function householdRelation(requesterRole: string, holderRole: string): Relation | null {
  if (requesterRole === HEAD) {
    if (SPOUSE.test(holderRole)) return 'spouse';
    if (CHILD.test(holderRole)) return 'parent';
    if (PARENT.test(holderRole)) return 'child';
  }
  if (holderRole === HEAD) {
    if (SPOUSE.test(requesterRole)) return 'spouse';
    if (CHILD.test(requesterRole)) return 'child';
    if (PARENT.test(requesterRole)) return 'parent';
  }
  return null;
}

/**
 * The relation of `requesterId` to `holderId` proven by the registers, or null when none is proven.
 * A spouse is proven only while the latest registration between the two is a marriage (no later divorce).
 */
export async function proveRelation(
  db: Kysely<Database>,
  requesterId: string,
  holderId: string,
): Promise<Relation | null> {
  if (requesterId === holderId) return 'self';
  const pair = [requesterId, holderId];
  const [births, marriages, household] = await Promise.all([
    db
      .selectFrom('src_birth_certificate')
      .select(['child_id', 'mother_id', 'father_id'])
      .where((eb) =>
        eb.or([
          eb.and([
            eb('child_id', '=', holderId),
            eb.or([eb('mother_id', '=', requesterId), eb('father_id', '=', requesterId)]),
          ]),
          eb.and([
            eb('child_id', '=', requesterId),
            eb.or([eb('mother_id', '=', holderId), eb('father_id', '=', holderId)]),
          ]),
        ]),
      )
      .execute(),
    db
      .selectFrom('src_marriage')
      .select(['kind', 'reg_date', 'record_no'])
      .where('party_a', 'in', pair)
      .where('party_b', 'in', pair)
      .orderBy('reg_date', 'desc')
      .orderBy('record_no', 'desc')
      .limit(1)
      .execute(),
    db
      .selectFrom('src_household')
      .select(['id_number', 'household_no', 'relation_to_head', 'status'])
      .where('id_number', 'in', pair)
      .execute(),
  ]);
  if (births.some((b) => b.child_id === holderId)) return 'parent';
  if (births.some((b) => b.child_id === requesterId)) return 'child';
  if (marriages[0]?.kind === 'marriage') return 'spouse';
  const requester = household.find((h) => h.id_number === requesterId);
  const holder = household.find((h) => h.id_number === holderId);
  if (requester && holder && requester.household_no === holder.household_no)
    return householdRelation(requester.relation_to_head, holder.relation_to_head);
  return null;
}
