// One certificate's documents from its input and the issuing department's signer: QR token, sealed and
// signed PDF, W3C credential. Pure CPU work, run in-process or in a document worker thread.
import { chinaDate, maskName, maskResidentId } from '@certcloud/core';
import { renderSignedCertificatePdf } from '../../documents/certificate-documents.ts';
import { formatChineseDate } from '../../documents/certificate-model.ts';
import { issueCredential } from '../../documents/credential.ts';
import { signQrToken } from '../../documents/qr-token.ts';
import type { DepartmentSigner } from '../../signing/department-signer.ts';
import { statusListEntry } from '../verification/status-list.ts';
import type { CertificateDocumentInput, CertificateDocuments } from './documents.port.ts';

/** Renders and signs the documents of one certificate. */
export async function produceDocuments(
  input: CertificateDocumentInput,
  signer: DepartmentSigner,
  publicUrl: string,
): Promise<CertificateDocuments> {
  const issueDay = chinaDate(new Date(input.issuedAt));
  const qrToken = signQrToken(
    {
      name: maskName(input.holderName),
      id: maskResidentId(input.holderId),
      type: input.type.code,
      serial: input.serial,
      issued: issueDay,
      validUntil: input.validUntil,
      issuer: input.issuer.code,
    },
    signer,
  );
  const pdf = await renderSignedCertificatePdf(
    {
      title: input.type.wording.title.zh,
      titleEn: input.type.wording.title.en,
      statement: [input.statementText],
      holderName: input.holderName,
      holderId: input.holderId,
      purpose: input.purpose,
      issueDate: formatChineseDate(issueDay),
      validUntil: formatChineseDate(input.validUntil),
      serial: input.serial,
      verificationCode: input.verificationCode,
      verificationUrl: `${input.verifyUrl}#${qrToken}`,
      issuer: input.issuer,
      ...(input.requesterLine ? { requesterLine: input.requesterLine } : {}),
    },
    signer,
    { signingTime: new Date(input.issuedAt) },
  );
  const credential = issueCredential(
    {
      id: `urn:uuid:${input.certificateId}`,
      typeCode: input.type.code,
      name: input.type.name.zh,
      serial: input.serial,
      validFrom: input.issuedAt,
      validUntil: `${input.validUntil}T23:59:59+08:00`,
      subject: { ...input.statement, purpose: input.purpose },
      credentialStatus: statusListEntry(
        publicUrl,
        input.issuer.code,
        Number(issueDay.slice(0, 4)),
        input.statusListIndex,
      ),
    },
    signer,
    new Date(input.issuedAt),
  );
  return { pdf, credential, qrToken };
}

/** A signer as it arrives in a worker thread (structured clone turns Buffers into Uint8Arrays). */
export function reviveSigner(s: DepartmentSigner): DepartmentSigner {
  const buf = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
  return {
    ...s,
    pdf: {
      ...s.pdf,
      certificateDer: buf(s.pdf.certificateDer),
      chainDer: s.pdf.chainDer.map(buf),
      cms: {
        ...s.pdf.cms,
        signedAttrs: buf(s.pdf.cms.signedAttrs),
        certificatesField: buf(s.pdf.cms.certificatesField),
        sid: buf(s.pdf.cms.sid),
      },
    },
  };
}
