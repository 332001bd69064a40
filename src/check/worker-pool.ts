// Big repos use every core: this thread checks one share of the files while worker threads check
// the rest. Below the threshold a worker's start-up (~0.2 s) costs more than it saves.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { inProcess, type FileRunner } from './validate.js';
import type { FileOutcome } from '../rules/engine.js';
import { FsSource } from '../io/fs-source.js';

// Measured on 2 cores: at ~2,100 files one thread still wins (each worker starts cold, ~0.2 s plus
// JIT warm-up); from ~4,000 the second core pays off.
export const WORKER_THRESHOLD = 4000;

/** A worker holds one file's work at a time plus the reference data: this leaves ample room. */
const WORKER_HEAP_MB = 160;
/**
 * Parsing makes short-lived garbage; a smaller nursery than V8's default (3 × 16 MB semi-spaces
 * here) is scavenged more often but costs ~35 MB less per worker at 100,000 files, for ~3 % time.
 */
const WORKER_YOUNG_MB = 8;

export interface WorkerJob {
  root: string;
  files: { path: string; size: number }[];
  org: unknown;
  now: number;
  fast: boolean;
  keep?: boolean;
}

/** `threads` 1 keeps everything in this thread (IDAC_THREADS=1 from the CLI). */
export function workerRunner(root: string, opts: { threshold?: number; threads?: number } = {}): FileRunner {
  const threshold = opts.threshold ?? WORKER_THRESHOLD;
  const threads = opts.threads ?? Math.max(1, Math.min(availableParallelism(), 8));
  return async (source, input) => {
    if (threads < 2 || input.files.length < threshold || !(source instanceof FsSource)) return inProcess(source, input);
    // Contiguous shares keep output order stable and each worker's reads local. Every share goes
    // to a worker with a capped heap: the garbage of parsing stays small there, and this thread only
    // keeps the compact outcomes (peak memory at 100,000 files is what this is about).
    const shares = split(input.files, threads);
    const results = await Promise.all(
      shares.map((files) =>
        runWorker({
          root,
          files: [...files],
          org: input.org,
          now: input.now,
          fast: input.fast,
          ...(input.keep ? { keep: true } : {}),
        }),
      ),
    );
    return results.flat();
  };
}

function split<T extends { size: number }>(files: readonly T[], n: number): T[][] {
  const total = files.reduce((s, f) => s + f.size + 256, 0);
  const out: T[][] = [[]];
  let acc = 0;
  for (const f of files) {
    acc += f.size + 256;
    out[out.length - 1]!.push(f);
    if (out.length < n && acc >= (total * out.length) / n) out.push([]);
  }
  return out;
}

function runWorker(job: WorkerJob): Promise<FileOutcome[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./check-worker.js', import.meta.url), {
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
    });
    const result: FileOutcome[] = [];
    const intern = interner();
    let done = false;
    // The worker thread's message protocol (structured-clone transport), not a common/result Failure:
    // a worker that fails is a bug or a crash, and becomes an exception here.
    worker.on('message', (m: { ok: true; outcomes?: FileOutcome[]; done?: boolean } | { ok: false; error: string }) => {
      if (!m.ok) reject(new Error(`worker failed: ${m.error}`));
      else if (m.done) done = true;
      else
        for (const o of m.outcomes ?? []) result.push({ ...o, kind: intern(o.kind), inventory: intern(o.inventory) });
    });
    worker.once('error', reject);
    worker.once('exit', (code) => (done ? resolve(result) : reject(new Error(`worker exited with code ${code}`))));
  });
}

/**
 * Every string crosses the thread boundary as a fresh copy; kinds and inventory lines repeat
 * (a few teams × types × statuses), so 100,000 outcomes share a few hundred of them.
 */
function interner(): <T extends string | null | undefined>(s: T) => T {
  const seen = new Map<string, string>();
  return (s) => {
    if (typeof s !== 'string') return s;
    const known = seen.get(s);
    if (known !== undefined) return known as typeof s;
    if (seen.size < 10_000) seen.set(s, s);
    return s;
  };
}
