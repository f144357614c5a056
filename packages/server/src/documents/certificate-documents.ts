// The document layer's entry points for the issuance service.
import type { DepartmentSigner } from '../signing/department-signer.ts';
import type { CertificateDocumentModel } from './certificate-model.ts';
import { buildCertificatePdf } from './certificate-pdf.ts';
import { certificateFonts } from './fonts.ts';
import { fillSignature, type SignatureInfo } from './pdf-signature.ts';

/** The certificate PDF, unsigned (sign it with `signPdf`, or use `renderSignedCertificatePdf`). */
export async function renderCertificatePdf(doc: CertificateDocumentModel): Promise<Uint8Array> {
  return buildCertificatePdf(doc);
}

/** The certificate PDF signed (PAdES B-B) by the department, in one pass: the fast path for issuance. */
export async function renderSignedCertificatePdf(
  doc: CertificateDocumentModel,
  signer: DepartmentSigner,
  info: SignatureInfo = {},
): Promise<Uint8Array> {
  const pdf = await buildCertificatePdf(doc, {
    contentsLength: signer.pdf.cms.maxLength,
    signerName: signer.departmentName,
    reason: info.reason ?? '证明出具 certificate issued',
    location: info.location ?? signer.departmentName,
    signingTime: info.signingTime ?? new Date(),
  });
  return fillSignature(pdf, signer);
}

/** Loads and parses the fonts now rather than on the first certificate (call at start). */
export function warmUpDocuments(): void {
  certificateFonts();
}
