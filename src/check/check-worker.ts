// A worker thread's share of `validate`: read and check its files, post back compact outcomes.

import { parentPort, workerData } from 'node:worker_threads';
import { inProcess } from './validate.js';
import type { Organization } from '../manifest/organization.generated.js';
import { FsSource } from '../io/fs-source.js';
import type { WorkerJob } from './worker-pool.js';

const job = workerData as WorkerJob;
const BATCH = 500;
try {
  // In batches: the worker never holds its whole share, the main thread keeps the only copy.
  const source = new FsSource(job.root);
  for (let i = 0; i < job.files.length; i += BATCH) {
    const outcomes = await inProcess(source, {
      files: job.files.slice(i, i + BATCH),
      org: job.org as Organization | null,
      now: job.now,
      fast: job.fast,
      ...(job.keep ? { keep: true } : {}),
    });
    parentPort!.postMessage({ ok: true, outcomes });
  }
  parentPort!.postMessage({ ok: true, done: true });
} catch (e) {
  parentPort!.postMessage({ ok: false, error: (e as Error).message });
}
