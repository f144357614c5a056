// May this requester ask for this holder's certificate? Self; a relative the registers prove; an officer in
// jurisdiction with a reason; an organisation with the resident's authorisation. Deny by default.
import { AppError, type ApplyRequest, type CertificateType, type Channel } from '@certcloud/core';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Identity } from '../../http/identity.ts';
import { proveRelation } from '../auth/relations.ts';

/** Who asked, as recorded on the application, the certificate and the access log. */
export interface Requester {
  kind: 'resident' | 'staff' | 'client' | 'kiosk';
  id: string;
  /** Shown to the holder in their access log. */
  name: string;
  relation: 'self' | 'parent' | 'child' | 'spouse' | 'officer' | 'organisation';
  channel: Channel;
  /** Registers read to prove the relation (recorded as access). */
  proofSources: string[];
}

/** The holder a request is about: the given holderId, or the signed-in resident. */
export function holderOf(identity: Identity, body: ApplyRequest): string {
  const own = identity.kind === 'resident' || identity.kind === 'kiosk' ? identity.idNumber : undefined;
  const holder = body.holderId?.toUpperCase() ?? own;
  if (!holder)
    throw new AppError('VALIDATION_FAILED', {
      details: { problems: [{ path: '/holderId', message: 'required' }] },
    });
  return holder;
}

/** Resolves and authorises the requester; throws FORBIDDEN with a reason code. */
export async function authorizeRequester(
  db: Kysely<Database>,
  identity: Identity,
  type: CertificateType,
  holderId: string,
  body: ApplyRequest,
): Promise<Requester> {
  const deny = (reason: string) => new AppError('FORBIDDEN', { details: { reason } });
  switch (identity.kind) {
    case 'resident':
    case 'kiosk': {
      const channel: Channel = identity.kind === 'kiosk' ? 'kiosk' : 'web';
      if (!type.channels.includes(channel)) throw deny('CHANNEL_NOT_OFFERED');
      const base = { kind: identity.kind, id: identity.idNumber, channel } as const;
      if (holderId === identity.idNumber) {
        if (!type.requesters.self) throw deny('SELF_NOT_ALLOWED');
        return { ...base, name: '本人', relation: 'self', proofSources: [] };
      }
      const relation = await proveRelation(db, identity.idNumber, holderId);
      if (!relation || relation === 'self') throw deny('RELATION_NOT_PROVEN');
      if (body.relation && body.relation !== relation) throw deny('RELATION_NOT_PROVEN');
      if (!type.requesters.relatives.includes(relation)) throw deny('RELATIVE_NOT_ALLOWED');
      const me = await db
        .selectFrom('src_household')
        .select('name')
        .where('id_number', '=', identity.idNumber)
        .executeTakeFirst();
      const label = { parent: '父母', child: '子女', spouse: '配偶' }[relation];
      return {
        ...base,
        name: `${me?.name ?? '亲属'}（${label}）`,
        relation,
        proofSources: ['household', 'birth-certificate', 'marriage'],
      };
    }
    case 'staff': {
      if (!type.requesters.officer || !type.channels.includes('window')) throw deny('OFFICER_NOT_ALLOWED');
      if (!identity.roles.some((r) => r === 'window-officer' || r === 'responsible-officer'))
        throw deny('NOT_AN_OFFICER');
      if (!body.reason) {
        throw new AppError('VALIDATION_FAILED', {
          details: {
            problems: [{ path: '/reason', message: '窗口代办须填写事由 a reason is required at the window' }],
          },
        });
      }
      const home = await db
        .selectFrom('src_household')
        .select('police_station')
        .where('id_number', '=', holderId)
        .executeTakeFirst();
      const issuerDept = type.issuer.kind === 'department' ? type.issuer.department : undefined;
      const inJurisdiction =
        (home !== undefined && identity.stationCodes.includes(home.police_station)) ||
        (issuerDept !== undefined && identity.departmentCode === issuerDept);
      if (!inJurisdiction) throw deny('OUTSIDE_JURISDICTION');
      return {
        kind: 'staff',
        id: identity.username,
        name: `窗口工作人员 ${identity.username}（${identity.departmentCode}）`,
        relation: 'officer',
        channel: 'window',
        proofSources: ['household'],
      };
    }
    case 'client':
      // Organisations obtain certificates only through a resident's authorisation (not yet offered).
      throw deny(identity.clientKind === 'organisation' ? 'AUTHORIZATION_REQUIRED' : 'NOT_AN_APPLICANT');
    default:
      throw new AppError('UNAUTHENTICATED');
  }
}
