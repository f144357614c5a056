// Starts a worker thread running one of the platform's TypeScript modules (see module-worker-boot.mjs).
import { Worker } from 'node:worker_threads';

/** A worker thread running `entry` (a module URL), with `data` as its `workerData` beside `entry`. */
export function startModuleWorker(entry: URL, data: Record<string, unknown>): Worker {
  return new Worker(new URL('./module-worker-boot.mjs', import.meta.url), {
    workerData: { ...data, entry: entry.href },
  });
}
