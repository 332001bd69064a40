// A worker thread's share of `validate`: read and check its files, post back compact outcomes.

import { parentPort, workerData } from 'node:worker_threads';
import { inProcess } from '../check/validate.js';
import type { Organization } from '../manifest/organization.generated.js';
import { FsSource } from './fs-source.js';
import type { WorkerJob } from './worker-pool.js';

const job = workerData as WorkerJob;
try {
  const outcomes = await inProcess(new FsSource(job.root), { files: job.files, org: job.org as Organization | null, now: job.now, fast: job.fast });
  parentPort!.postMessage({ ok: true, outcomes });
} catch (e) {
  parentPort!.postMessage({ ok: false, error: (e as Error).message });
}
