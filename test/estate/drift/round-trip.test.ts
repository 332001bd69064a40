// Drift of an untouched repository is empty by construction: examples/acme compiled, "applied"
// (written out as the AWS export, kubectl dump and Vault dump of the estate it becomes), read back
// by the same readers import uses, and compared. idac's own additions (path, tags, session limit,
// confused-deputy guards, Pod Identity session tags) must never read as drift.
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadRepository } from '../../../src/check/repository.js';
import { messageOf } from '../../../src/common/result.js';
import { parseAwsExport } from '../../../src/features/estate/read/aws-export.js';
import { parseKubectlDump } from '../../../src/features/estate/read/kubernetes-dump.js';
import { parseVaultDump } from '../../../src/features/estate/read/vault-dump.js';
import type { Estate } from '../../../src/features/estate/types.js';
import { FsSource } from '../../../src/io/fs-source.js';
import { awsExportOf, compiled, kubectlDumpOf, vaultDumpOf } from './compiled-estate.js';
import { driftOf, NOW } from './fixtures.js';

const ACME = fileURLToPath(new URL('../../../examples/acme/', import.meta.url));

function need<T>(r: { ok: true; value: T } | { ok: false; diagnostics: { summary: string }[] }): T {
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.summary).join('\n'));
  return r.value;
}

describe('drift of examples/acme against the estate compiled from it', () => {
  it('is empty for AWS (both accounts), Kubernetes and Vault', async () => {
    const loaded = await loadRepository(new FsSource(ACME));
    if (!loaded.ok) throw new Error(messageOf(loaded));
    const repo = loaded.value;
    const resources = compiled(repo, NOW);
    const ctx = { org: repo.org, now: NOW };
    const estates: Estate[] = [
      ...Object.keys(repo.org!.spec.targets?.aws ?? {}).map((account) =>
        need(parseAwsExport(awsExportOf(resources, account), ctx)),
      ),
      need(parseKubectlDump(kubectlDumpOf(resources, 'prod-eu'), { ...ctx, cluster: 'prod-eu' })),
      need(parseVaultDump(vaultDumpOf(resources), ctx)),
    ];
    const report = await driftOf(
      { identities: repo.identities.map(({ data, file }) => ({ data, file })), org: repo.org },
      estates,
    );
    expect(report).toEqual({ orphans: [], unmanagedKeys: [], changed: [], missing: [] });
  });
});
