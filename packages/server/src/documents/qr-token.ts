// The token in the QR's URL fragment: a compact ES256 JWS with only what a checker may see (masked
// name and ID, type, serial, dates, issuer), verifiable offline with the published JWKS.
import crypto from 'node:crypto';
import { AppError, QR_TOKEN_TYP, type QrClaims } from '@certcloud/core';
import { compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose';
import type { DepartmentSigner } from '../signing/department-signer.ts';

/**
 * Compact JWS (ES256, `kid` of the department's QR key). Signed with Node's crypto directly — the
 * same bytes jose would produce — because it is synchronous and avoids a thread-pool round trip.
 */
export function signQrToken(claims: QrClaims, signer: Pick<DepartmentSigner, 'qr'>): string {
  const payload: QrClaims = {
    name: claims.name,
    id: claims.id,
    type: claims.type,
    serial: claims.serial,
    issued: claims.issued,
    validUntil: claims.validUntil,
    issuer: claims.issuer,
  };
  const header = { alg: 'ES256', kid: signer.qr.kid, typ: QR_TOKEN_TYP };
  const input = `${b64(JSON.stringify(header))}.${b64(JSON.stringify(payload))}`;
  const sig = crypto.sign('sha256', Buffer.from(input), {
    key: signer.qr.privateKey,
    dsaEncoding: 'ieee-p1363',
  });
  return `${input}.${sig.toString('base64url')}`;
}

function b64(s: string): string {
  return Buffer.from(s, 'utf8').toString('base64url');
}

/** Verifies a QR token against a JWKS (e.g. /.well-known/jwks.json); BAD_REQUEST when invalid. */
export async function verifyQrToken(
  token: string,
  jwks: JSONWebKeySet,
): Promise<{ claims: QrClaims; kid: string; keyStatus: string | undefined }> {
  // jose's JWKS selection ignores unknown members such as our `status`; we report it alongside.
  const keys = { keys: jwks.keys.filter((k) => k.alg === 'ES256') };
  try {
    // compactVerify, not jwtVerify: validity is the certificate's business (an expired certificate's
    // token still verifies and the checker is told it expired), so no JWT time claims apply.
    const { payload, protectedHeader } = await compactVerify(token, createLocalJWKSet(keys), {
      algorithms: ['ES256'],
    });
    if (protectedHeader.typ !== QR_TOKEN_TYP) throw new Error(`unexpected typ ${protectedHeader.typ}`);
    const kid = protectedHeader.kid ?? '';
    const status = (jwks.keys.find((k) => k.kid === kid) as { status?: string } | undefined)?.status;
    return { claims: JSON.parse(new TextDecoder().decode(payload)) as QrClaims, kid, keyStatus: status };
  } catch (cause) {
    throw new AppError('BAD_REQUEST', {
      cause,
      message: 'QR token is not valid',
      details: { reason: 'token' },
    });
  }
}
