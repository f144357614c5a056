// A document worker thread: renders and signs certificates so the main thread stays free for requests
// and the store. Signers arrive once per key (cached here by kid); each job answers with its documents.
import { parentPort, workerData } from 'node:worker_threads';
import { warmUpDocuments } from '../../documents/certificate-documents.ts';
import type { DepartmentSigner } from '../../signing/department-signer.ts';
import { produceDocuments, reviveSigner } from './document-job.ts';
import type { CertificateDocumentInput } from './documents.port.ts';

/** A job sent to the worker. */
export interface DocumentJobMessage {
  id: number;
  input: CertificateDocumentInput;
  signerKid: string;
  signer?: DepartmentSigner;
}

const { publicUrl } = workerData as { publicUrl: string };
const signers = new Map<string, DepartmentSigner>();
warmUpDocuments();

parentPort!.on('message', (job: DocumentJobMessage) => {
  if (job.signer) signers.set(job.signerKid, reviveSigner(job.signer));
  const signer = signers.get(job.signerKid);
  if (!signer) {
    parentPort!.postMessage({ id: job.id, error: `signer ${job.signerKid} not sent` });
    return;
  }
  produceDocuments(job.input, signer, publicUrl).then(
    (docs) => {
      // Hand the PDF's memory over instead of copying it, when the PDF owns its whole buffer.
      const own = docs.pdf.byteOffset === 0 && docs.pdf.byteLength === docs.pdf.buffer.byteLength;
      parentPort!.postMessage({ id: job.id, docs }, own ? [docs.pdf.buffer as ArrayBuffer] : []);
    },
    (e: unknown) => parentPort!.postMessage({ id: job.id, error: String((e as Error)?.stack ?? e) }),
  );
});
