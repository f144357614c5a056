// PAdES B-B signatures (ETSI.CAdES.detached) by the issuing department, chained to the platform root.
// Two ways in: `signPdf` signs any PDF through @libpdf/core (incremental update); the certificate
// renderer instead reserves the signature field while writing and `fillSignature` completes it in
// place (one hash, one ECDSA, prepared CMS pieces), which is ~20× cheaper per document.
import crypto from 'node:crypto';
import { AppError } from '@certcloud/core';
import { PDF, type Signer } from '@libpdf/core';
import { signCms } from '../signing/cms.ts';
import type { DepartmentSigner } from '../signing/department-signer.ts';
import { BYTE_RANGE_BLANK } from './certificate-pdf.ts';

/** Reason and location written into the signature dictionary. */
export interface SignatureInfo {
  reason?: string;
  location?: string;
  signingTime?: Date;
}

/** @libpdf/core's Signer backed by the department's cached key (synchronous ECDSA, DER output). */
function libpdfSigner(signer: DepartmentSigner): Signer {
  return {
    certificate: signer.pdf.certificateDer,
    certificateChain: signer.pdf.chainDer,
    keyType: 'EC',
    signatureAlgorithm: 'ECDSA',
    async sign(data, algorithm) {
      const hash = algorithm.toLowerCase().replace('-', '');
      return crypto.sign(hash, data, { key: signer.pdf.privateKey, dsaEncoding: 'der' });
    },
  };
}

/** Signs any PDF with the department's certificate (PAdES B-B) via @libpdf/core. */
export async function signPdf(
  pdfBytes: Uint8Array,
  signer: DepartmentSigner,
  info: SignatureInfo = {},
): Promise<Uint8Array> {
  const pdf = await PDF.load(pdfBytes);
  const { bytes } = await pdf.sign({
    signer: libpdfSigner(signer),
    level: 'B-B',
    reason: info.reason ?? '证明出具 certificate issued',
    location: info.location ?? signer.departmentName,
    ...(info.signingTime ? { signingTime: info.signingTime } : {}),
    estimatedSize: signer.pdf.cms.maxLength + 2048, // libpdf adds attributes of its own
  });
  return bytes;
}

/**
 * Completes a signature field reserved by `buildCertificatePdf` (the last object of the file):
 * writes the ByteRange, hashes everything but /Contents, and fills /Contents with the CMS.
 */
export function fillSignature(pdf: Buffer, signer: DepartmentSigner): Buffer {
  const rangeAt = pdf.lastIndexOf('/ByteRange [0 ');
  const contentsAt = pdf.indexOf('/Contents <', rangeAt);
  if (rangeAt < 0 || contentsAt < 0) throw new AppError('INTERNAL', { message: 'no signature placeholder' });
  const hexStart = contentsAt + '/Contents '.length; // the '<'
  const hexEnd = pdf.indexOf('>', hexStart) + 1;
  const ranges = [0, hexStart, hexEnd, pdf.length - hexEnd];
  const blank = `/ByteRange [0 ${BYTE_RANGE_BLANK} ${BYTE_RANGE_BLANK} ${BYTE_RANGE_BLANK}]`;
  const written = `/ByteRange [${ranges.join(' ')}]`.padEnd(blank.length, ' ');
  pdf.write(written, rangeAt, 'latin1');
  const digest = crypto
    .createHash('sha256')
    .update(pdf.subarray(0, hexStart))
    .update(pdf.subarray(hexEnd))
    .digest();
  const cms = signCms(signer.pdf.cms, digest, signer.pdf.privateKey);
  const capacity = (hexEnd - hexStart - 2) / 2;
  if (cms.length > capacity) throw new AppError('INTERNAL', { message: 'signature placeholder too small' });
  pdf.write(cms.toString('hex').toUpperCase(), hexStart + 1, 'latin1');
  return pdf;
}
