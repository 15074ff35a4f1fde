// Boot file of metrocoop's worker threads: the sources are TypeScript run through tsx (docs/decisions/0002), and a
// worker does not inherit the main thread's loader, so register tsx here, then load the worker module named in
// workerData.module.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
