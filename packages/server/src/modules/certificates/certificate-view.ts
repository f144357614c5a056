// A certificate as the API shows it: full ID only to its holder, masked to everyone else.
import {
  type CertificateType,
  type CertificateTypeView,
  type CertificateView,
  chinaDate,
  groupVerificationCode,
  maskName,
  maskResidentId,
} from '@certcloud/core';
import type { CertificateRow } from '../../db/schema.ts';
import type { Catalogue } from '../catalogue/catalogue.ts';
import type { SourceRegistry } from '../sources/source-registry.ts';

/** valid | revoked | expired (expiry is derived from the validity date, in China's calendar). */
export function effectiveStatus(row: Pick<CertificateRow, 'status' | 'valid_until'>, now = new Date()) {
  if (row.status === 'revoked') return 'revoked' as const;
  return chinaDate(now) > row.valid_until ? ('expired' as const) : ('valid' as const);
}

/** The view of one certificate for `viewerId` (the holder sees their own full ID number). */
export function certificateView(
  row: CertificateRow,
  ctx: { catalogue: Catalogue; registry: SourceRegistry; publicUrl: string; viewerId: string | null },
): CertificateView {
  const type = ctx.catalogue.get(row.type);
  const issuer = ctx.registry.department(row.issuer_code);
  const own = ctx.viewerId === row.holder_id;
  const code = groupVerificationCode(row.verification_code);
  return {
    id: row.id,
    serial: row.serial,
    type: row.type,
    typeName: type.name,
    holder: {
      name: own ? row.holder_name : maskName(row.holder_name),
      idNumber: own ? row.holder_id : maskResidentId(row.holder_id),
    },
    relation: row.relation,
    purpose: row.purpose,
    statement: own ? row.statement_text : maskStatement(row),
    issuer: {
      code: issuer.code,
      name: issuer.name,
      phone: issuer.phone,
      address: issuer.address,
      officeHours: issuer.officeHours,
    },
    issuedAt: row.issued_at,
    validUntil: row.valid_until,
    status: effectiveStatus(row),
    revokedAt: row.revoked_at,
    verificationCode: code,
    verifyUrl: `${ctx.publicUrl}/v/${code}`,
    links: {
      pdf: `/api/v1/certificates/${row.id}/pdf`,
      credential: `/api/v1/certificates/${row.id}/credential`,
    },
  };
}

/** The statement with every full ID number and the holder's name masked. */
function maskStatement(row: CertificateRow): string {
  return row.statement_text
    .replace(/\d{17}[\dX]/g, (id) => maskResidentId(id))
    .replaceAll(row.holder_name, maskName(row.holder_name));
}

/** One menu entry with its service guide. */
export function certificateTypeView(type: CertificateType, registry: SourceRegistry): CertificateTypeView {
  return {
    code: type.code,
    name: type.name,
    issuer:
      type.issuer.kind === 'department'
        ? registry.department(type.issuer.department).name
        : '户籍所在地派出所',
    validityDays: type.validityDays,
    channels: type.channels,
    requesters: type.requesters,
    guide: type.guide,
    purposes: type.purposes,
    asks: type.asks,
  };
}
