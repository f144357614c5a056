// The platform's long-lived parts, built once at start from config: sources, catalogue, documents, outbox.
import type { Config } from './config/config.ts';
import type { Store } from './db/connection.ts';
import { createTransactionRunner, type TransactionRunner } from './db/transaction-runner.ts';
import { type Catalogue, loadCatalogue } from './modules/catalogue/catalogue.ts';
import { ensureReferenceData } from './modules/catalogue/reference-data.ts';
import { createDocumentProducer } from './modules/certificates/document-producer.ts';
import type { DocumentProducer } from './modules/certificates/documents.port.ts';
import { createSerialAllocator, type SerialAllocator } from './modules/certificates/serial-allocator.ts';
import { inboxHandlers } from './modules/notices/inbox.ts';
import { type EventHandler, startOutboxWorker } from './modules/notices/outbox.dispatcher.ts';
import { createSourceRegistry, type SourceRegistry } from './modules/sources/source-registry.ts';
import type { KeyStore } from './signing/key-store.ts';

/** What the feature modules share. */
export interface Platform {
  registry: SourceRegistry;
  catalogue: Catalogue;
  documents: DocumentProducer;
  keyStore: KeyStore;
  eventHandlers: Record<string, EventHandler>;
  transactions: TransactionRunner;
  serials: SerialAllocator;
  /** Starts delivering outbox events in the background (the server does; tests drain by hand). */
  startOutbox(onError?: (e: unknown) => void): void;
  close(): Promise<void>;
}

/** Builds the platform; a bad catalogue or source file stops it here, naming the file. */
export async function createPlatform(config: Config, store: Store): Promise<Platform> {
  await ensureReferenceData(store);
  const registry = await createSourceRegistry(store, config);
  const catalogue = loadCatalogue(config.catalogueDir, registry);
  const documents = await createDocumentProducer(store, config);
  const eventHandlers = inboxHandlers(catalogue);
  let worker: { stop(): Promise<void> } | undefined;
  return {
    registry,
    catalogue,
    documents,
    keyStore: documents.keyStore,
    eventHandlers,
    transactions: createTransactionRunner(store),
    serials: createSerialAllocator(store.db),
    startOutbox(onError) {
      worker ??= startOutboxWorker(store, eventHandlers, { ...(onError ? { onError } : {}) });
    },
    async close() {
      await worker?.stop();
      await documents.close();
      await registry.close();
    },
  };
}
