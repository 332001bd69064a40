// import → drift → console edits → drift again, against a real Vault API: the OpenBao dev server
// holds the estate test/peers/vault-estate.ts builds; the built CLI imports it (--live) and drift
// reads it (--vault-live). Right after the import drift reports only what import could not
// express; then a policy edited in place, an AppRole made by hand and a role deleted are each seen,
// exactly. No token, role id or secret id reaches any output.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idac, type CliResult } from '../e2e/cli.js';
import { decideOwners, orgWithTeams } from '../e2e/imported-repo.js';
import { OPENBAO_SKIP, baoBinary, startOpenBao, type OpenBao } from './openbao.js';
import { buildVaultEstate, mutateVaultEstate } from './vault-estate.js';

const bin = baoBinary();
const skipped = bin === null ? ` (skipped: ${OPENBAO_SKIP})` : '';
const NOW = '2026-12-03T12:00:00Z';

interface Report {
  orphans: { target: string; id: string; name: string }[];
  unmanagedKeys: unknown[];
  changed: {
    id: string;
    identity: string;
    differences: { field: string; manifest: string | null; live: string | null }[];
  }[];
  missing: { id: string; identity: string }[];
}

describe.skipIf(bin === null)(`idac import and drift against OpenBao${skipped}`, () => {
  let bao: OpenBao | null = null;
  let secrets: string[] = [];
  let dir: string;
  const outputs: string[] = [];
  const run = (args: string[]): CliResult => {
    const r = idac([...args, '--dir', dir, '--now', NOW], {
      env: { VAULT_ADDR: bao!.address, VAULT_TOKEN: bao!.token },
    });
    outputs.push(r.stdout, r.stderr);
    return r;
  };
  const drift = (): { code: number; report: Report } => {
    const r = run(['drift', '--vault-live', '--format', 'json']);
    return { code: r.code, report: JSON.parse(r.stdout) as Report };
  };
  let first: { code: number; report: Report };
  let imported: { notExpressible: { identity: string; statement: string }[] };

  beforeAll(async () => {
    bao = await startOpenBao(bin!);
    secrets = (await buildVaultEstate(bao)).secrets;
    dir = mkdtempSync(join(tmpdir(), 'idac-bao-drift-'));
    mkdirSync(join(dir, 'identities'));
    writeFileSync(join(dir, 'identities/org.yaml'), orgWithTeams('platform'));
    const imp = run(['import', 'vault', '--live', '--team', 'platform', '--format', 'json']);
    imported = JSON.parse(imp.stdout) as typeof imported;
    decideOwners(dir);
    first = drift();
  }, 120_000);

  afterAll(async () => {
    await bao?.stop();
  });

  it('right after the import: nothing', async () => {
    const { report } = first;
    expect(report.missing).toEqual([]);
    expect(report.unmanagedKeys).toEqual([]);
    // What import could not express is recorded in the manifests (importedFrom.live.notExpressible): not drift.
    expect(imported.notExpressible.length).toBeGreaterThan(0);
    expect(report.changed).toEqual([]);
  });

  it('sees a policy edited in place, an AppRole made by hand and a deleted role, exactly', async () => {
    await mutateVaultEstate(bao!);
    const { code, report } = drift();
    expect(code).toBe(1);
    expect(report.orphans).toEqual(
      [...first.report.orphans, { target: 'vault', id: 'vault:auth/approle/role/shadow-bot', name: 'shadow-bot' }].sort(
        (a, b) => (a.id < b.id ? -1 : 1),
      ),
    );
    expect(report.missing.map((m) => m.id)).toEqual(['vault:auth/kubernetes/role/reports']);
    // Both roles holding the edited policy gain what it now grants.
    const edited = ['vault:auth/approle/role/report-export', 'vault:auth/kubernetes/role/everyone'];
    for (const id of edited) {
      const after = report.changed.find((c) => c.id === id)!;
      const before = first.report.changed.find((c) => c.id === id);
      expect(after.differences.filter((d) => d.field === 'vault.paths')).toEqual([
        { field: 'vault.paths', manifest: null, live: 'list on kv/data/reports/*' },
        { field: 'vault.paths', manifest: null, live: 'update on kv/data/reports/*' },
      ]);
      expect(after.differences.filter((d) => d.field !== 'vault.paths')).toEqual(before?.differences ?? []);
    }
    const others = (r: Report) => r.changed.filter((c) => !edited.includes(c.id));
    expect(others(report)).toEqual(others(first.report).filter((c) => c.id !== 'vault:auth/kubernetes/role/reports'));
  });

  it('never prints the token, a role id or a secret id', () => {
    const all = outputs.join('\n');
    expect(secrets.length).toBeGreaterThan(5);
    for (const s of secrets) expect(all).not.toContain(s);
  });
});
