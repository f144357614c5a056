// Entry of a document worker thread: the platform runs from TypeScript sources, so register tsx in this
// thread (workers do not inherit the main thread's loader), then load the worker module.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
