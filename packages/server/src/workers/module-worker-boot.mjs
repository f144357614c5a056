// Entry of every worker thread of the platform: the platform runs from TypeScript sources, so register tsx
// in this thread (workers do not inherit the main thread's loader), then load the worker's module.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
