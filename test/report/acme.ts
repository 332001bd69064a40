// examples/acme's report, built in this process as the CLI builds it (validate in this thread).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FsSource } from '../../src/io/fs-source.js';
import { loadReportInput } from '../../src/features/report/load.js';
import { buildReport } from '../../src/features/report/report.js';
import type { Report } from '../../src/features/report/types.js';
import { rules } from '../../src/rules/index.js';
import { messageOf } from '../../src/common/result.js';

export const ACME = join(fileURLToPath(new URL('../..', import.meta.url)), 'examples/acme');
export const ACME_NOW = '2026-11-23';
export const ACME_NAMES = [
  'events-enricher',
  'legacy-etl',
  'northwind-feed',
  'report-exporter',
  'support-assistant',
  'ledger-ci',
  'ledger-writer',
  'nightly-recon',
  'payout-worker',
  'settlement-reader',
  'statement-renderer',
  'build-runner',
  'ci-deployer',
  'edge-gateway',
  'press-17',
  'release-bot',
];

export async function acmeReport(): Promise<Report> {
  const input = await loadReportInput(new FsSource(ACME), { now: Date.parse(`${ACME_NOW}T00:00:00Z`), rules });
  if (!input.ok) throw new Error(messageOf(input));
  return buildReport(input.value);
}
