// The QR token's contract, shared by the signer (server), the online check and the browser's offline check:
// a compact ES256 JWS of this type whose payload is exactly these claims.

/** The JWS `typ` header of a QR token. */
export const QR_TOKEN_TYP = 'certcloud-qr+jwt';

/** The claims of a QR token; nothing else is ever put in it. */
export interface QrClaims {
  /** masked name, e.g. 林*红 */
  name: string;
  /** masked ID, e.g. 441402**********1234 */
  id: string;
  /** certificate type code */
  type: string;
  serial: string;
  /** issue date (ISO) */
  issued: string;
  /** valid until (ISO date) */
  validUntil: string;
  /** issuing department code */
  issuer: string;
}
