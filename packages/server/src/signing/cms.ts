// CMS SignedData for PAdES B-B (ETSI EN 319 142-1 / 319 122-1), built from DER pieces that are fixed
// per signing key: only the document digest and the signature value change between documents, so
// each signature costs one SHA-256 and one ECDSA operation instead of a full ASN.1 object model.
import crypto, { type KeyObject } from 'node:crypto';

/** DER length octets. */
function len(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v >>= 8) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** A DER TLV. */
export function tlv(tag: number, ...content: Uint8Array[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), len(body.length), body]);
}

const oid = (hex: string): Buffer => tlv(0x06, Buffer.from(hex, 'hex'));
const OID_SIGNED_DATA = oid('2a864886f70d010702');
const OID_DATA = oid('2a864886f70d010701');
const OID_SHA256 = oid('608648016503040201');
const OID_CONTENT_TYPE = oid('2a864886f70d010903');
const OID_MESSAGE_DIGEST = oid('2a864886f70d010904');
const OID_SIGNING_CERT_V2 = oid('2a864886f70d010910022f');
const OID_ECDSA_SHA256 = oid('2a8648ce3d040302');
const SEQ = 0x30;
const SET = 0x31;

/** Splits a certificate into the issuer Name and serial number DER (for IssuerAndSerialNumber). */
function issuerAndSerial(certDer: Uint8Array): Buffer {
  const der = Buffer.from(certDer);
  const tbs = readTlv(der, readTlv(der, 0).contentStart);
  let at = tbs.contentStart;
  if (der[at] === 0xa0) at = readTlv(der, at).end; // explicit version
  const serialEnd = readTlv(der, at).end;
  const serial = der.subarray(at, serialEnd);
  const issuerStart = readTlv(der, serialEnd).end; // after the signature algorithm
  const issuer = der.subarray(issuerStart, readTlv(der, issuerStart).end);
  return tlv(SEQ, issuer, serial);
}

function readTlv(b: Buffer, at: number): { contentStart: number; end: number } {
  let i = at + 1;
  let length = b[i++]!;
  if (length & 0x80) {
    const n = length & 0x7f;
    length = 0;
    for (let k = 0; k < n; k++) length = length * 256 + b[i++]!;
  }
  return { contentStart: i, end: i + length };
}

/** Everything of a signature that does not depend on the document, prepared once per key. */
export interface CmsTemplate {
  /** Signed attributes as a SET (what is signed), with the digest at `digestOffset`. */
  signedAttrs: Buffer;
  digestOffset: number;
  certificatesField: Buffer;
  sid: Buffer;
  /** Upper bound of the encoded SignedData, for the placeholder. */
  maxLength: number;
}

/** Prepares the per-key parts: certificates [signer, ...chain], signer id, signed attributes. */
export function cmsTemplate(certDer: Uint8Array, chainDer: Uint8Array[]): CmsTemplate {
  const certHash = crypto.createHash('sha256').update(certDer).digest();
  const attrs = [
    tlv(SEQ, OID_CONTENT_TYPE, tlv(SET, OID_DATA)),
    tlv(SEQ, OID_MESSAGE_DIGEST, tlv(SET, tlv(0x04, Buffer.alloc(32)))),
    // ESSCertIDv2 with the default hash algorithm (SHA-256), which DER leaves out.
    tlv(SEQ, OID_SIGNING_CERT_V2, tlv(SET, tlv(SEQ, tlv(SEQ, tlv(SEQ, tlv(0x04, certHash)))))),
  ].sort(Buffer.compare); // DER orders SET OF by encoding
  const signedAttrs = tlv(SET, ...attrs);
  const marker = tlv(0x04, Buffer.alloc(32));
  const digestOffset =
    signedAttrs.indexOf(Buffer.concat([OID_MESSAGE_DIGEST, Buffer.from([SET]), len(34), marker])) +
    OID_MESSAGE_DIGEST.length +
    2 +
    2;
  const certificatesField = tlv(0xa0, Buffer.from(certDer), ...chainDer.map((c) => Buffer.from(c)));
  const sid = issuerAndSerial(certDer);
  const template = { signedAttrs, digestOffset, certificatesField, sid, maxLength: 0 };
  template.maxLength = assemble(template, signedAttrs, Buffer.alloc(72, 0x7f)).length + 16;
  return template;
}

function assemble(t: CmsTemplate, signedAttrs: Buffer, signature: Buffer): Buffer {
  const sha256 = tlv(SEQ, OID_SHA256);
  const signerInfo = tlv(
    SEQ,
    tlv(0x02, Buffer.from([1])),
    t.sid,
    sha256,
    Buffer.concat([Buffer.from([0xa0]), signedAttrs.subarray(1)]), // [0] IMPLICIT instead of SET
    tlv(SEQ, OID_ECDSA_SHA256),
    tlv(0x04, signature),
  );
  const signedData = tlv(
    SEQ,
    tlv(0x02, Buffer.from([1])),
    tlv(SET, sha256),
    tlv(SEQ, OID_DATA),
    t.certificatesField,
    tlv(SET, signerInfo),
  );
  return tlv(SEQ, OID_SIGNED_DATA, tlv(0xa0, signedData));
}

/** A detached CMS SignedData over a document with SHA-256 digest `digest`, signed by `key` (P-256). */
export function signCms(t: CmsTemplate, digest: Uint8Array, key: KeyObject): Buffer {
  const attrs = Buffer.from(t.signedAttrs);
  attrs.set(digest, t.digestOffset);
  const signature = crypto.sign('sha256', attrs, { key, dsaEncoding: 'der' });
  return assemble(t, attrs, signature);
}
