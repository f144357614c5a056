// The document layer behind issuance: department keys from the key store, and the documents rendered and
// signed either in worker threads (the default: the second core renders while the first serves requests and
// writes the store) or in-process (workers = 0).
import type { Config } from '../../config/config.ts';
import type { Store } from '../../db/connection.ts';
import { warmUpDocuments } from '../../documents/certificate-documents.ts';
import { createKeyStore, type KeyStore } from '../../signing/key-store.ts';
import { startModuleWorker } from '../../workers/module-worker.ts';
import { produceDocuments } from './document-job.ts';
import type { DocumentJobMessage } from './document-worker.ts';
import type { CertificateDocuments, DocumentProducer } from './documents.port.ts';

/** The default document producer, with the key store it signs from. */
export async function createDocumentProducer(
  store: Store,
  config: Pick<Config, 'masterKey' | 'dataDir' | 'publicUrl' | 'documentWorkers'>,
): Promise<DocumentProducer & { keyStore: KeyStore; close(): Promise<void> }> {
  const keyStore = createKeyStore(store, config);
  if (config.documentWorkers === 0) {
    warmUpDocuments();
    return {
      keyStore,
      async produce(input) {
        return produceDocuments(input, await keyStore.signerFor(input.issuer.code), config.publicUrl);
      },
      async close() {},
    };
  }
  const pool = Array.from({ length: config.documentWorkers }, () => startWorker(config.publicUrl));
  let turn = 0;
  return {
    keyStore,
    async produce(input) {
      const signer = await keyStore.signerFor(input.issuer.code);
      // The least busy worker, starting the search at the next one in turn.
      turn = (turn + 1) % pool.length;
      let worker = pool[turn]!;
      for (const w of pool) if (w.pending.size < worker.pending.size) worker = w;
      return worker.run(input, signer);
    },
    async close() {
      await Promise.all(pool.map((w) => w.terminate()));
    },
  };
}

function startWorker(publicUrl: string) {
  const worker = startModuleWorker(new URL('./document-worker.ts', import.meta.url), { publicUrl });
  const pending = new Map<number, { resolve(d: CertificateDocuments): void; reject(e: Error): void }>();
  const sentKids = new Set<string>();
  let nextId = 0;
  worker.on('message', (m: { id: number; docs?: CertificateDocuments; error?: string }) => {
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (!p) return;
    if (m.docs) p.resolve(m.docs);
    else p.reject(new Error(`document worker: ${m.error}`));
  });
  const failAll = (e: Error) => {
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`document worker exited (${code})`)));
  return {
    pending,
    run(input: DocumentJobMessage['input'], signer: Parameters<typeof produceDocuments>[1]) {
      const id = nextId++;
      const job: DocumentJobMessage = { id, input, signerKid: signer.pdf.kid };
      if (!sentKids.has(signer.pdf.kid)) {
        job.signer = signer;
        sentKids.add(signer.pdf.kid);
      }
      return new Promise<CertificateDocuments>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage(job);
      });
    },
    async terminate() {
      await worker.terminate();
    },
  };
}
