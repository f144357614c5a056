// What issuance needs from the document layer: a signed PDF, a signed credential and a QR token.
import type { CertificateType } from '@certcloud/core';
import type { DepartmentContact } from '../sources/source-registry.ts';

/** Everything a certificate's documents state; nothing else of the person is passed on. */
export interface CertificateDocumentInput {
  certificateId: string;
  type: CertificateType;
  serial: string;
  verificationCode: string;
  verifyUrl: string;
  holderId: string;
  holderName: string;
  statement: Record<string, string>;
  statementText: string;
  purpose: string;
  issuedAt: string; // ISO timestamp
  validUntil: string; // YYYY-MM-DD
  issuer: DepartmentContact;
  statusListIndex: number;
  /** A line naming who asked, when it was not the holder (e.g. 申请人：李某（子女）). */
  requesterLine: string | null;
}

/** The documents of one certificate. */
export interface CertificateDocuments {
  pdf: Uint8Array;
  credential: Record<string, unknown>;
  qrToken: string;
}

/** Renders and signs documents with the issuing department's keys. */
export interface DocumentProducer {
  produce(input: CertificateDocumentInput): Promise<CertificateDocuments>;
}
