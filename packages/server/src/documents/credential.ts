// The certificate as a W3C Verifiable Credential 2.0, secured with a Data Integrity proof using the
// eddsa-jcs-2022 cryptosuite: JCS (RFC 8785) canonical JSON, SHA-256, Ed25519, base58btc proofValue.
import crypto from 'node:crypto';
import canonicalize from 'canonicalize';
import { base58btc, type DepartmentSigner } from '../signing/department-signer.ts';

/** The record a credential states: the certificate's minimal facts. */
export interface CredentialModel {
  /** URL or URN naming the certificate, e.g. https://…/api/v1/certificates/<id> */
  id: string;
  /** catalogue type code, e.g. no-criminal-record */
  typeCode: string;
  /** e.g. 无犯罪记录证明 */
  name: string;
  serial: string;
  /** ISO date-time with zone */
  validFrom: string;
  validUntil: string;
  /** The holder and the stated facts (masked as the caller decides). */
  subject: Record<string, unknown>;
  /** Where status (valid / revoked) is checked, e.g. a W3C BitstringStatusListEntry. */
  credentialStatus?: Record<string, unknown>;
}

/** A credential with its proof (plain JSON, ready to serve as application/vc+ld+json). */
export type VerifiableCredential = Record<string, unknown> & {
  proof: Record<string, unknown> & { proofValue: string };
};

export const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';

/** Builds and signs the credential with the department's Ed25519 key. */
export function issueCredential(
  model: CredentialModel,
  signer: Pick<DepartmentSigner, 'credential' | 'departmentName'>,
  created: Date = new Date(),
): VerifiableCredential {
  const unsecured: Record<string, unknown> = {
    '@context': [VC_CONTEXT],
    id: model.id,
    type: ['VerifiableCredential', 'CertcloudCertificate'],
    name: model.name,
    issuer: { id: signer.credential.issuer, name: signer.departmentName },
    validFrom: model.validFrom,
    validUntil: model.validUntil,
    credentialSubject: { ...model.subject, certificateType: model.typeCode, serial: model.serial },
    ...(model.credentialStatus ? { credentialStatus: model.credentialStatus } : {}),
  };
  const proofConfig = {
    '@context': unsecured['@context'],
    type: 'DataIntegrityProof',
    cryptosuite: 'eddsa-jcs-2022',
    created: `${created.toISOString().slice(0, 19)}Z`,
    verificationMethod: signer.credential.verificationMethod,
    proofPurpose: 'assertionMethod',
  };
  const hashData = Buffer.concat([sha256(canonicalize(proofConfig)!), sha256(canonicalize(unsecured)!)]);
  const signature = crypto.sign(null, hashData, signer.credential.privateKey);
  return { ...unsecured, proof: { ...proofConfig, proofValue: base58btc(signature) } };
}

function sha256(s: string): Buffer {
  return crypto.createHash('sha256').update(s, 'utf8').digest();
}
