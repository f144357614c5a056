// The credential is checked by an independent implementation of eddsa-jcs-2022 (Digital Bazaar's
// cryptosuite with jsonld-signatures), fed offline by a document loader that knows only our keys.
import { contexts as credentialContexts } from '@digitalbazaar/credentials-context';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import { createVerifyCryptosuite } from '@digitalbazaar/eddsa-jcs-2022-cryptosuite';
import jsigs from 'jsonld-signatures';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DepartmentSigner, departmentDidDocument } from '../signing/department-signer.ts';
import { createTestKeyStore } from '../signing/test-key-store.ts';
import { type CredentialModel, issueCredential } from './credential.ts';

const model: CredentialModel = {
  id: 'https://zm.example.gov.cn/api/v1/certificates/0d7c3c3e-5d1a-4b0e-9a55-1b6f0a4c2f11',
  typeCode: 'no-criminal-record',
  name: '无犯罪记录证明',
  serial: 'MZ-GA-441402-01-2026-000123',
  validFrom: '2026-12-03T08:00:00Z',
  validUntil: '2027-03-02T23:59:59Z',
  subject: { name: '林𠀾𪚥', idNumber: '441402**********1234', criminalRecord: false },
  credentialStatus: {
    id: 'https://zm.example.gov.cn/api/v1/status-lists/MZ-GA-441402-01/2026#123',
    type: 'BitstringStatusListEntry',
    statusPurpose: 'revocation',
    statusListIndex: '123',
    statusListCredential: 'https://zm.example.gov.cn/api/v1/status-lists/MZ-GA-441402-01/2026',
  },
};

function offlineLoader(signer: DepartmentSigner) {
  const did = departmentDidDocument(signer);
  const vm = did.verificationMethod[0]!;
  const docs = new Map<string, unknown>([
    [did.id, did],
    [vm.id, { '@context': 'https://w3id.org/security/multikey/v1', ...vm }],
  ]);
  return async (url: string) => {
    const document = docs.get(url) ?? credentialContexts.get(url);
    if (!document) throw new Error(`offline loader: unknown document ${url}`);
    return { contextUrl: null, documentUrl: url, document };
  };
}

async function independentlyVerify(credential: unknown, signer: DepartmentSigner) {
  return jsigs.verify(structuredClone(credential), {
    suite: new DataIntegrityProof({ cryptosuite: createVerifyCryptosuite() }),
    purpose: new jsigs.purposes.AssertionProofPurpose(),
    documentLoader: offlineLoader(signer),
  });
}

describe('verifiable credential (eddsa-jcs-2022)', () => {
  let t: Awaited<ReturnType<typeof createTestKeyStore>>;
  let signer: DepartmentSigner;
  beforeAll(async () => {
    t = await createTestKeyStore();
    signer = await t.keyStore.signerFor('MZ-GA-441402-01');
  });
  afterAll(() => t.dispose());

  it('is a VC 2.0 naming the department as issuer', () => {
    const vc = issueCredential(model, signer);
    expect(vc['@context']).toEqual(['https://www.w3.org/ns/credentials/v2']);
    expect(vc['type']).toEqual(['VerifiableCredential', 'CertcloudCertificate']);
    expect(vc['issuer']).toEqual({ id: signer.credential.issuer, name: '梅州市公安局江南派出所' });
    expect(vc['validUntil']).toBe(model.validUntil);
    expect(vc.proof).toMatchObject({
      type: 'DataIntegrityProof',
      cryptosuite: 'eddsa-jcs-2022',
      proofPurpose: 'assertionMethod',
      verificationMethod: `${signer.credential.issuer}#${signer.credential.kid}`,
    });
    expect(vc.proof.proofValue).toMatch(/^z[1-9A-HJ-NP-Za-km-z]{80,90}$/);
  });

  it('is accepted by an independent eddsa-jcs-2022 verifier', async () => {
    const result = await independentlyVerify(issueCredential(model, signer), signer);
    expect(result.error).toBeUndefined();
    expect(result.verified).toBe(true);
  });

  it('is rejected by that verifier once a fact is changed', async () => {
    const vc = issueCredential(model, signer);
    (vc['credentialSubject'] as Record<string, unknown>)['criminalRecord'] = true;
    const result = await independentlyVerify(vc, signer);
    expect(result.verified).toBe(false);
  });
});
