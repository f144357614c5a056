// The cryptographic checks of a signed certificate PDF, with no store and no network, so the server and the
// offline CLI run the same code: find the last signature, verify its CMS over the ByteRange digest
// (integrity), make sure the signed ranges cover the whole file (coverage), and chain the signer's
// certificate to a trusted root (issuer). Parses what signing/cms.ts writes (PAdES B-B, detached CMS).
import crypto from 'node:crypto';
import { childrenOf, contentOf, encodingOf, expectTag, readDer } from './der-reader.ts';

/** One check's outcome: passed, failed (the document is not what it claims), or unknown (could not tell). */
export type CheckResult = 'passed' | 'failed' | 'unknown';

/** What the signature of a PDF shows, before any record or status lookup. */
export interface PdfSignatureFacts {
  integrity: { result: CheckResult; reason: string };
  coverage: { result: CheckResult; reason: string };
  /** The signer's certificate (from the CMS), when one could be read. */
  signer?: crypto.X509Certificate;
  /** Does the signer chain to one of the given roots, valid at the signing time? */
  chain: { result: CheckResult; reason: string };
  /** /M of the signature dictionary. */
  signingTime?: Date;
}

// Object identifiers as the hex of their DER content.
const OID_SIGNED_DATA = '2a864886f70d010702';
const OID_MESSAGE_DIGEST = '2a864886f70d010904';
const OID_SIGNING_CERT_V2 = '2a864886f70d010910022f';
const HASHES: Record<string, string> = {
  '608648016503040201': 'sha256',
  '608648016503040202': 'sha384',
  '608648016503040203': 'sha512',
};
/**
 * A department's first certificate is signed moments after its key pair is created, with the issuing
 * time taken just before: tolerate that (and ordinary clock skew) rather than fail a genuine document.
 */
export const CLOCK_SKEW_MS = 10 * 60_000;
const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;

/** Checks the last signature of `pdf` against the trusted `roots`. */
export function inspectPdfSignature(pdf: Buffer, roots: crypto.X509Certificate[]): PdfSignatureFacts {
  const unknownChain = { result: 'unknown' as const, reason: 'no readable signature' };
  const text = pdf.toString('latin1');
  const matches = [...text.matchAll(BYTE_RANGE)];
  const last = matches.at(-1);
  if (!last) {
    return {
      integrity: { result: 'failed', reason: 'the document carries no signature' },
      coverage: { result: 'failed', reason: 'the document carries no signature' },
      chain: unknownChain,
    };
  }
  const [a, b, c, d] = last.slice(1, 5).map(Number) as [number, number, number, number];
  const gapStart = a + b;
  if (
    a !== 0 ||
    b <= 0 ||
    c <= gapStart ||
    c + d > pdf.length ||
    pdf[gapStart] !== 0x3c ||
    pdf[c - 1] !== 0x3e
  ) {
    return {
      integrity: { result: 'failed', reason: 'the signature byte ranges do not fit this file' },
      coverage: { result: 'failed', reason: 'the signature byte ranges do not fit this file' },
      chain: unknownChain,
    };
  }
  const coverage =
    c + d === pdf.length
      ? { result: 'passed' as const, reason: 'the signature covers the whole file' }
      : {
          result: 'failed' as const,
          reason: `${pdf.length - (c + d)} bytes were added after signing (incremental update)`,
        };
  const signingTime = signatureTime(text, last.index);
  const hex = text.slice(gapStart + 1, c - 1);
  let cms: Buffer;
  try {
    if (!/^[0-9A-Fa-f]*$/.test(hex)) throw new Error('not hex');
    cms = trimDer(Buffer.from(hex, 'hex'));
  } catch {
    return {
      integrity: { result: 'failed', reason: 'the signature value is not a CMS structure' },
      coverage,
      chain: unknownChain,
      ...(signingTime ? { signingTime } : {}),
    };
  }
  const verified = verifyCms(cms, pdf, [a, b, c, d]);
  const signer = verified.signer;
  return {
    integrity: verified.integrity,
    coverage,
    ...(signer ? { signer } : {}),
    chain: signer ? chainTo(signer, roots, signingTime) : unknownChain,
    ...(signingTime ? { signingTime } : {}),
  };
}

/** The parts of a detached CMS SignedData that verification needs. */
interface ParsedCms {
  hash: string | undefined;
  digestOid: string;
  certificates: Buffer[];
  signerSerial: Buffer;
  /** The signed attributes re-tagged as SET OF (what was signed), and each attribute by OID (hex). */
  signedAttrsSet: Buffer;
  attributes: Map<string, Buffer>;
  signature: Buffer;
}

/** Parses ContentInfo → SignedData → the first SignerInfo (RFC 5652). Throws on anything unexpected. */
function parseCms(der: Buffer): ParsedCms {
  const info = expectTag(readDer(der, 0), 0x30, 'ContentInfo');
  const [contentType, explicit] = childrenOf(der, info);
  if (!contentType || contentOf(der, contentType).toString('hex') !== OID_SIGNED_DATA)
    throw new Error('not SignedData');
  const signedData = expectTag(childrenOf(der, expectTag(explicit, 0xa0, 'content'))[0], 0x30, 'SignedData');
  const parts = childrenOf(der, signedData);
  const certificates = parts.find((p) => p.tag === 0xa0);
  const signerInfos = expectTag(parts.at(-1), 0x31, 'signerInfos');
  const signerInfo = expectTag(childrenOf(der, signerInfos)[0], 0x30, 'SignerInfo');
  const [, sid, digestAlg, ...rest] = childrenOf(der, signerInfo);
  const serial = childrenOf(der, expectTag(sid, 0x30, 'IssuerAndSerialNumber'))[1];
  const digestOid = contentOf(
    der,
    expectTag(childrenOf(der, expectTag(digestAlg, 0x30, 'digestAlgorithm'))[0], 0x06, 'OID'),
  ).toString('hex');
  const signedAttrs = expectTag(rest[0], 0xa0, 'signedAttrs');
  const signature = expectTag(rest[2], 0x04, 'signature');
  const attributes = new Map<string, Buffer>();
  for (const attr of childrenOf(der, signedAttrs)) {
    const [oid, values] = childrenOf(der, attr);
    const first = values ? childrenOf(der, values)[0] : undefined;
    if (oid && first) attributes.set(contentOf(der, oid).toString('hex'), encodingOf(der, first));
  }
  return {
    hash: HASHES[digestOid],
    digestOid,
    certificates: certificates ? childrenOf(der, certificates).map((c) => encodingOf(der, c)) : [],
    signerSerial: contentOf(der, expectTag(serial, 0x02, 'serialNumber')),
    // RFC 5652 §5.4: the signature is over the DER SET OF, not the [0] IMPLICIT form stored here.
    signedAttrsSet: Buffer.concat([
      Buffer.from([0x31]),
      der.subarray(signedAttrs.start + 1, signedAttrs.end),
    ]),
    attributes,
    signature: contentOf(der, signature),
  };
}

/** The CMS, its message digest against the signed ranges, and the signature over the signed attributes. */
function verifyCms(
  der: Buffer,
  pdf: Buffer,
  [a, b, c, d]: [number, number, number, number],
): { integrity: PdfSignatureFacts['integrity']; signer?: crypto.X509Certificate } {
  const fail = (reason: string) => ({ integrity: { result: 'failed' as const, reason } });
  let cms: ParsedCms;
  try {
    cms = parseCms(der);
  } catch {
    return fail('the signature value is not a CMS structure');
  }
  if (!cms.hash) return fail(`unsupported digest algorithm ${cms.digestOid}`);
  const wanted = stripSign(cms.signerSerial).toString('hex').toUpperCase();
  let signer: crypto.X509Certificate | undefined;
  for (const raw of cms.certificates) {
    const cert = certificateFrom(raw);
    if (cert?.serialNumber.toUpperCase().replace(/^0+/, '') === wanted.replace(/^0+/, '')) signer = cert;
  }
  if (!signer) return fail('the signer certificate is missing from the signature');

  const digestAttr = cms.attributes.get(OID_MESSAGE_DIGEST);
  const digest = crypto
    .createHash(cms.hash)
    .update(pdf.subarray(a, a + b))
    .update(pdf.subarray(c, c + d))
    .digest();
  if (
    !digestAttr ||
    digestAttr[0] !== 0x04 ||
    !contentOf(digestAttr, readDer(digestAttr, 0)).equals(digest)
  ) {
    return {
      integrity: {
        result: 'failed',
        reason: 'the signed bytes were changed after signing (digest mismatch)',
      },
      signer,
    };
  }
  const essCert = cms.attributes.get(OID_SIGNING_CERT_V2);
  if (essCert && !essCert.includes(crypto.createHash('sha256').update(signer.raw).digest())) {
    return {
      integrity: { result: 'failed', reason: 'the signing-certificate attribute names another certificate' },
      signer,
    };
  }
  const ok = crypto.verify(
    cms.hash,
    cms.signedAttrsSet,
    { key: signer.publicKey, dsaEncoding: 'der' },
    cms.signature,
  );
  return ok
    ? { integrity: { result: 'passed', reason: 'the signature verifies over the signed bytes' }, signer }
    : {
        integrity: {
          result: 'failed',
          reason: 'the signature value does not verify with the signer certificate',
        },
        signer,
      };
}

// Certificates repeat in every document of a department: parse each once.
const CERT_CACHE = new Map<string, crypto.X509Certificate>();

function certificateFrom(raw: Buffer): crypto.X509Certificate | undefined {
  const key = raw.toString('base64');
  let cert = CERT_CACHE.get(key);
  if (!cert) {
    try {
      cert = new crypto.X509Certificate(raw);
    } catch {
      return undefined;
    }
    if (CERT_CACHE.size > 1000) CERT_CACHE.clear();
    CERT_CACHE.set(key, cert);
  }
  return cert;
}

/** Chains `cert` to one of `roots` and checks both were valid when the document was signed. */
export function chainTo(
  cert: crypto.X509Certificate,
  roots: crypto.X509Certificate[],
  at: Date | undefined,
): { result: CheckResult; reason: string } {
  const root = roots.find((r) => cert.checkIssued(r) && cert.verify(r.publicKey));
  if (!root)
    return { result: 'failed', reason: 'the signer certificate does not chain to the platform root' };
  const when = (at ?? new Date()).getTime();
  for (const c of [cert, root]) {
    if (when < Date.parse(c.validFrom) - CLOCK_SKEW_MS || when > Date.parse(c.validTo)) {
      return { result: 'failed', reason: 'a certificate of the chain was not valid at the signing time' };
    }
  }
  return { result: 'passed', reason: 'the signer certificate chains to the platform root' };
}

/** The /M date of the signature dictionary that holds the ByteRange at `rangeAt`. */
function signatureTime(text: string, rangeAt: number): Date | undefined {
  const dictStart = text.lastIndexOf('<<', rangeAt);
  const window = text.slice(Math.max(0, dictStart - 4000), rangeAt + 200);
  const m = /\/M\s*\(D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{2}'?\d{2}'?)?\)/.exec(window);
  if (!m) return undefined;
  const zone = !m[7] || m[7] === 'Z' ? 'Z' : `${m[7].slice(0, 3)}:${m[7].replace(/'/g, '').slice(3, 5)}`;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${zone}`);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** A DER value without the zero padding that fills the rest of /Contents. */
function trimDer(b: Buffer): Buffer {
  return b.subarray(0, readDer(b, 0).end);
}

/** A serial number's bytes without the leading zero that keeps a DER INTEGER positive. */
function stripSign(b: Buffer): Buffer {
  return b.length > 1 && b[0] === 0 ? b.subarray(1) : b;
}
