// X.509 certificates of the platform (root CA) and of each department (PDF signing), ECDSA P-256.
import 'reflect-metadata'; // @peculiar/x509's dependency injection needs it loaded first
import crypto, { webcrypto } from 'node:crypto';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const EC = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

/** A new P-256 key pair (extractable, to be encrypted into the store). */
/** Certificates start a little before they are made, so a document signed at once never predates its key. */
const BACKDATE_MS = 10 * 60_000;

export async function newEcKeyPair(): Promise<CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(EC, true, ['sign', 'verify'])) as CryptoKeyPair;
}

/** A CryptoKey for signing certificates, from a Node KeyObject. */
export function toCryptoKey(key: crypto.KeyObject): Promise<CryptoKey> {
  const der = key.export({ format: 'der', type: 'pkcs8' });
  return webcrypto.subtle.importKey('pkcs8', der, EC, false, ['sign']) as Promise<CryptoKey>;
}

function serial(): string {
  const b = crypto.randomBytes(16);
  b[0] = b[0]! & 0x7f; // positive INTEGER
  return b.toString('hex');
}

/** The platform root CA, self-signed, 20 years. */
export async function createRootCertificate(keys: CryptoKeyPair, cityName: string): Promise<string> {
  const name = new x509.Name([{ C: ['CN'] }, { O: [cityName] }, { CN: ['certcloud 证明云根CA'] }]);
  const now = new Date();
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: name,
    issuer: name,
    notBefore: new Date(now.getTime() - BACKDATE_MS),
    notAfter: new Date(now.getTime() + 20 * 365.25 * 86400_000),
    signingAlgorithm: EC,
    publicKey: keys.publicKey,
    signingKey: keys.privateKey,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return cert.toString('pem');
}

/** A department's document-signing certificate, issued by the root, 5 years. */
export async function createDepartmentCertificate(opts: {
  publicKey: CryptoKey;
  departmentName: string;
  cityName: string;
  rootPem: string;
  rootKey: CryptoKey;
}): Promise<string> {
  const root = new x509.X509Certificate(opts.rootPem);
  const now = new Date();
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: new x509.Name([{ C: ['CN'] }, { O: [opts.cityName] }, { CN: [opts.departmentName] }]),
    issuer: root.subjectName,
    notBefore: new Date(now.getTime() - BACKDATE_MS),
    notAfter: new Date(now.getTime() + 5 * 365.25 * 86400_000),
    signingAlgorithm: EC,
    publicKey: opts.publicKey,
    signingKey: opts.rootKey,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(opts.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(root),
    ],
  });
  return cert.toString('pem');
}

/** DER bytes of a PEM certificate. */
export function pemToDer(pem: string): Uint8Array {
  return new Uint8Array(new crypto.X509Certificate(pem).raw);
}
